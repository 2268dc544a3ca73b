/**
 * A meter's alarms from its telegram (shared/mbus/alarms.ts) and the EndDeviceEventType each
 * becomes (shared/cim/codes/mbusAlarmEvents.ts): the published code where one means the same
 * event (CX EndDeviceEventTypeFactory, with the meter's device type), otherwise 0.0.0.0 with the
 * raw flags. Records: wmbusmeters' test telegrams (src/driver_waterstarm.cc "Water waterstarm
 * 22996221": status 04, error flags 0x0040 = POWER_LOW and the maker's LEAKAGE_OR_NO_USAGE;
 * src/driver_multical21.cc "MyTapWater 76348799": info codes 0x0071 = DRY for 22–31 days;
 * src/driver_ei6500.cc "Smokey ei6500 01097274": head status 0x00110F42 = TAMPER_WHILE_REMOVED).
 */
import { describe, expect, it } from 'vitest';
import { endDeviceTypeOfMbus, mbusAlarmClearedEvent, mbusAlarmEvent } from '../../../shared/cim/codes/mbusAlarmEvents';
import {
  alarmKindOfKey,
  alarmOnsets,
  alarmSources,
  endEvidence,
  encodeTelegram,
  decodeTelegram,
  hexBytes,
  meterAlarmKinds,
  meterAlarms,
  type Telegram,
} from '../../../shared/mbus';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';
import { published } from './published';

const WATERSTARM_RECORDS = published.waterstarmPowerLowRecords.hex;
const MULTICAL21_DRY_RECORDS = published.multical21DryRecords.hex;
const EI6500_TAMPER = published.ei6500TamperWhileRemoved.hex;
/** The same telegram with only the head status' low byte changed, 0x42 → 0x02: bit 6 (tamper while removed) cleared. */
const EI6500_UNTAMPERED = EI6500_TAMPER.replace('8440FF2C420F1100', '8440FF2C020F1100');

function decoded(hex: string): Telegram {
  const result = decodeTelegram(hexBytes(hex));
  if (!result.ok) throw new Error(result.reason);
  return result.telegram;
}

function telegram(manufacturer: string, id: string, deviceType: number, status: number, records: string): Telegram {
  const bytes = encodeTelegram({ manufacturer, id, version: 1, deviceType, accessNumber: 1, status, records: hexBytes(records) });
  const result = decodeTelegram(bytes);
  if (!result.ok) throw new Error(result.reason);
  return result.telegram;
}

const onsetsOf = (t: Telegram, raised: readonly string[]) => alarmOnsets(meterAlarms(t), raised, alarmSources(t));
const kinds = (t: Telegram) => meterAlarms(t).map((a) => a.kind);

