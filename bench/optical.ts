/**
 * Optical-port benchmarks (issue 6):
 *  1. parser throughput vs the smartmeter-obis package on the same telegrams (target ≥ 5×);
 *  2. a 2 kB mode C readout at 9600 baud over a real socat PTY with the simulator pacing its
 *     output at the line rate, vs the line-time limit (target ≤ 1.15×).
 *
 *   npx tsx bench/optical.ts  → bench/results/optical.json
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSerialLink } from '../electron/services/serial/link';
import { readMeter } from '../electron/services/serial/reader';
import { findProfile, MeterSimulator, socatMissingReason, startPtyPair } from '../electron/services/serial/simulator';
import {
  asciiBytes,
  crc16Arc,
  dataBlock,
  mapDataSets,
  minimalObisReadingTypes,
  OpticalSession,
  type ObisReadingTypes,
} from '../shared/iec62056';

process.env.FIELDMETER_LOG = 'silent';
interface D0Protocol {
  communicationState: number;
  handleMessage(message: Buffer): unknown;
}
const require = createRequire(import.meta.url);
const { D0Protocol } = require('smartmeter-obis') as {
  D0Protocol: new (options: object, store: (err: unknown, data: unknown) => void) => D0Protocol;
};

const large = findProfile('large');
const p1Profile = findProfile('p1');
if (!large || !p1Profile) throw new Error('simulator profiles missing');
// The same bytes go to both parsers. Mode C: the data block `STX … ETX BCC` (their identification
// step needs a transport, so neither side gets the identification line). P1: the whole telegram
// with its correct CRC, so our check runs its real (passing) path.
const modeCBlock = dataBlock(`${large.lines.join('\r\n')}\r\n!\r\n`);
const p1Text = `/${p1Profile.identification}\r\n${p1Profile.lines.join('\r\n')}\r\n!`;
const p1 = asciiBytes(`${p1Text}${crc16Arc(asciiBytes(p1Text)).toString(16).toUpperCase().padStart(4, '0')}\r\n`);

/** Ours, bare: framing, BCC/CRC check, every data set as exact text. */
function oursBare(bytes: Uint8Array): number {
  const session = new OpticalSession({ kind: 'listen' });
  const events = [...session.feed(bytes), ...session.finish()];
  const done = events[events.length - 1];
  return done?.type === 'complete' && done.checksum === 'ok' ? done.dataSets.length : -1;
}

/** Ours, full: bare + ReadingType and event mapping, memoised per address as the app runs it. */
const oursFull =
  (types?: () => ObisReadingTypes) =>
  (bytes: Uint8Array): number => {
    const session = new OpticalSession({ kind: 'listen' });
    const events = [...session.feed(bytes), ...session.finish()];
    const done = events[events.length - 1];
    return done?.type === 'complete' && done.checksum === 'ok' ? mapDataSets(done.dataSets, types?.()).length : -1;
  };

/** Theirs: D0Protocol.handleMessage, their whole path (framing regex, OBIS parse and value per set; no checksum). */
function theirs(bytes: Uint8Array): number {
  let count = -1;
  const protocol = new D0Protocol({ protocol: 'D0Protocol', debug: 0, logger: () => undefined }, (_err, data) => {
    if (data) count = Object.keys(data as object).length;
  });
  protocol.communicationState = 4; // data message expected (their identification step needs a transport)
  protocol.handleMessage(Buffer.from(bytes));
  return count;
}

type Parse = (bytes: Uint8Array) => number;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** This process's CPU time in ms: other processes on a busy machine do not count against a parser. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Interleaved rounds: each round times a batch of every parser in turn (~`batchMs` each), so what
 * is left of other load hits both sides alike; each batch is timed in this process's CPU time, not
 * wall time (a wall-clock batch preempted by another process is charged for its time); we report
 * medians, and the speedup as the median of the per-round ratios.
 */
