import { describe, expect, it } from 'vitest';
import { concatBytes, EOT, OpticalSession, type SessionEvent, type SessionOptions } from '../../../shared/iec62056';
import { block, bytes, modeCData, p1 } from './fixtures';

function run(options: SessionOptions, ...chunks: Uint8Array[]): SessionEvent[] {
  const session = new OpticalSession(options);
  return [...session.start(), ...chunks.flatMap((c) => session.feed(c)), ...session.finish()];
}
const last = (events: SessionEvent[]) => events[events.length - 1];
const ofType = <T extends SessionEvent['type']>(events: SessionEvent[], type: T) =>
  events.filter((e): e is Extract<SessionEvent, { type: T }> => e.type === type);

describe('OpticalSession, readout modes (§6.4)', () => {
  it('mode C: signs on, answers the identification with the option select and reads the block', () => {
    const events = run({ kind: 'readout', address: '12345678' }, bytes('/ISK5MT174-0001\r\n'), block(modeCData));
    expect(ofType(events, 'send')[0]?.bytes).toEqual(bytes('/?12345678!\r\n'));
    expect(ofType(events, 'baudSwitch')).toEqual([{ type: 'baudSwitch', baud: 9600, send: bytes('\x06050\r\n'), reactionTimeMs: 200 }]);
    const done = last(events);
    expect(done).toMatchObject({ type: 'complete', checksum: 'ok', mode: 'C', endMark: true });
    expect(done?.type === 'complete' && done.dataSets.map((s) => s.obis)).toEqual([
      '0.0.0',
      '1.8.0',
      '1.8.1',
      '1.8.2',
      '2.8.0',
      '1.6.0',
      'C.7.0',
      'F.F',
    ]);
    expect(ofType(events, 'dataLine')).toHaveLength(9);
    expect(ofType(events, 'progress').at(-1)?.bytes).toBe(bytes('/ISK5MT174-0001\r\n').length + block(modeCData).length);
  });

  it('caps the rate at maxBaud', () => {
    const events = run({ kind: 'readout', maxBaud: 2400 }, bytes('/ISK6MT\r\n'));
    expect(ofType(events, 'baudSwitch')[0]).toMatchObject({ baud: 2400, send: bytes('\x06030\r\n') });
  });

  it('skips the echo of the request and noise before the identification and before STX', () => {
    const events = run({ kind: 'readout' }, bytes('/?!\r\n\x7f\x13junk/LGZ4ZMD3104407\r\n\x06040\r\n\x11\x55'), block(modeCData));
    expect(ofType(events, 'identification')[0]?.identification.manufacturer).toBe('LGZ');
    expect(last(events)).toMatchObject({ type: 'complete', checksum: 'ok' });
  });

  it('gives the same result fed one byte at a time', () => {
    const all = concatBytes(bytes('/ISK5MT174-0001\r\n'), block(modeCData));
    const whole = last(run({ kind: 'readout' }, all));
    const bytewise = last(run({ kind: 'readout' }, ...Array.from(all, (b) => Uint8Array.of(b))));
    expect(bytewise).toEqual(whole);
  });

  it('mode A stays at 300 baud; mode B switches without an acknowledgement', () => {
    expect(ofType(run({ kind: 'readout' }, bytes('/ABCxDEMO\r\n'), block(modeCData)), 'baudSwitch')).toEqual([]);
    expect(ofType(run({ kind: 'readout' }, bytes('/ABCCDEMO\r\n'), block(modeCData)), 'baudSwitch')).toEqual([
      { type: 'baudSwitch', baud: 2400, send: null, reactionTimeMs: 200 },
    ]);
  });

  it('mode E: answers with V=0 so the meter falls back to the ASCII readout', () => {
    const events = run({ kind: 'readout' }, bytes('/EMH5\\2LZQJ\r\n'), block(modeCData));
    expect(ofType(events, 'identification')[0]?.identification.modeE).toBe(true);
    expect(ofType(events, 'baudSwitch')[0]?.send).toEqual(bytes('\x06050\r\n'));
    expect(last(events)).toMatchObject({ type: 'complete', mode: 'E', checksum: 'ok' });
  });

  it('reports a bad BCC but keeps what it read', () => {
    const done = last(run({ kind: 'readout' }, bytes('/ISK5MT\r\n'), block(modeCData, { badBcc: true })));
    expect(done).toMatchObject({ type: 'complete', checksum: 'bad' });
    expect(done?.type === 'complete' && done.dataSets).toHaveLength(8);
  });

  it('acknowledges good partial blocks (EOT) and asks again for a bad one', () => {
    const events = run(
      { kind: 'readout' },
      bytes('/ISK5MT\r\n'),
      block('1.8.0(1*kWh)\r\n', { end: EOT }),
      block('2.8.0(2*kWh)\r\n', { end: EOT, badBcc: true }),
      block('2.8.0(2*kWh)\r\n', { end: EOT }),
      block('!\r\n'),
    );
    expect(ofType(events, 'send').map((s) => s.purpose)).toEqual(['signOn', 'ack', 'nak', 'ack']);
    const done = last(events);
    expect(done?.type === 'complete' && done.dataSets.map((s) => s.obis)).toEqual(['1.8.0', '2.8.0']);
  });

  it('sends the NUL wake-up first for battery meters', () => {
    const sends = ofType(run({ kind: 'readout', wakeUp: true }), 'send');
    expect(sends.map((s) => s.purpose)).toEqual(['wakeUp', 'signOn']);
    expect(sends[0]?.pauseAfterMs).toBeGreaterThanOrEqual(1500);
  });

  it('ends in a coded error when the input stops early or is only noise', () => {
    expect(last(run({ kind: 'readout' }))).toMatchObject({ type: 'error', code: 'NO_IDENTIFICATION' });
    expect(last(run({ kind: 'readout' }, bytes('/ISK5MT\r\n\x021.8.0(1*kWh)\r\n')))).toMatchObject({ type: 'error', code: 'INCOMPLETE' });
    expect(last(run({ kind: 'readout' }, new Uint8Array(5000).fill(0x41)))).toMatchObject({ type: 'error', code: 'BAD_IDENTIFICATION' });
    expect(last(run({ kind: 'readout', maxBytes: 100 }, new Uint8Array(200)))).toMatchObject({ type: 'error', code: 'TOO_LONG' });
  });

  it('ignores bytes after the end', () => {
    const session = new OpticalSession({ kind: 'readout' });
    session.feed(concatBytes(bytes('/ISK5MT\r\n'), block('!\r\n')));
    expect(session.feed(bytes('more'))).toEqual([]);
    expect(session.finish()).toEqual([]);
  });
});

