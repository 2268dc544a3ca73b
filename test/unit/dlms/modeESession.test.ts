import { describe, expect, it } from 'vitest';
import {
  clockSetPlan,
  decodeFrame,
  DlmsModeESession,
  meterDataOf,
  meterReadPlan,
  type ClockSetOutcome,
  type DlmsSessionEvent,
  type MeterReadRequest,
} from '../../../shared/dlms';
import { ModeEMeter, type ModeEMeterOptions } from '../../../shared/dlms/simulator/modeEMeter';

const NOW = Date.UTC(2026, 11, 7, 3, 7, 0);
const text = (bytes: Uint8Array) => String.fromCharCode(...bytes.map((b) => b & 0x7f));

interface Run {
  events: DlmsSessionEvent[];
  sent: { purpose: string; bytes: Uint8Array }[];
  timeouts: number;
  meter: ModeEMeter;
}

/**
 * The session against the pure meter with a zero-delay medium: every send is delivered at once;
 * `drop(n, bytes)` loses the n-th frame the client sends (the driver's timer then calls timeout()).
 */
function run(
  meterOptions: Partial<ModeEMeterOptions>,
  session: Partial<ConstructorParameters<typeof DlmsModeESession>[0]> & { request?: MeterReadRequest } = {},
  drop: (n: number) => boolean = () => false,
): Run {
  const meter = new ModeEMeter({ password: '12345678', days: 2, now: () => NOW, serial: '98765432', ...meterOptions });
  const s = new DlmsModeESession({
    plan: meterReadPlan(session.request),
    now: () => NOW,
    password: new TextEncoder().encode('12345678'),
    ...session,
  });
  const events: DlmsSessionEvent[] = [];
  const sent: Run['sent'] = [];
  let timeouts = 0;
  let n = 0;
  let queue = s.start();
  while (queue.length) {
    const next: DlmsSessionEvent[] = [];
    for (const e of queue) {
      events.push(e);
      let replies: Uint8Array[] = [];
      if (e.type === 'switchLine') meter.receive(e.send);
      if (e.type === 'send') {
        sent.push({ purpose: e.purpose, bytes: e.bytes });
        if (drop(n++)) {
          timeouts++;
          next.push(...s.timeout());
          continue;
        }
        replies = meter.receive(e.bytes).flatMap((o) => (o.kind === 'send' ? [o.bytes] : []));
        if (!replies.length && e.awaitMs !== null) {
          timeouts++;
          next.push(...s.timeout());
        }
      }
      for (const r of replies) next.push(...s.feed(r));
    }
    queue = next;
  }
  return { events, sent, timeouts, meter };
}

const outcome = (r: Run) => r.events.find((e) => e.type === 'complete' || e.type === 'error');

