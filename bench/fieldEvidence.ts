/**
 * Field evidence benchmarks (issue 24), each against a baseline in the same run:
 * - decoding a serial plate (Code 128 made with bwip-js, in a 1280×720 camera frame) with the
 *   app's decoder (zxing-wasm), target ≤ 300 ms per decode; baseline: one pass over the frame's
 *   pixels (what any frame costs to look at);
 * - drawing the schematic map of a 600-stop route (plot + SVG markup, React server render),
 *   target ≤ 500 ms; baseline: the same stops' JSON (what the list's data costs to move).
 *
 * The target is checked on the median: on a shared 2-core machine the 95th percentile mostly
 * measures the other processes.
 *
 *   npx tsx bench/fieldEvidence.ts  → bench/results/fieldEvidence.json (bench/report.ts adds it to bench/README.md)
 */
import './productionReact';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { demoCoordinates } from '../electron/services/demo/demoRoute';
import { decodeImage, prepareDecoder } from '../renderer/src/lib/barcodeDecoder';
import { schematicPlot, type MapStop, type SchematicPlot } from '../renderer/src/features/map/schematic';
import { onCanvas, symbolImage, toImageData } from '../test/support/symbols';

// The renderer's .tsx compiles to React.createElement here (tsx takes the Node tsconfig, which has no "jsx": "react-jsx").
// Loaded by name: the Node TypeScript project has no JSX and no DOM (React's DOM types would
// leak into it; the renderer's own project checks these files).
type Element = { readonly type: unknown };
const reactName = 'react';
const serverName = 'react-dom/server';
const React = ((await import(reactName)) as { default: { createElement(type: unknown, props: unknown): Element } }).default;
const { renderToStaticMarkup } = (await import(serverName)) as { renderToStaticMarkup(element: Element): string };
const createElement = React.createElement;
Object.assign(globalThis, { React });
const renderer = '../renderer/src';
await import(`${renderer}/i18n/index.ts`);
const { SchematicMap } = (await import(`${renderer}/features/map/SchematicMap.tsx`)) as {
  SchematicMap: (props: { plot: SchematicPlot; position: null; onOpen(id: string): void }) => Element;
};

const RUNS = 15;
const STOPS = 600;
const DECODE_TARGET_MS = 300;
const MAP_TARGET_MS = 500;
const percentile = (samples: number[], p: number) =>
  [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))] ?? 0;
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

// 1. Decoder.
const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
prepareDecoder({ bytes: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
const frame = toImageData(onCanvas(symbolImage('code128', 'E3100001', 3), 1280, 720));
await decodeImage(frame); // the first call instantiates the module
const decodes: number[] = [];
const passes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  const code = await decodeImage(frame);
  decodes.push(performance.now() - t);
  if (code?.text !== 'E3100001') throw new Error(`decoded ${JSON.stringify(code)}`);
  t = performance.now();
  let luma = 0;
  for (let p = 0; p < frame.data.length; p += 4) luma += frame.data[p] ?? 0;
  passes.push(performance.now() - t);
  if (luma < 0) throw new Error('unreachable');
}

// 2. Schematic map of 600 stops.
const statuses = ['read', 'skipped', 'unread', 'warning'] as const;
const stops: MapStop[] = Array.from({ length: STOPS }, (_, k) => {
  const [latitude, longitude] = demoCoordinates(k + 1);
  return {
    usagePointId: `UP-${1001 + k}`,
    sequence: (k + 1) * 10,
    address: `${k + 1} Linden Street, Springfield`,
    status: statuses[k % 7 === 0 ? 1 : k < 300 ? 0 : 2] ?? 'unread',
    latitude: Number(latitude),
    longitude: Number(longitude),
  };
});
const maps: number[] = [];
const jsons: number[] = [];
let markup = '';
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  const plot = schematicPlot(stops);
  markup = renderToStaticMarkup(createElement(SchematicMap, { plot, position: null, onOpen: () => undefined }));
  maps.push(performance.now() - t);
  t = performance.now();
  JSON.parse(JSON.stringify(stops));
  jsons.push(performance.now() - t);
}
if ((markup.match(/data-testid="map-stop"/g) ?? []).length !== STOPS) throw new Error('the map lost stops');

const decodeP50 = percentile(decodes, 50);
const mapP50 = percentile(maps, 50);
const result = {
  date: new Date().toISOString(),
  decode: {
    frame: '1280×720, Code 128 "E3100001"',
    p50Ms: round(decodeP50),
    p95Ms: round(percentile(decodes, 95)),
    pixelPassP50Ms: round(percentile(passes, 50)),
    ratio: round(decodeP50 / Math.max(percentile(passes, 50), 0.001), 1),
    targetMs: DECODE_TARGET_MS,
    ok: decodeP50 <= DECODE_TARGET_MS,
  },
  map: {
    stops: STOPS,
    p50Ms: round(mapP50),
    p95Ms: round(percentile(maps, 95)),
    jsonP50Ms: round(percentile(jsons, 50)),
    ratio: round(mapP50 / Math.max(percentile(jsons, 50), 0.001), 1),
    targetMs: MAP_TARGET_MS,
    ok: mapP50 <= MAP_TARGET_MS,
  },
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'fieldEvidence.json'), JSON.stringify(result, null, 2) + '\n');
process.stdout.write(JSON.stringify(result, null, 2) + '\n');
process.exit(result.decode.ok && result.map.ok ? 0 : 1);
