/**
 * DLMS over the line (issue 22 "Speed"): a 7-day, 4-channel, 15-minute load profile read through
 * the optical port's reader (electron/services/serial/dlmsReader: IEC 62056-21 mode E sign-on at
 * 300 baud, then HDLC at 9600 baud 8N1) from the simulated meter on a socat PTY. A PTY ignores the
 * baud rate, so both sides are held to it: the meter paces its output (`pace`, 10 bits a byte at
 * the rate it runs at) and the reader's link here paces its writes the same way, because the
 * optical head is half duplex and the reader's frames (SNRM, AARQ, GET, RR per segment) take
 * their line time too.
 *
 * The line-time limit, from the same run: every byte on the wire in either direction × 10 / the
 * baud it went at, plus the reaction time the reader must leave before the ACK
 * (IEC 62056-21 §6.3.14 item 12), plus the meter's turnaround per frame (the simulator answers at
 * once: 0 ms, reported). Target: wall time ≤ 1.15× the limit. Published for comparison: about
 * 29 s for 7 days at 9600 baud in mode E. Reported only: no test asserts on it.
 *
 *   npx tsx bench/dlmsLine.ts  → bench/results/dlmsLine.json
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readDlmsMeter } from '../electron/services/serial/dlmsReader';
import { openSerialLink, type SerialLink } from '../electron/services/serial/link';
import { socatMissingReason } from '../electron/services/serial/simulator';
import { runDlmsMeter } from '../electron/services/serial/simulator/dlmsMeter';

process.env.FIELDMETER_LOG = 'silent';
const DAYS = 7;
const BAUD = 9600;
const PASSWORD = 'pw';
/** The simulator answers a frame as soon as it is in: no turnaround of its own. */
const METER_TURNAROUND_MS = 0;
/** What the session waits before the ACK (the identification's reaction time, §6.3.14 item 12). */
const REACTION_MS = 200;
const PUBLISHED_MS = 29_000;

/** Line time in ms for bytes counted per baud rate. */
const lineMs = (byBaud: ReadonlyMap<number, number>) => [...byBaud].reduce((ms, [baud, n]) => ms + (n * 10 * 1000) / baud, 0);
const add = (m: Map<number, number>, baud: number, n: number) => m.set(baud, (m.get(baud) ?? 0) + n);

/** The reader's side of the line, written at the line rate and counted per rate in both directions. */
function pacedCountingLink(inner: SerialLink, sent: Map<number, number>, received: Map<number, number>, frames: { n: number }): SerialLink {
  let baud = 300;
  return {
    // As the simulator paces (electron/services/serial/simulator/dlmsMeter): each chunk is handed
    // over once its last stop bit would be on the line, so the meter never starts on a frame early.
    async write(bytes) {
      const start = performance.now();
      const chunk = Math.max(1, Math.floor(baud / 1000));
      for (let at = 0; at < bytes.length; at += chunk) {
        const end = Math.min(at + chunk, bytes.length);
        const wait = start + (end * 10 * 1000) / baud - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        await inner.write(bytes.subarray(at, end));
      }
      add(sent, baud, bytes.length);
    },
    async setBaudRate(next) {
      baud = next;
      await inner.setBaudRate(next);
    },
    onData: (listener) =>
      inner.onData((bytes) => {
        add(received, baud, bytes.length);
        for (const b of bytes) if (b === 0x7e) frames.n++; // HDLC flags: two a frame (IEC 62056-46 §8.4.1)
        listener(bytes);
      }),
    onClose: (listener) => inner.onClose(listener),
    close: () => inner.close(),
  };
}

async function lineRead(): Promise<Record<string, unknown>> {
  const reason = socatMissingReason();
  if (reason) return { skipped: reason };
  const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-bench-dlms-'));
  const meter = await runDlmsMeter(join(dir, 'app'), { password: PASSWORD, days: DAYS + 1, pace: true });
  const sent = new Map<number, number>();
  const received = new Map<number, number>();
  const flags = { n: 0 };
  try {
    const now = Date.now();
    const start = performance.now();
    const readout = await readDlmsMeter({
      path: meter.appPath,
      request: { profile: { from: now - DAYS * 86_400_000, to: now } },
      keysFor: () => ({ password: new TextEncoder().encode(PASSWORD) }),
      maxBaud: BAUD,
      openLink: async (path, baud) =>
        pacedCountingLink(await openSerialLink(path, { baudRate: baud, frame: '8N1' }), sent, received, flags),
    });
    const wallMs = performance.now() - start;
    const meterFrames = Math.floor(flags.n / 2);
    const limitMs = lineMs(sent) + lineMs(received) + REACTION_MS + meterFrames * METER_TURNAROUND_MS;
    const ratio = wallMs / limitMs;
    return {
      baud: readout.baud,
      intervals: readout.data.profile?.intervals.length ?? 0,
      channels: readout.data.profile?.channels.length ?? 0,
      bytesFromMeter: Object.fromEntries(received),
      bytesToMeter: Object.fromEntries(sent),
      meterFrames,
      meterTurnaroundMs: METER_TURNAROUND_MS,
      reactionMs: REACTION_MS,
      wallMs: Math.round(wallMs),
      lineTimeLimitMs: Math.round(limitMs),
      ratio: Number(ratio.toFixed(3)),
      withinTarget: ratio <= 1.15,
      target: '≤ 1.15',
      publishedMs: PUBLISHED_MS,
    };
  } finally {
    await meter.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const line = await lineRead();
const results = {
  date: new Date().toISOString(),
  node: process.version,
  line,
  notes: [
    'Both sides paced at 10 bits a byte at the rate in use (the meter by the simulator, the reader by its link here): the PTY ignores the baud rate.',
    'lineTimeLimitMs: all bytes in both directions × 10 / their baud + the 200 ms reaction time before the ACK + the meter turnaround per frame (0 ms in the simulator). The reader’s own 200 ms pause before the rate switch counts against it.',
    'publishedMs: the figure published for a 7-day profile at 9600 baud in mode E, for comparison.',
  ],
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'dlmsLine.json'), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
if ('ratio' in line && !line.withinTarget) process.exitCode = 1;
