/**
 * Power failures (issue 20 §1): DSMR 5.0.2 §6.12 counters 0-0:96.7.21 / 0-0:96.7.9 and the IEC
 * C.7.x counters become count readings when they rose; the DSMR power failure event log
 * 1-0:99.97.0 becomes power-down / power-up events (CX EndDeviceEventTypeFactory
 * getPowerDown/PowerUpEventType x.26.38.85 / x.26.38.49) at the meter's own times.
 * The telegram line is the example of DSMR 5.0.2 P1 §6.12 (also in the dsmr_parser test telegrams).
 */
import { describe, expect, it } from 'vitest';
import { meterStatusOf, statusEvents } from '../../../shared/cim/codes/meterStatusEvents';
import {
  dsmrTimestamp,
  parsePowerFailureLog,
  powerFailCountReadings,
  powerFailCountReadingType,
  powerFailCounterKey,
  powerFailureLogEvents,
} from '../../../shared/cim/codes/powerFailures';
import { defaultStatusBits, parseDataText } from '../../../shared/iec62056';

const TELEGRAM = [
  '0-0:96.7.21(00004)',
  '0-0:96.7.9(00002)',
  '1-0:99.97.0(2)(0-0:96.7.19)(101208152415W)(0000000240*s)(101208151004W)(0000000301*s)',
  '1-0:32.32.0(00002)',
].join('\r\n');

describe('power failures from a DSMR telegram', () => {
  it("reads the counters and the log; the log entries are the meter's times (end of failure, W = UTC+1)", () => {
    const status = meterStatusOf(parseDataText(TELEGRAM).dataSets)!;
    expect(status.powerFailCounters).toEqual({ '0-0:96.7.21': '00004', '0-0:96.7.9': '00002' });
    expect(status.powerFailureLog).toEqual([
      { start: '2010-12-08T14:20:15.000Z', end: '2010-12-08T14:24:15.000Z', durationS: 240 },
      { start: '2010-12-08T14:05:03.000Z', end: '2010-12-08T14:10:04.000Z', durationS: 301 },
    ]);
    expect(dsmrTimestamp('240715120000S')).toBe('2024-07-15T10:00:00.000Z');
    expect(dsmrTimestamp('241315120000W')).toBeNull();
    expect(
      parsePowerFailureLog([
        { value: '0', unit: null },
        { value: '0-0:96.7.19', unit: null },
      ]),
    ).toEqual([]);
  });

  it('a counter rise is a count reading (MeasurementKind powerOutage 136 / sustained interruption 128, unit count 111); a first read or a reset sends none', () => {
    expect(powerFailCounterKey('0-0:96.7.21')).toBe('96.7.21');
    expect(powerFailCounterKey('C.7.2')).toBe('96.7.2');
    expect(powerFailCounterKey('1.8.0')).toBeNull();
    expect(powerFailCountReadingType('96.7.2')).toBe('0.0.0.1.0.1.136.0.0.0.0.0.0.0.64.0.111.0');
    const readings = powerFailCountReadings(
      { '0-0:96.7.21': '00001', '0-0:96.7.9': '00002', 'C.7.1': '0003' },
      { '0-0:96.7.21': '00004', '0-0:96.7.9': '00002', 'C.7.1': '0001' },
    );
    expect(readings).toEqual([
      {
        readingType: '0.0.0.1.0.1.136.0.0.0.0.0.0.0.0.0.111.0',
        value: '4',
        counter: '0-0:96.7.21',
        comment: expect.stringContaining('rose by 3'),
      },
    ]);
    expect(powerFailCountReadings({ '0-0:96.7.9': '1' }, { '0-0:96.7.9': '2' })[0]?.readingType).toBe(
      '0.0.0.1.0.1.128.0.0.0.0.0.0.0.0.0.111.0',
    );
    expect(powerFailCountReadings(null, { 'C.7.0': '0009' })).toEqual([]);
  });

  it('counters no longer make one power-down/up pair dated at the visit; logged failures not yet reported do, at their own times', () => {
    const before = { errorRegister: null, statusWord: null, powerFailCounters: { 'C.7.0': '0001' } };
    const now = { errorRegister: null, statusWord: null, powerFailCounters: { 'C.7.0': '0003' } };
    expect(statusEvents(before, now, defaultStatusBits)).toEqual([]);
    const a = { start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T00:05:00.000Z', durationS: 300 };
    const b = { start: '2026-01-02T00:00:00.000Z', end: '2026-01-02T00:01:00.000Z', durationS: 60 };
    const events = statusEvents({ ...before, powerFailureLog: [a] }, { ...now, powerFailureLog: [b, a] }, defaultStatusBits);
    expect(events.map((e) => [e.eventType, e.createdDateTime])).toEqual([
      ['3.26.38.85', '2026-01-02T00:00:00.000Z'],
      ['3.26.38.49', '2026-01-02T00:01:00.000Z'],
    ]);
    expect(powerFailureLogEvents([], [a], 4).map((e) => e.eventType)).toEqual(['4.26.38.85', '4.26.38.49']);
  });
});
