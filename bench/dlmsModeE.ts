/**
 * The mode E session's throughput (issue 22 "Speed"): a 7-day, 4-channel, 15-minute load profile
 * read by range through the pure session (shared/dlms/modeESession) from the pure simulated meter
 * with a zero-delay medium, 128-byte HDLC frames as the simulator grants. Reported: profile bytes
 * per CPU second, and the CPU time as a share of the line time the same bytes take at 9600 baud
 * (10 bits a byte): the session must never be what limits a read.
 */
import { DlmsModeESession, meterDataOf, meterReadPlan, type DlmsSessionEvent } from '../shared/dlms';
import { ModeEMeter } from '../shared/dlms/simulator/modeEMeter';

const NOW = Date.UTC(2026, 11, 7, 0, 0, 0);

function readOnce(): { bytes: number; intervals: number } {
  const meter = new ModeEMeter({ password: 'pw', days: 7, now: () => NOW, maxInfo: 128, maxPdu: 1024 });
  const session = new DlmsModeESession({
    plan: meterReadPlan({ profile: { from: NOW - 7 * 86_400_000, to: NOW } }),
    now: () => NOW,
    password: new TextEncoder().encode('pw'),
  });
  let bytes = 0;
  let done: DlmsSessionEvent | undefined;
  let queue = session.start();
  while (queue.length && !done) {
    const next: DlmsSessionEvent[] = [];
    for (const e of queue) {
      if (e.type === 'complete' || e.type === 'error') done = e;
      if (e.type === 'switchLine') meter.receive(e.send);
      if (e.type !== 'send') continue;
      for (const o of meter.receive(e.bytes)) {
        if (o.kind !== 'send') continue;
        bytes += o.bytes.length;
        next.push(...session.feed(o.bytes));
      }
    }
    queue = next;
  }
  if (done?.type !== 'complete') throw new Error(`the mode E read did not complete: ${JSON.stringify(done)}`);
  return { bytes, intervals: meterDataOf(done.responses).profile?.intervals.length ?? 0 };
}

export function modeEThroughput(cpuMs: () => number, rounds = 5) {
  const first = readOnce(); // warm up, and the size of the read
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = cpuMs();
    readOnce();
    times.push(cpuMs() - t0);
  }
  const ms = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
  const lineMs = (first.bytes * 10 * 1000) / 9600;
  return {
    bytesFromMeter: first.bytes,
    intervals: first.intervals,
    sessionCpuMs: Number(ms.toFixed(1)),
    bytesPerCpuSecond: Math.round((first.bytes * 1000) / ms),
    lineTimeAt9600Ms: Math.round(lineMs),
    shareOfLineTime: Number((ms / lineMs).toFixed(4)),
  };
}