describe('OpticalSession, mode D and DSMR P1 (listen)', () => {
  const lines = ['1-0:1.8.1(000123.456*kWh)', '1-0:2.8.0(000000.000*kWh)', '0-1:24.2.1(240115123000W)(00012.345*m3)'];

  it('checks the CRC-16 of a P1 telegram', () => {
    const done = last(run({ kind: 'listen' }, p1(lines)));
    expect(done).toMatchObject({ type: 'complete', checksum: 'ok', mode: 'D' });
    expect(done?.type === 'complete' && done.dataSets).toHaveLength(3);
    expect(last(run({ kind: 'listen' }, p1(lines, '0000')))).toMatchObject({ type: 'complete', checksum: 'bad' });
  });

  it('accepts a plain mode D message with no CRC', () => {
    expect(last(run({ kind: 'listen' }, bytes('/ABC3DEMO\r\n\r\n1.8.0(1*kWh)\r\n!\r\n')))).toMatchObject({
      type: 'complete',
      checksum: 'absent',
    });
  });

  it('sends nothing when listening and starts mid-stream at the next telegram', () => {
    const events = run({ kind: 'listen' }, bytes('.456*kWh)\r\n!1234\r\n'), p1(lines));
    expect(ofType(events, 'send')).toEqual([]);
    expect(last(events)).toMatchObject({ type: 'complete', checksum: 'ok' });
  });

  it('reads a capture that holds only a data block', () => {
    expect(last(run({ kind: 'listen' }, block(modeCData)))).toMatchObject({ type: 'complete', checksum: 'ok', identification: null });
  });
});