describe('a meter’s alarms', () => {
  it('reads the status byte: application error or alarm, power low, permanent and temporary error; busy and the maker’s bits are none', () => {
    const withStatus = (status: number) => kinds(telegram('DWZ', '22996221', 0x06, status, '0413 6A000000'));
    expect(withStatus(0x00)).toEqual([]);
    expect(withStatus(0x01)).toEqual([]);
    expect(withStatus(0xe0)).toEqual([]);
    expect(withStatus(0x02)).toEqual(['applicationError']);
    expect(withStatus(0x27)).toEqual(['alarm', 'powerLow']); // libmbus EFE WaterStar
    expect(withStatus(0x18)).toEqual(['permanentError', 'temporaryError']);
  });

  it('reads the waterstarm’s power low and each error-flags bit, with the raw flags', () => {
    const alarms = meterAlarms(telegram('DWZ', '22996221', 0x06, 0x04, WATERSTARM_RECORDS));
    expect(alarms).toEqual([
      { key: 'status.powerLow', kind: 'powerLow', details: [{ name: 'mbusStatus', value: '04' }] },
      {
        key: 'errorFlags.6',
        kind: 'errorFlag',
        details: [
          { name: 'mbusErrorFlags', value: '0040' },
          { name: 'mbusErrorFlagBit', value: '6' },
        ],
      },
    ]);
  });

  it('reads Kamstrup’s info codes: dry, and (the same record with other bits) reverse, leak and burst', () => {
    expect(kinds(telegram('KAM', '76348799', 0x16, 0, MULTICAL21_DRY_RECORDS))).toEqual(['dry']);
    // 0x040E: reverse, leak and burst, leaking for 1–8 hours (bits 10–12).
    const others = MULTICAL21_DRY_RECORDS.replace('02FF207100', '02FF200E04');
    expect(kinds(telegram('KAM', '76348799', 0x16, 0, others))).toEqual(['backflow', 'leak', 'burst']);
    // The same bytes from another maker mean nothing known.
    expect(kinds(telegram('DWZ', '76348799', 0x16, 0, MULTICAL21_DRY_RECORDS))).toEqual([]);
  });

  it('reads Ei Electronics’ tamper flag from the smoke alarm’s head status, and nothing once the flag is cleared', () => {
    const tampered = decoded(EI6500_TAMPER);
    expect([tampered.manufacturer, tampered.version, tampered.deviceType, tampered.encryption]).toEqual([
      'EIE',
      0x0c,
      'smokeDetector',
      'none',
    ]);
    expect(meterAlarms(tampered)).toEqual([{ key: 'ei.tamper', kind: 'tamper', details: [{ name: 'eiHeadStatus', value: '00110F42' }] }]);
    expect(kinds(decoded(EI6500_UNTAMPERED))).toEqual([]);
    // The same record from another maker, or another version of the alarm, means nothing known.
    expect(kinds(decoded(EI6500_TAMPER.replace('58442515', '58442D2C')))).toEqual([]);
    expect(kinds(decoded(EI6500_TAMPER.replace('0C1A7A94', '0D1A7A94')))).toEqual([]);
  });

  it('says which flags are no longer raised, and the kind each key was raised for', () => {
    const raised = onsetsOf(decoded(EI6500_TAMPER), []);
    expect(raised).toMatchObject({ cleared: [], raised: ['ei.tamper'] });
    expect(onsetsOf(decoded(EI6500_UNTAMPERED), raised.raised)).toEqual({ onsets: [], cleared: ['ei.tamper'], raised: [] });
    expect(
      ['ei.tamper', 'kamstrup.leak', 'status.powerLow', 'errorFlags.6', 'status.dry', 'ei.leak', 'gone.tamper'].map(alarmKindOfKey),
    ).toEqual(['tamper', 'leak', 'powerLow', 'errorFlag', null, null, null]);
  });

  it('tells an onset once: a flag still raised is not new, one that cleared and comes back is', () => {
    const flagged = telegram('DWZ', '22996221', 0x06, 0x04, WATERSTARM_RECORDS);
    const first = onsetsOf(flagged, []);
    expect(first.onsets).toHaveLength(2);
    expect(onsetsOf(flagged, first.raised).onsets).toEqual([]);
    // The status byte is clear; the error-flags record is not in this telegram, so its flag stays raised.
    const cleared = onsetsOf(telegram('DWZ', '22996221', 0x06, 0x00, '0413 6A000000'), first.raised);
    expect(cleared).toEqual({ onsets: [], cleared: ['status.powerLow'], raised: ['errorFlags.6'] });
    expect(onsetsOf(flagged, cleared.raised).onsets.map((a) => a.key)).toEqual(['status.powerLow']);
  });

  it('reads the error flags as bits: the top bit is a flag, not a sign, and a flag still raised is told once', () => {
    // EN 13757-3 Annex A type D: the error-flags record (DIF 02, VIF FD 17) is a bit field.
    const withFlags = (flags: string) => telegram('DWZ', '22996221', 0x06, 0x00, `0413 6A000000 02FD17${flags}`);
    expect(meterAlarms(withFlags('4080')).map((a) => a.key)).toEqual(['errorFlags.6', 'errorFlags.15']);
    let raised: string[] = [];
    const told: string[] = [];
    for (const t of [withFlags('4000'), withFlags('4080'), withFlags('4000')]) {
      const r = onsetsOf(t, raised);
      told.push(...r.onsets.map((a) => a.key));
      raised = r.raised;
    }
    expect(told).toEqual(['errorFlags.6', 'errorFlags.15']);
  });

  it('ends an alarm only in a telegram that carries its source', () => {
    const tamper = onsetsOf(decoded(EI6500_TAMPER), []);
    // The same device's telegram without its head-status record: nothing about tamper is known.
    const without = { ...decoded(EI6500_UNTAMPERED), records: [] };
    expect(alarmSources(without).map((s) => s.key)).not.toContain('ei');
    expect(onsetsOf(without, tamper.raised)).toMatchObject({ cleared: [], raised: ['ei.tamper'] });
    expect(onsetsOf(decoded(EI6500_TAMPER), tamper.raised).onsets).toEqual([]);
  });
});

