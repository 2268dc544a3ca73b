/**
 * The Listen screen's frame time (issue 23 "Speed": no frame over 50 ms while 100 telegrams per
 * second arrive). Ten seconds of a walk-by are fed, 100 telegrams per second, into the Listen
 * pipeline in this process — the iM871A's bytes in, each telegram decoded with its meter's key
 * (mode 5), matched to its stop, its values, due-day values, other values and alarms worked out,
 * and, the route saying so, saved through the reading checks into a real SQLite file (reading set,
 * MeterReadings and EndDeviceEvents in the outbox) once a meter is heard the first time: the meters
 * heard first within 250 ms are written together, one transaction (autoSaveBatch.ts). The batch's
 * window runs on the telegrams' own clock (10 ms apart), so the run is the same on any machine.
 * What is timed is each step on the event loop — one telegram's `feed`, or one batch written —
 * wall clock, since the screen waits on the wall; the longest step is what could hold a frame.
 * Commits are counted in the write-ahead log. Baseline in the same run: decoding the same telegram
 * alone (decodeTelegram), so the ratio says what matching and the store add.
 *
 *   npx tsx bench/mbusListen.ts  → bench/results/mbusListen.json (bench/report.ts adds it to bench/README.md)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BatchTimer } from '../electron/services/mbus/autoSaveBatch';
import { createListenSession } from '../electron/services/mbus/listen';
import { nodeAes } from '../electron/services/mbus/nodeAes';
import { radioStopsOf } from '../electron/services/mbus/radioRoute';
import { importRoute } from '../electron/services/routes/importRoute';
import { openStore } from '../electron/services/store';
import { defaultValidationSettings } from '../shared/domain/readingValidation';
import { decodeTelegram, encodeTelegram, hexBytes, wrapForReceiver } from '../shared/mbus';
import { csv, row } from '../test/support/routeCsv';
import { walCommits } from '../test/support/walCommits';

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
const path = join(dir, 'bench.db');
const store = openStore(path);
const rows = Array.from({ length: METERS }, (_, i) =>
  row({ seq: String(10 + i), up: `UP-${i}`, serial: `KAM${idOf(i)}`, type: WATER, dials: '6', decimals: '3', last: '100', average: '' }),
);
importRoute(store, actor, { fileName: 'bench.csv', content: csv(...rows), acceptValidRows: false });
const stops = radioStopsOf(store, 'R1');
const keys = new Map(Array.from({ length: METERS }, (_, i) => [`KAM${idOf(i)}`, keyOf(i)]));
// Every commit stays in the write-ahead log to be counted.
store.db.pragma('wal_autocheckpoint = 0');

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

// The telegrams' clock: telegram n arrives at n × 10 ms; a batch whose window has closed is written before the next telegram.
let clockMs = 0;
let due: { at: number; fire: () => void } | null = null;
const batchClock: BatchTimer = {
  set(fire, ms) {
    due = { at: clockMs + ms, fire };
    return due;
  },
  clear(handle) {
    if (due === handle) due = null;
  },
};

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
  batch: { timer: batchClock },
});

const stepMs: number[] = [];
const firstHeardStepMs: number[] = [];
const batchStepMs: number[] = [];
const batchStepCpuMs: number[] = [];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const heardAgainStepMs: number[] = [];
const decodeMs: number[] = [];
const savedCount = store.db.prepare('SELECT count(*) FROM reading_sets').pluck();
const commitsBefore = walCommits(path);
const timedBatch = (write: () => void) => {
  const c0 = cpuMs();
  const t0 = performance.now();
  write();
  const ms = performance.now() - t0;
  if ((savedCount.get() as number) === savedBefore) return 0;
  savedBefore = savedCount.get() as number;
  batchStepMs.push(ms);
  batchStepCpuMs.push(cpuMs() - c0);
  return ms;
};
let savedBefore = 0;
const busyPerSecondMs: number[] = [];
for (let s = 0; s < SECONDS; s++) {
  let busy = 0;
  for (let k = 0; k < PER_SECOND; k++) {
    const n = s * PER_SECOND + k;
    clockMs = n * (1000 / PER_SECOND);
    const closing = due as { at: number; fire: () => void } | null;
    if (closing && closing.at <= clockMs) {
      const ms = timedBatch(closing.fire);
      stepMs.push(ms);
      busy += ms;
    }
    const t = telegrams[n]!;
    const d0 = performance.now();
    const decoded = decodeTelegram(t.frame, { aes: nodeAes, key: keys.get(`KAM${idOf((s * PER_SECOND + k) % METERS)}`) });
    decodeMs.push(performance.now() - d0);
    if (!decoded.ok) throw new Error(decoded.reason);
    const heardBefore = session.counts().heard;
    const c0 = cpuMs();
    const t0 = performance.now();
    session.feed(t.wrapped);
    const ms = performance.now() - t0;
    const cpu = cpuMs() - c0;
    stepMs.push(ms);
    (session.counts().heard > heardBefore ? firstHeardStepMs : heardAgainStepMs).push(ms);
    // Saved within the telegram's own step (a save per meter, or a batch full before its window closed).
    const savedNow = savedCount.get() as number;
    if (savedNow > savedBefore) {
      batchStepMs.push(ms);
      batchStepCpuMs.push(cpu);
    }
    savedBefore = savedNow;
    busy += ms;
  }
  busyPerSecondMs.push(busy);
}
// Listening stopped: the last batch is written (Stop saves what waits).
stepMs.push(timedBatch(() => session.flush()));
const commits = walCommits(path) - commitsBefore;
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
  /** A meter heard the first time: its telegram's step (with a save per meter, the save is in it). */
  firstHeardStep: {
    count: firstHeardStepMs.length,
    p50Ms: round(at(firstHeardStepMs, 0.5)),
    longestMs: round(Math.max(...firstHeardStepMs)),
  },
  /** A step that wrote readings: one SQLite transaction with a synchronous commit (synchronous=FULL). */
  writingStep: {
    count: batchStepMs.length,
    p50Ms: round(at(batchStepMs, 0.5)),
    longestMs: round(Math.max(...batchStepMs)),
    /** CPU time of the process in the step: the rest of the wall time is waiting for the disk. */
    cpuP50Ms: round(at(batchStepCpuMs, 0.5)),
  },
  /** Transactions committed while listening, counted in the write-ahead log. */
  commits,
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
