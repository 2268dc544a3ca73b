import { describe, expect, it } from 'vitest';
import { endDeviceEventType } from '../../../shared/cim/codes/endDeviceCodes';
import { errorRegisterSet, meterStatusOf, statusEvents, type MeterStatus } from '../../../shared/cim/codes/meterStatusEvents';
import { defaultStatusBits, parseDataText } from '../../../shared/iec62056';

const status = (s: Partial<MeterStatus>): MeterStatus => ({ errorRegister: '00000000', statusWord: '0000', powerFailCounters: {}, ...s });
const names = (events: ReturnType<typeof statusEvents>) => events.map((e) => e.name);

describe('meter health registers (F.F, C.5.0, C.7.x) to EndDeviceEvents', () => {
  it('finds the registers in a readout, as sent, and nothing when the meter sends none', () => {
    const { dataSets } = parseDataText('1.8.0(0012345.678*kWh)\r\nC.7.0(0003)\r\nC.7.2(0001)\r\nC.5.0( 00A1)\r\nF.F(00000010)\r\n');
    expect(meterStatusOf(dataSets)).toEqual({
      errorRegister: '00000010',
      statusWord: '00A1',
      powerFailCounters: { 'C.7.0': '0003', 'C.7.2': '0001' },
      powerFailureLog: [],
    });
    expect(meterStatusOf(parseDataText('1.8.0(0012345.678*kWh)\r\n').dataSets)).toBeNull();
    expect(errorRegisterSet('00000000')).toBe(false);
    expect(errorRegisterSet('0000000a')).toBe(true);
    expect(errorRegisterSet(null)).toBe(false);
  });

  it('first read: a fault in F.F and raised status bits are reported; counters are only the baseline', () => {
    const events = statusEvents(
      null,
      status({ errorRegister: '00000010', statusWord: '0003', powerFailCounters: { 'C.7.0': '0005' } }),
      defaultStatusBits,
    );
    expect(names(events)).toEqual(['fatalError', 'coverOpened', 'tamperDetected']);
    // F.F is the fatal error register: CX EndDeviceEventTypeFactory getFatalErrorEventType 0.0.43.79 (was a composed 3.21.0.85).
    expect(events[0]).toMatchObject({ eventType: '3.0.43.79', details: [{ name: 'F.F', value: '00000010' }] });
    expect(endDeviceEventType.fatalError).toBe('3.0.43.79');
    expect(events[1]).toMatchObject({ eventType: '3.12.141.212', reason: 'Status word C.5.0 bit 0: terminal cover opened' });
  });

  it('later reads report what changed since the last report: bits raised or a tamper cleared; counters that rose are count readings, not events', () => {
    const before = status({
      errorRegister: '00000010',
      statusWord: '0002',
      powerFailCounters: { 'C.7.0': '0003', 'C.7.1': '0001', 'C.7.3': '0004' },
    });
    const now = status({
      errorRegister: '00000010',
      statusWord: '0004',
      powerFailCounters: { 'C.7.0': '0005', 'C.7.1': '0002', 'C.7.3': '0000' },
    });
    const events = statusEvents(before, now, defaultStatusBits);
    // bit 2 of C.5.0 (no phase named); the counters go out as count readings (powerFailures.test.ts)
    expect(names(events)).toEqual(['tamperCleared', 'phaseFailure']);
  });

  it('the same state again reports nothing; a garbled status word is ignored, not guessed', () => {
    const s = status({ errorRegister: '00000010', statusWord: '0001', powerFailCounters: { 'C.7.0': '0003' } });
    expect(statusEvents(s, s, defaultStatusBits)).toEqual([]);
    expect(statusEvents(null, status({ statusWord: 'ZZ!' }), defaultStatusBits)).toEqual([]);
  });
});
