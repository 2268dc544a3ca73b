/**
 * The Listen screen's frame time (issue 23 "Speed": no frame over 50 ms while 100 telegrams per
 * second arrive). Ten seconds of a walk-by are fed, 100 telegrams per second, into the Listen
 * pipeline in this process — the iM871A's bytes in, each telegram decoded with its meter's key
 * (mode 5), matched to its stop, its values, due-day values, other values and alarms worked out,
 * and, the route saying so, saved at once through the reading checks into a real SQLite file
 * (reading set, MeterReadings and EndDeviceEvents in the outbox) the first time a meter is heard.
 * What is timed is each telegram's whole step (one `feed`), wall clock, since the screen waits on
 * the wall; the longest step is what could hold a frame. Baseline in the same run: decoding the
 * same telegram alone (decodeTelegram), so the ratio says what matching and the store add.
 *
 *   npx tsx bench/mbusListen.ts  → bench/results/mbusListen.json (bench/report.ts adds it to bench/README.md)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createListenSession } from '../electron/services/mbus/listen';
import { nodeAes } from '../electron/services/mbus/nodeAes';
import { radioStopsOf } from '../electron/services/mbus/radioRoute';
import { importRoute } from '../electron/services/routes/importRoute';
import { openStore } from '../electron/services/store';
import { defaultValidationSettings } from '../shared/domain/readingValidation';
import { decodeTelegram, encodeTelegram, hexBytes, wrapForReceiver } from '../shared/mbus';
import { csv, row } from '../test/support/routeCsv';

const PER_SECOND = 100;
const SECONDS = 10;
const METERS = 400;
const FRAME_MS = 50;
const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';
const actor = { name: 'Bench', role: 'technician' } as const;

const idOf = (i: number) => String(30_000_000 + i);
const keyOf = (i: number) => hexBytes((i * 2654435761 + 1).toString(16).padStart(32, '0').slice(-32));
const le32 = (n: number) => n.toString(16).padStart(8, '0').match(/../g)!.reverse().join('');
// A water meter's C1 telegram: volume, flow and its maximum, due date and due-day volume, error flags
// (the odd meter with power low and an error flag, so alarms are raised and told too).
const records = (volumeLitres: number) =>
  hexBytes(`0413 ${le32(volumeLitres)} 053B 00000000 153B 0000803F 426C 7F2C 4413 ${le32(volumeLitres - 100)} 02FD17 0000`);

const dir = mkdtempSync(join(tmpdir(), 'fm-bench-listen-'));
const store = openStore(join(dir, 'bench.db'));
const rows = Array.from({ length: METERS }, (_, i) =>
  row({ seq: String(10 + i), up: `UP-${i}`, serial: `KAM${idOf(i)}`, type: WATER, dials: '6', decimals: '3', last: '100', average: '' }),
);
importRoute(store, actor, { fileName: 'bench.csv', content: csv(...rows), acceptValidRows: false });
const stops = radioStopsOf(store, 'R1');
const keys = new Map(Array.from({ length: METERS }, (_, i) => [`KAM${idOf(i)}`, keyOf(i)]));

// Every meter sends every few seconds: telegram n comes from meter n mod METERS, a newer access number each round.
const telegrams = Array.from({ length: PER_SECOND * SECONDS }, (_, n) => {
  const i = n % METERS;
  const frame = encodeTelegram({
    manufacturer: 'KAM',
    id: idOf(i),
    version: 0x1b,
    deviceType: 0x07,
    accessNumber: (Math.floor(n / METERS) + 1) & 0xff,
    status: i % 17 === 0 ? 0x04 : 0,
    records: records(100_500 + n),
    key: keyOf(i),
    aes: nodeAes,
    withoutCrc: true,
  });
  return { frame, wrapped: wrapForReceiver('im871a', frame, 0x50) };
});

const session = createListenSession({
  store,
  actor: () => actor,
  receiver: 'im871a',
  stops,
  keys,
  aes: nodeAes,
  autoSave: true,
  settings: defaultValidationSettings,
  photoDir: join(dir, 'photos'),
});

const stepMs: number[] = [];
const savingStepMs: number[] = [];
const savingStepCpuMs: number[] = [];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const heardAgainStepMs: number[] = [];
const decodeMs: number[] = [];
const savedCount = store.db.prepare('SELECT count(*) FROM reading_sets').pluck();
let savedBefore = 0;
const busyPerSecondMs: number[] = [];
for (let s = 0; s < SECONDS; s++) {
  let busy = 0;
  for (let k = 0; k < PER_SECOND; k++) {
    const t = telegrams[s * PER_SECOND + k]!;
    const d0 = performance.now();
    const decoded = decodeTelegram(t.frame, { aes: nodeAes, key: keys.get(`KAM${idOf((s * PER_SECOND + k) % METERS)}`) });
    decodeMs.push(performance.now() - d0);
    if (!decoded.ok) throw new Error(decoded.reason);
    const c0 = cpuMs();
    const t0 = performance.now();
    session.feed(t.wrapped);
    const ms = performance.now() - t0;
    const cpu = cpuMs() - c0;
    stepMs.push(ms);
    const savedNow = savedCount.get() as number;
    (savedNow > savedBefore ? savingStepMs : heardAgainStepMs).push(ms);
    if (savedNow > savedBefore) savingStepCpuMs.push(cpu);
    savedBefore = savedNow;
    busy += ms;
  }
  busyPerSecondMs.push(busy);
}
const counts = session.counts();
const saved = savedCount.get() as number;
const eventMessages = store.db.prepare("SELECT count(*) FROM outbox WHERE noun = 'EndDeviceEvents'").pluck().get() as number;
store.close();
rmSync(dir, { recursive: true, force: true });

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);
const at = (xs: readonly number[], q: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
const round = (n: number, digits = 3) => Number(n.toFixed(digits));
const longest = Math.max(...stepMs);
const results = {
  date: new Date().toISOString(),
  node: process.version,
  /** The machine's 1-minute load when the run ended: wall times grow with it. */
  load: round(loadavg()[0] ?? 0, 1),
  telegramsPerSecond: PER_SECOND,
  seconds: SECONDS,
  routeMeters: METERS,
  heard: counts.heard,
  saved,
  eventMessages,
  step: { p50Ms: round(at(stepMs, 0.5)), p99Ms: round(at(stepMs, 0.99)), longestMs: round(longest) },
  /** A meter heard the first time, saved at once (one SQLite transaction, synchronous=FULL). */
  savingStep: {
    count: savingStepMs.length,
    p50Ms: round(at(savingStepMs, 0.5)),
    longestMs: round(Math.max(...savingStepMs)),
    /** CPU time of the process in the step: the rest of the wall time is waiting for the disk. */
    cpuP50Ms: round(at(savingStepCpuMs, 0.5)),
  },
  /** A meter heard again: decoded, matched and shown, nothing written. */
  heardAgainStep: {
    count: heardAgainStepMs.length,
    p50Ms: round(at(heardAgainStepMs, 0.5)),
    longestMs: round(Math.max(...heardAgainStepMs)),
  },
  decodeOnly: { p50Ms: round(at(decodeMs, 0.5)), longestMs: round(Math.max(...decodeMs)) },
  longestVsDecodeP50: round(longest / at(decodeMs, 0.5), 1),
  busiestSecondMs: round(Math.max(...busyPerSecondMs), 1),
  frameMs: FRAME_MS,
  met: longest <= FRAME_MS,
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'mbusListen.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
process.exit(results.met ? 0 : 1);