describe('the mode E session (IEC 62056-21 Annex E, IEC 62056-46 HDLC)', () => {
  it('signs on in 7E1, selects HDLC at the offered rate, and reads registers, clock, disconnect state and the profile by range', () => {
    const from = NOW - 6 * 3600_000;
    const r = run({ maxInfo: 128, maxPdu: 512 }, { request: { profile: { from, to: NOW } } });
    // sign-on `/?!` with even parity (0x2F '/' has 5 ones: parity bit set)
    expect(r.sent[0]?.bytes[0]).toBe(0xaf);
    expect(text(r.sent[0]?.bytes ?? new Uint8Array())).toBe('/?!\r\n');
    const sw = r.events.find((e) => e.type === 'switchLine');
    expect(sw).toMatchObject({ baud: 9600, reactionTimeMs: 200 });
    expect(text(sw?.type === 'switchLine' ? sw.send : new Uint8Array())).toBe('\x06252\r\n');
    const done = outcome(r);
    if (done?.type !== 'complete') throw new Error(JSON.stringify(done));
    expect(done.released).toBe(true);
    expect(r.sent.at(-1)?.purpose).toBe('disc');
    const data = meterDataOf(done.responses);
    expect(data.serial).toBe('98765432');
    expect(data.registers.map((g) => [g.obis, g.unit])).toEqual([
      ['1-0:1.8.0.255', 'Wh'],
      ['1-0:2.8.0.255', 'Wh'],
      ['1-0:3.8.0.255', 'varh'],
      ['1-0:4.8.0.255', 'varh'],
      // The maximum demand (Extended Register) the meter lists beside its energy totals.
      ['1-0:1.6.0.255', 'W'],
    ]);
    expect(data.registers[0]?.value).toBe(String(r.meter.hdlc.objects.registerValue('1-0:1.8.0.255')));
    expect(data.clock).toMatchObject({ driftS: 0, meterTime: '2026-12-07T04:07:00+01:00' });
    expect(data.disconnect).toEqual({ outputConnected: true, controlState: 'connected' });
    expect(data.profile?.capturePeriodS).toBe(900);
    expect(data.profile?.intervals).toHaveLength(24);
    expect(data.profile?.intervals[0]?.end).toBe(new Date(Math.ceil(from / 900_000) * 900_000).toISOString());
    expect(data.profile?.channels.map((c) => c.unit)).toEqual(['Wh', 'Wh', 'varh', 'varh']);
  });

  it('reports the clock drift against the host time of the answer', () => {
    // the host's clock 93 s behind the meter's
    const ahead = run({}, { now: () => NOW - 93_000 });
    const done = outcome(ahead);
    if (done?.type !== 'complete') throw new Error('no read');
    expect(meterDataOf(done.responses).clock?.driftS).toBe(93);
  });

  it('asks for each segment of a long answer with RR, and cuts its own requests to the max info length the UA allows', () => {
    const r = run({ maxInfo: 32, maxPdu: 256 }, { request: { profile: { from: NOW - 24 * 3600_000, to: NOW } } });
    expect(outcome(r)?.type).toBe('complete');
    // the AARQ (> 32 bytes) went out in segments, each acknowledged by the meter with RR
    expect(r.sent.filter((s) => s.purpose === 'segment').length).toBeGreaterThan(0);
    expect(r.sent.filter((s) => s.purpose === 'rr').length).toBeGreaterThan(50);
    for (const s of r.sent.filter((x) => x.purpose === 'request' || x.purpose === 'segment' || x.purpose === 'aarq')) {
      expect(decodeFrame(s.bytes).frame.info.length).toBeLessThanOrEqual(32);
    }
  });

  it('refuses a wrong password once, says so, leaves the link, and never repeats the AARQ', () => {
    const r = run({}, { password: new TextEncoder().encode('00000000') });
    expect(outcome(r)).toMatchObject({ type: 'error', code: 'PASSWORD_REJECTED', detail: { diagnostic: 13 } });
    expect(r.meter.hdlc.refusals).toBe(1);
    expect(r.sent.filter((s) => s.purpose === 'aarq')).toHaveLength(1);
    expect(r.sent.at(-1)?.purpose).toBe('disc');
  });

  it('says a meter without mode E is one (no \\2 in its identification)', () => {
    const r = run({ identification: 'ISK5MT174-0001' });
    expect(outcome(r)).toMatchObject({ type: 'error', code: 'NOT_MODE_E' });
    expect(r.events.some((e) => e.type === 'switchLine')).toBe(false);
  });

  it('repeats a lost frame and goes on; gives up after the retries with a code, never endlessly', () => {
    const once = run({}, {}, (n) => n === 4);
    expect(outcome(once)?.type).toBe('complete');
    expect(once.sent.some((s) => s.purpose === 'repeat')).toBe(true);
    const never = run({}, { retries: 2 }, (n) => n >= 1);
    expect(outcome(never)).toMatchObject({ type: 'error', code: 'NO_LINK' });
    expect(never.sent.filter((s) => s.purpose === 'repeat')).toHaveLength(2);
    const silent = run({ identification: 'LGZ5\\2X' }, {}, () => true);
    expect(outcome(silent)).toMatchObject({ type: 'error', code: 'NO_IDENTIFICATION' });
  });

  it('ignores noise and a broken frame on the line (the retry fetches it again)', () => {
    const meter = new ModeEMeter({ password: 'pw', days: 0, now: () => NOW });
    const s = new DlmsModeESession({ plan: meterReadPlan(), now: () => NOW, password: new TextEncoder().encode('pw') });
    const start = s.start();
    const ident = meter.receive(start[0]?.type === 'send' ? start[0].bytes : new Uint8Array());
    const afterIdent = s.feed(ident[0]?.kind === 'send' ? ident[0].bytes : new Uint8Array());
    const snrm = afterIdent.find((e) => e.type === 'send' && e.purpose === 'snrm');
    const sw = afterIdent.find((e) => e.type === 'switchLine');
    if (snrm?.type !== 'send' || sw?.type !== 'switchLine') throw new Error('no SNRM');
    meter.receive(sw.send);
    const ua = meter.receive(snrm.bytes)[0];
    if (ua?.kind !== 'send') throw new Error('no UA');
    const broken = ua.bytes.slice();
    broken[broken.length - 3] = (broken[broken.length - 3] ?? 0) ^ 0xff;
    expect(s.feed(Uint8Array.of(0x06, 0x32, 0x35, 0x32, 0x0d, 0x0a, ...broken)).filter((e) => e.type === 'send')).toEqual([]);
    const repeat = s.timeout();
    expect(repeat[0]).toMatchObject({ type: 'send', purpose: 'repeat' });
    expect(s.feed(ua.bytes).some((e) => e.type === 'send' && e.purpose === 'aarq')).toBe(true);
  });
});

