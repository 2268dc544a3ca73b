/**
 * Standards-messages benchmark: 10,000 readings built into CreatedMeterReadings messages (2,500
 * visits of 4 coincident readings, the outbox shape), all validated by xmllint against the CX
 * MeterReadingsMessage.xsd in one run (target ≤ 2 s for build + validate); then the same bytes
 * parsed by parseMessage (hardened + typed) against a plain fast-xml-parser pass (the ratio is
 * what we track — these machines are noisy).
 *
 *   npx tsx bench/cim.ts  → bench/results/cim.json
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { XMLParser } from 'fast-xml-parser';
import { parseMessage } from '../shared/cim';
import { renderOutboxRow } from '../shared/cim/outbox';

const READINGS = 10_000;
const PER_VISIT = 4;
const types = [1, 2, 3, 4].map((tou) => `0.0.0.1.1.1.12.0.0.0.0.${tou}.0.0.0.3.72.0`);
const xsdDir = resolve(process.env.FIELDMETER_CIM_XSD_DIR ?? join(import.meta.dirname, '..', '..', 'shared', 'cim'));
const xsd = join(xsdDir, 'connexo-honeywell', 'outbound.soap', 'meterreadings', 'MeterReadingsMessage.xsd');

const time = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};

const [messages, buildMs] = time(() => {
  const out: string[] = [];
  for (let v = 0; v < READINGS / PER_VISIT; v++) {
    const timeStamp = new Date(Date.UTC(2026, 4, 1, 8, 0, v)).toISOString();
    out.push(
      renderOutboxRow(
        {
          messageId: `bench-${v}`,
          kind: 'meterReadings',
          verb: 'created',
          createdAt: timeStamp,
          payload: {
            meter: `E${3_100_000 + v}`,
            usagePoint: `UP-${10_000 + v}`,
            readings: types.map((readingType, i) => ({
              readingType,
              value: `${(v * 7 + i) % 99_999}.${i}`,
              timeStamp,
              qualities: ['2.4.131'],
            })),
          },
        },
        { source: 'FIELDMETER-BENCH' },
        'typed',
      ),
    );
  }
  return out;
});

const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-bench-cim-'));
let validateMs: number | null = null;
let validated: number | null = null;
let skipped: string | null = null;
try {
  const files = messages.map((xml, i) => {
    const file = join(dir, `${i}.xml`);
    writeFileSync(file, xml);
    return file;
  });
  if (!existsSync(xsd)) skipped = `XSD not found at ${xsd}`;
  else if (spawnSync('xmllint', ['--version']).status !== 0) skipped = 'xmllint not installed';
  else {
    const [run, ms] = time(() =>
      spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
    );
    validateMs = ms;
    validated = run.stderr.split('\n').filter((l) => l.endsWith(' validates')).length;
    if (run.status !== 0)
      throw new Error(
        `validation failed:\n${run.stderr
          .split('\n')
          .filter((l) => !l.endsWith(' validates'))
          .slice(0, 5)
          .join('\n')}`,
      );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Parse: warm both once, then measure the same bytes.
const plain = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false });
for (const xml of messages.slice(0, 200)) {
  parseMessage(xml);
  plain.parse(xml);
}
const [parsedReadings, parseMs] = time(() => {
  let n = 0;
  for (const xml of messages) {
    const m = parseMessage(xml);
    if (m.kind === 'event' && m.payload?.kind === 'xml' && m.payload.body.noun === 'MeterReadings')
      n += m.payload.body.value.meterReadings[0]?.readings?.length ?? 0;
  }
  return n;
});
const [, plainMs] = time(() => messages.forEach((xml) => plain.parse(xml)));
if (parsedReadings !== READINGS) throw new Error(`parsed ${parsedReadings} readings, expected ${READINGS}`);

const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  readings: READINGS,
  messages: messages.length,
  megabytes: round(messages.reduce((s, x) => s + x.length, 0) / 1e6),
  buildMs: round(buildMs),
  validateMs: round(validateMs),
  validatedMessages: validated,
  buildAndValidateMs: validateMs === null ? null : round(buildMs + validateMs),
  targetMs: 2000,
  withinTarget: validateMs === null ? null : buildMs + validateMs <= 2000,
  parseMs: round(parseMs),
  plainFastXmlParserMs: round(plainMs),
  parseRatio: round(parseMs / plainMs),
  skipped,
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'cim.json'), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
