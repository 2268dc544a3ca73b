import { describe, expect, it } from 'vitest';
import {
  amrStatusOf,
  array,
  dateTimeEpoch,
  dateTimeText,
  encodeDateTime,
  enumValue,
  i8,
  octets,
  obisToBytes,
  parseCaptureObjects,
  parseControlState,
  parseDateTime,
  parseObjectList,
  parseScalerUnit,
  profileRows,
  registerValueText,
  structure,
  u16,
  u32,
  u8,
  type DlmsValue,
} from '../../../shared/dlms';
import { hex } from './fixtures';

const ln = (obis: string) => octets(obisToBytes(obis) ?? new Uint8Array(6));

describe('COSEM interface classes', () => {
  it('applies scaler_unit exactly: 123456 with scaler -1 is 12345.6 Wh, never a float', () => {
    const su = parseScalerUnit(structure(i8(-1), enumValue(30)));
    expect(su).toEqual({ scaler: -1, unit: 30, unitText: 'Wh' });
    expect(registerValueText(u32(123456), su)).toBe('12345.6');
    expect(registerValueText(u32(3), parseScalerUnit(structure(i8(2), enumValue(27))))).toBe('300');
    expect(registerValueText({ type: 'uint64', value: 9007199254740993n }, parseScalerUnit(structure(i8(-3), enumValue(30))))).toBe(
      '9007199254740.993',
    );
    expect(registerValueText(u32(1), parseScalerUnit(structure(i8(0), enumValue(13))))).toBe('1');
    expect(parseScalerUnit(structure(i8(0), enumValue(9))).unitText).toBe('°C');
    expect(() => parseScalerUnit(structure(u8(0), enumValue(9)))).toThrow();
  });

  it('reads a clock date-time with deviation and status; ISO offset is the negated deviation', () => {
    // 2017-10-20 Fri 03:43:30, deviation -60 (CET), status 0x80 daylight saving
    const dt = parseDateTime(hex('07E10A1405032B1E00FFC480'));
    expect(dateTimeText(dt)).toBe('2017-10-20T03:43:30+01:00');
    expect(dt.status?.daylightSaving).toBe(true);
    expect(dateTimeEpoch(dt)).toBe(Date.UTC(2017, 9, 20, 2, 43, 30));
    // the Kamstrup push: hundredths, deviation and status not specified
    const open = parseDateTime(hex('07E10A1405032B1EFF800000'));
    expect(open.deviation).toBeNull();
    expect(dateTimeText(open)).toBe('2017-10-20T03:43:30');
    expect(parseDateTime(encodeDateTime(Date.UTC(2026, 11, 7, 3, 0, 0), -60))).toMatchObject({
      year: 2026,
      month: 12,
      day: 7,
      hour: 4,
      deviation: -60,
      dayOfWeek: 1,
    });
  });

  it('turns a load profile buffer into rows with interval status and scaled channels', () => {
    const columns = parseCaptureObjects(
      array([
        structure(u16(8), ln('0-0:1.0.0.255'), i8(2), u16(0)),
        structure(u16(1), ln('0-0:96.10.1.255'), i8(2), u16(0)),
        structure(u16(3), ln('1-0:1.8.0.255'), i8(2), u16(0)),
      ]),
    );
    const t0 = Date.UTC(2026, 0, 1, 0, 15);
    const buffer: DlmsValue = array([
      structure(octets(encodeDateTime(t0, -60)), u8(0x00), u32(1000)),
      structure({ type: 'null' }, u8(0x84), u32(1250)), // clock omitted: previous + capture period; power down, data not valid
      structure(octets(encodeDateTime(t0 + 30 * 60_000, -60, 0x80)), u8(0x28), u32(1500)),
    ]);
    const rows = profileRows(buffer, columns, new Map([['1-0:1.8.0.255', parseScalerUnit(structure(i8(-1), enumValue(30)))]]), 900);
    expect(rows.map((r) => r.time)).toEqual([t0, t0 + 900_000, t0 + 1_800_000]);
    expect(rows[1]?.status).toEqual(['data-not-valid', 'power-down']);
    expect(rows[2]?.status).toEqual(['daylight-saving', 'clock-adjusted']);
    expect(rows.map((r) => r.cells[0]?.value)).toEqual(['100', '125', '150']);
    expect(rows[0]?.cells[0]?.unit).toBe('Wh');
    expect(amrStatusOf(0x02)).toEqual(['clock-invalid']);
    expect(() => profileRows(array([structure(u8(1))]), columns)).toThrow(expect.objectContaining({ reason: 'dlms.format' }));
  });

  it('reads the disconnect control state and the association object list', () => {
    expect(parseControlState(enumValue(0))).toBe('disconnected');
    expect(parseControlState(enumValue(2))).toBe('ready-for-reconnection');
    expect(() => parseControlState(enumValue(3))).toThrow();
    const access = structure(
      array([structure(i8(1), enumValue(1), { type: 'null' }), structure(i8(2), enumValue(3), { type: 'null' })]),
      array([structure(i8(1), { type: 'boolean', value: true })]),
    );
    const list = parseObjectList(array([structure(u16(70), u8(0), ln('0-0:96.3.10.255'), access)]));
    expect(list).toEqual([
      {
        classId: 70,
        version: 0,
        obis: '0-0:96.3.10.255',
        attributes: new Map([
          [1, 1],
          [2, 3],
        ]),
        methods: new Map([[1, 1]]),
      },
    ]);
  });
});
