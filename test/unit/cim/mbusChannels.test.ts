/**
 * DSMR M-Bus channels (DSMR 5.0.2 §6.12: 0-n:24.1.0 device type, 0-n:96.1.0 equipment id,
 * 0-n:24.2.1 `(capture time)(value*unit)`), gas volume metered vs converted by register
 * (61968-9 UnitSymbol m3Uncompensated 166 / m3Compensated 167).
 * The first telegram is a real capture published in Ondeugd/smeterd (OBIS-raw-data-explained.md).
 */
import { describe, expect, it } from 'vitest';
import { channelReadingType, dsmrChannelReadings } from '../../../shared/cim/codes/mbusChannels';
import { parseDataText } from '../../../shared/iec62056';

const SMETERD = [
  '0-0:96.7.21(00006)',
  '0-2:24.1.0(003)',
  '0-2:96.1.0(4730303738123456789012345430303230)',
  '0-2:24.2.1(231117134000W)(04473.981*m3)',
  '!2FCB',
].join('\r\n');

describe('DSMR M-Bus channels', () => {
  it('maps channel 2 to its gas meter, takes the value by its unit and dates it by the capture time', () => {
    const [gas, ...rest] = dsmrChannelReadings(parseDataText(SMETERD).dataSets);
    expect(rest).toEqual([]);
    expect(gas).toMatchObject({
      channel: 2,
      device: 'gas',
      deviceType: 3,
      register: '24.2.1',
      value: '04473.981',
      unit: 'm3',
      capturedAt: '2023-11-17T12:40:00.000Z',
    });
    // DSMR 5 24.2.1 is temperature converted: m3Compensated 167, natural gas 7, volume 58
    expect(gas!.readingType).toBe('0.0.0.1.1.7.58.0.0.0.0.0.0.0.0.0.167.0');
  });

  it('the value is picked by its unit, not its position; water and heat by the device type; e-MUCS 24.2.3 is uncompensated', () => {
    const text = [
      '0-1:24.1.0(007)',
      '0-1:24.2.1(m3 follows)(240115123000S)(00012.345*m3)',
      '0-3:24.1.0(003)',
      '0-3:24.2.3(240115123000W)(00099.000*m3)',
      '0-4:24.1.0(004)',
      '0-4:24.2.1(240115123000W)(0001.234*GJ)',
    ].join('\r\n');
    const readings = dsmrChannelReadings(parseDataText(text).dataSets);
    expect(readings.map((r) => [r.channel, r.device, r.value, r.readingType])).toEqual([
      [1, 'water', '00012.345', '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0'],
      [3, 'gas', '00099.000', '0.0.0.1.1.7.58.0.0.0.0.0.0.0.0.0.166.0'],
      [4, 'heat', '0001.234', '0.0.0.1.1.12.12.0.0.0.0.0.0.0.0.9.31.0'],
    ]);
    expect(readings[0]!.capturedAt).toBe('2024-01-15T10:30:00.000Z'); // S: summer time, UTC+2
  });

  it('DSMR 2.2: the register named inside 24.3.0 and the unit on its own line joined with the value', () => {
    const text = [
      '0-1:24.1.0(3)',
      '0-1:96.1.0(3238313031353431303031333733353131)',
      '0-1:24.3.0(161107190000)(00)(60)(1)(0-1:24.2.1)(m3)',
      '(00001.001)',
    ].join('\r\n');
    const [gas] = dsmrChannelReadings(parseDataText(text).dataSets);
    expect(gas).toMatchObject({
      device: 'gas',
      register: '24.2.1',
      value: '00001.001',
      unit: 'm3',
      equipmentId: '28101541001373511',
      capturedAt: '2016-11-07T18:00:00.000Z',
    });
    expect(channelReadingType('unknown', '24.2.1', 'm3')).toBeNull();
  });
});