describe('the event each alarm becomes', () => {
  const water = endDeviceTypeOfMbus('warmWater');
  const code = (kind: Parameters<typeof mbusAlarmEvent>[0]['kind']) => mbusAlarmEvent({ key: kind, kind, details: [] }, water).eventType;

  it('takes the published code with the meter’s device type where one means the same event', () => {
    expect(water).toBe(24);
    expect(endDeviceTypeOfMbus('gas')).toBe(4);
    expect(endDeviceTypeOfMbus('heat')).toBe(0);
    expect(code('powerLow')).toBe('24.2.22.150');
    expect(code('permanentError')).toBe('24.0.43.79');
    expect(code('alarm')).toBe('24.11.46.79');
    expect(code('backflow')).toBe('24.0.48.219');
    expect(code('burst')).toBe('24.21.48.93');
    expect(code('tamper')).toBe('24.12.43.257');
  });

  it('sends a tamper flag as tamper detected with the alarm’s device type, and its end as tamper cleared; other ends are not sent', () => {
    const smokeAlarm = endDeviceTypeOfMbus('smokeDetector');
    expect(smokeAlarm).toBe(0);
    const [tamper] = meterAlarms(decoded(EI6500_TAMPER));
    expect(mbusAlarmEvent(tamper!, smokeAlarm)).toEqual({
      eventType: '0.12.43.257',
      reason: 'M-Bus tamper',
      details: [
        { name: 'mbusAlarm', value: 'tamper' },
        { name: 'eiHeadStatus', value: '00110F42' },
      ],
    });
    // The end carries the head status that showed the flag gone, as the onset carries the one that raised it.
    const untampered = decoded(EI6500_UNTAMPERED);
    const { cleared } = onsetsOf(untampered, ['ei.tamper']);
    expect(mbusAlarmClearedEvent(cleared[0]!, smokeAlarm, endEvidence(cleared[0]!, alarmSources(untampered)))).toEqual({
      eventType: '0.12.43.291',
      reason: 'M-Bus tamper cleared',
      details: [
        { name: 'mbusAlarmCleared', value: 'tamper' },
        { name: 'eiHeadStatus', value: '00110F02' },
      ],
    });
    expect(mbusAlarmClearedEvent('ei.tamper', water)).toMatchObject({ eventType: '24.12.43.291' });
    for (const key of ['status.powerLow', 'kamstrup.leak', 'errorFlags.6', 'unknown.key'])
      expect(mbusAlarmClearedEvent(key, water)).toBeNull();
  });

  it('sends the rest as 0.0.0.0 with the raw flags and the alarm’s kind in the details, never a guessed code', () => {
    for (const kind of ['applicationError', 'temporaryError', 'leak', 'dry', 'errorFlag'] as const) expect(code(kind)).toBe('0.0.0.0');
    const [, flag] = meterAlarms(telegram('DWZ', '22996221', 0x06, 0x04, WATERSTARM_RECORDS));
    expect(mbusAlarmEvent(flag!, water)).toEqual({
      eventType: '0.0.0.0',
      reason: 'M-Bus errorFlag',
      details: [
        { name: 'mbusAlarm', value: 'errorFlag' },
        { name: 'mbusErrorFlags', value: '0040' },
        { name: 'mbusErrorFlagBit', value: '6' },
      ],
    });
  });
});

describe('the words for each alarm', () => {
  it('are in both catalogs for every kind the meter history can show', () => {
    const words = (catalog: typeof en) => catalog.history.events.mbusAlarm as Record<string, string | undefined>;
    expect(meterAlarmKinds.filter((kind) => !words(en)[kind]?.trim())).toEqual([]);
    expect(meterAlarmKinds.filter((kind) => !words(de)[kind]?.trim())).toEqual([]);
  });
});
