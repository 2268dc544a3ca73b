import { describe, expect, it } from 'vitest';
import {
  array,
  cellText,
  decodeProfileBuffer,
  decodeProfileTable,
  encodeDateTime,
  encodeValue,
  enumValue,
  i8,
  octets,
  obisToBytes,
  parseCaptureObjects,
  parseScalerUnit,
  profileRows,
  structure,
  u16,
  u32,
  u8,
  Tag,
  type DlmsValue,
} from '../../../shared/dlms';
import { MeterObjects } from '../../../shared/dlms/simulator/meterObjects';

const ln = (obis: string) => octets(obisToBytes(obis) ?? new Uint8Array(6));
const columns = parseCaptureObjects(
  array([
    structure(u16(8), ln('0-0:1.0.0.255'), i8(2), u16(0)),
    structure(u16(1), ln('0-0:96.10.1.255'), i8(2), u16(0)),
    structure(u16(3), ln('1-0:1.8.0.255'), i8(2), u16(0)),
    structure(u16(3), ln('1-0:2.8.0.255'), i8(2), u16(0)),
  ]),
);
const scalers = new Map([
  ['1-0:1.8.0.255', parseScalerUnit(structure(i8(-3), enumValue(30)))],
  ['1-0:2.8.0.255', parseScalerUnit(structure(i8(2), enumValue(30)))],
]);
const t0 = Date.UTC(2026, 2, 29, 0, 15);

/** Rows with the awkward cases: a null clock, a null status, a float, a negative long, a huge long64, a 0.001 value. */
const awkward: DlmsValue = array([
  structure(octets(encodeDateTime(t0, -60)), u8(0), u32(1), { type: 'int16', value: -5 }),
  structure({ type: 'null' }, { type: 'null' }, { type: 'float32', value: 2.5 }, { type: 'uint64', value: 2n ** 60n }),
  structure(octets(encodeDateTime(t0 + 1_800_000, -120, 0x80)), u8(0x84), { type: 'null' }, u32(7)),
]);

describe('profile buffers straight from bytes', () => {
  it('gives the same rows as decoding the value tree, for the simulator profile and for awkward cells', () => {
    const simulated = new MeterObjects(() => t0, 2);
    const simColumns = parseCaptureObjects(simulated.captureObjects());
    for (const [buffer, cols] of [
      [simulated.buffer(), simColumns],
      [awkward, columns],
    ] as const) {
      const bytes = encodeValue(buffer);
      expect(decodeProfileBuffer(bytes, cols, scalers, 900)).toEqual(profileRows(buffer, cols, scalers, 900));
    }
  });

  it('decodes into columns whose cell text equals the rows', () => {
    const bytes = encodeValue(awkward);
    const table = decodeProfileTable(bytes, columns, 900);
    const rows = profileRows(awkward, columns, scalers, 900);
    expect(Array.from(table.times)).toEqual(rows.map((r) => r.time ?? NaN));
    expect(Array.from(table.status)).toEqual(rows.map((r) => r.statusByte ?? -1));
    for (let row = 0; row < table.rows; row++) {
      table.channels.forEach((ch, c) =>
        expect(cellText(table, row, c, scalers.get(ch.obis) ?? null)).toBe(rows[row]?.cells[c]?.value ?? null),
      );
    }
    expect(rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      ['0.001', '-500'],
      ['0.0025', '115292150460684697600'],
      [null, '700'],
    ]);
  });

  it('refuses a buffer claiming more rows than its bytes, a row of the wrong width, and nesting past the limit', () => {
    const huge = Uint8Array.of(Tag.array, 0x84, 0x00, 0xff, 0xff, 0xff, Tag.structure, 4);
    expect(() => decodeProfileTable(huge, columns)).toThrow(expect.objectContaining({ reason: 'dlms.truncated' }));
    expect(() => decodeProfileBuffer(huge, columns)).toThrow(expect.objectContaining({ reason: 'dlms.truncated' }));
    const narrow = encodeValue(array([structure(u8(1), u8(2), u8(3))]));
    expect(() => decodeProfileTable(narrow, columns)).toThrow(expect.objectContaining({ reason: 'dlms.format' }));
    let nested: DlmsValue = u8(1);
    for (let i = 0; i < 40; i++) nested = structure(nested);
    const deep = encodeValue(array([structure(u8(0), u8(0), nested, u8(0))]));
    expect(() => decodeProfileTable(deep, columns)).toThrow(expect.objectContaining({ reason: 'dlms.limit' }));
    const cut = encodeValue(awkward).subarray(0, 40);
    expect(() => decodeProfileTable(cut, columns)).toThrow(expect.objectContaining({ reason: 'dlms.truncated' }));
  });
});