describe('setting the clock through DLMS (class 8 attribute 2 SET)', () => {
  const drive = (serial: string, expected: string, host: number) => {
    const meter = new ModeEMeter({ password: 'pw', days: 0, now: () => NOW, serial });
    const outcome: { value: ClockSetOutcome | null } = { value: null };
    const s = new DlmsModeESession({
      plan: clockSetPlan(
        (seen) => seen === expected,
        () => host,
        outcome,
      ),
      now: () => host,
      password: new TextEncoder().encode('pw'),
    });
    const sets: string[] = [];
    let queue = s.start();
    while (queue.length) {
      const next: DlmsSessionEvent[] = [];
      for (const e of queue) {
        if (e.type === 'switchLine') meter.receive(e.send);
        if (e.type !== 'send') continue;
        if (e.purpose === 'request' && decodeFrame(e.bytes).frame.info[3] === 0xc1) sets.push('set');
        for (const o of meter.receive(e.bytes)) if (o.kind === 'send') next.push(...s.feed(o.bytes));
      }
      queue = next;
    }
    return { outcome: outcome.value, sets, meter };
  };

  it("writes the host time with the meter's deviation and verifies it by reading again", () => {
    const host = NOW + 95_000; // the meter is 95 s behind the host
    const { outcome, sets, meter } = drive('E3100004', 'E3100004', host);
    expect(sets).toEqual(['set']);
    expect(outcome).toMatchObject({ step: 'done', beforeMs: NOW, writtenMs: host, afterMs: host });
    expect(meter.hdlc.objects.clockOffsetMs).toBe(95_000);
  });

  it('writes nothing to another meter (its serial does not match)', () => {
    const { outcome, sets, meter } = drive('X0000001', 'E3100004', NOW + 95_000);
    expect(outcome).toEqual({ step: 'serialMismatch', observed: 'X0000001' });
    expect(sets).toEqual([]);
    expect(meter.hdlc.objects.clockOffsetMs).toBe(0);
  });
});

describe('the session on a direct HDLC line (IEC 62056-46, three-layer HDLC profile)', () => {
  it('opens with the SNRM at the line rate, never signs on, and reads; the meter ends listening for the next SNRM', () => {
    const r = run({ direct: true }, { direct: { baud: 19200 } });
    expect(r.sent[0]?.purpose).toBe('snrm');
    expect(decodeFrame(r.sent[0]?.bytes ?? new Uint8Array()).frame.control.kind).toBe('SNRM');
    expect(r.events.some((e) => e.type === 'switchLine' || e.type === 'identification')).toBe(false);
    expect(r.meter.signOns).toBe(0);
    const done = outcome(r);
    if (done?.type !== 'complete') throw new Error(JSON.stringify(done));
    expect(done).toMatchObject({ identification: null, baud: 19200, released: true });
    expect(meterDataOf(done.responses).serial).toBe('98765432');
    expect(r.meter.phase).toBe('hdlc');
  });

  it('a meter that waits for the mode E sign-on does not take the SNRM: no link, after the repeats', () => {
    const r = run({}, { direct: { baud: 9600 } });
    expect(outcome(r)).toMatchObject({ type: 'error', code: 'NO_LINK' });
    expect(r.sent.every((s) => s.purpose === 'snrm' || s.purpose === 'repeat')).toBe(true);
  });
});