function compare(bytes: Uint8Array, variants: Readonly<Record<string, Parse>>, rounds = 21, batchMs = 40) {
  const names = Object.keys(variants);
  const sets: Record<string, number> = {};
  const batch: Record<string, number> = {};
  const us: Record<string, number[]> = {};
  for (const name of names) {
    const fn = variants[name] as Parse;
    for (let i = 0; i < 300; i++) sets[name] = fn(bytes); // warm up
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < batchMs) {
      fn(bytes);
      n++;
    }
    batch[name] = n;
    us[name] = [];
  }
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(k + r) % names.length] as string;
      const fn = variants[name] as Parse;
      const n = batch[name] as number;
      const t0 = cpuMs();
      for (let i = 0; i < n; i++) fn(bytes);
      us[name]?.push(((cpuMs() - t0) * 1000) / n);
    }
  }
  const theirsUs = us.theirs ?? [];
  return Object.fromEntries(
    names.map((name) => {
      const mine = us[name] ?? [];
      const perTelegramUs = median(mine);
      const speedup = name === 'theirs' ? 1 : median(mine.map((u, r) => (theirsUs[r] ?? NaN) / u));
      return [
        name,
        {
          perTelegramUs: Number(perTelegramUs.toFixed(2)),
          mbPerS: Number((bytes.length / perTelegramUs).toFixed(2)),
          sets: sets[name],
          speedup: Number(speedup.toFixed(2)),
        },
      ];
    }),
  );
}

const variants = { theirs, oursBare, oursFull: oursFull(), oursFullColdMapping: oursFull(() => minimalObisReadingTypes()) };
const parser = [
  { telegram: `mode C data block, ${modeCBlock.length} bytes`, ...compare(modeCBlock, variants) },
  { telegram: `DSMR P1 telegram, ${p1.length} bytes`, ...compare(p1, variants) },
];
const parserNotes = [
  'oursBare: framing, BCC (mode C) or CRC-16 (P1) verified, data sets as exact decimal text.',
  'oursFull: oursBare + ReadingType/EndDeviceEvent mapping, memoised per address and unit (a meter repeats its addresses every read).',
  'oursFullColdMapping: oursFull with a fresh mapping table per telegram, so every address is parsed and mapped again (as theirs does every telegram).',
  'theirs: smartmeter-obis D0Protocol.handleMessage on the same bytes: its framing regex, OBIS parse and value per set; it checks no BCC/CRC.',
  'speedup: median over interleaved rounds of theirs/ours CPU time per telegram (this process only, so other load on the machine does not decide the ratio).',
  'P1 profile (node --cpu-prof): the data-set scan and the CRC loop dominate; the identification line was taken byte by byte and parsed again each telegram, and the mapping memo took two lookups per set. Now the line is taken whole, the last identification is reused when the line repeats, the memo takes one lookup, and an address is scanned once.',
];
const previous = {
  date: '2026-11-23T16:47:04Z',
  method: 'interleaved batches timed in wall-clock time (a batch preempted by another process was charged for it)',
  p1Speedup: { oursBare: 5.76, oursFull: 4.5 },
  modeCSpeedup: { oursBare: 8.08, oursFull: 7.45 },
};

async function ptyReadout(): Promise<Record<string, unknown>> {
  const reason = socatMissingReason();
  if (reason) return { skipped: reason };
  if (!large) throw new Error('no profile');
  const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-bench-'));
  const pair = await startPtyPair(join(dir, 'app'), join(dir, 'meter'));
  const link = await openSerialLink(pair.meterPath, { baudRate: 300 });
  const simulator = new MeterSimulator(large, link, { pace: true });
  try {
    const runs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const result = await readMeter({ path: pair.appPath });
      runs.push(performance.now() - start);
      bytes = result.bytes;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    const ident = large.identification.length + 3; // '/' + ident + CR LF, sent at 300 baud
    const data = bytes - ident;
    // What the meter must put on the line: identification at 300, data at 9600, two 200 ms reaction
    // times (before the identification and before the data). Our own sign-on and option select
    // cost nothing on a PTY, so they are left out of both sides.
    const limitMs = (ident * 10 * 1000) / 300 + (data * 10 * 1000) / 9600 + 2 * 200;
    const best = Math.min(...runs);
    return {
      bytes,
      dataBytes: data,
      baud: 9600,
      runsMs: runs.map((r) => Math.round(r)),
      bestMs: Math.round(best),
      lineTimeLimitMs: Math.round(limitMs),
      ratio: Number((best / limitMs).toFixed(3)),
      target: '≤ 1.15',
    };
  } finally {
    simulator.stop();
    await link.close();
    await pair.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const readout = process.argv.includes('--parser-only') ? { skipped: '--parser-only' } : await ptyReadout();
const results = {
  date: new Date().toISOString(),
  node: process.version,
  parser,
  parserNotes,
  parserTarget: '≥ 5× smartmeter-obis@4.0.0 (bare and full)',
  previous,
  ptyReadout: readout,
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'optical.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
