import { describe, expect, it } from 'vitest';
import { ByteWriter, decodeValue, encodeValue, Tag, type DlmsValue, DlmsError } from '../../../shared/dlms';
import { hex } from './fixtures';

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DlmsError ? error.reason : `not coded: ${String(error)}`;
  }
  return 'no error';
};

describe('A-XDR data', () => {
  it('decodes every COSEM data type and encodes it back to the same bytes', () => {
    const samples: [string, DlmsValue][] = [
      ['00', { type: 'null' }],
      ['03FF', { type: 'boolean', value: true }],
      ['04 0C 5A 30', { type: 'bit-string', bits: 12, bytes: hex('5A30') }],
      ['05 FFFFFFFE', { type: 'int32', value: -2 }],
      ['06 000005BC', { type: 'uint32', value: 1468 }],
      ['09 03 010203', { type: 'octet-string', bytes: hex('010203') }],
      ['0A 03 414243', { type: 'visible-string', text: 'ABC' }],
      ['0C 03 C3A46F', { type: 'utf8-string', text: 'äo' }],
      ['0D 12', { type: 'bcd', value: 0x12 }],
      ['0F FD', { type: 'int8', value: -3 }],
      ['10 FF38', { type: 'int16', value: -200 }],
      ['11 FF', { type: 'uint8', value: 255 }],
      ['12 00E8', { type: 'uint16', value: 232 }],
      ['14 FFFFFFFFFFFFFFFF', { type: 'int64', value: -1n }],
      ['15 0000000100000000', { type: 'uint64', value: 4294967296n }],
      ['16 1E', { type: 'enum', value: 30 }],
      ['17 3FC00000', { type: 'float32', value: 1.5 }],
      ['18 3FF8000000000000', { type: 'float64', value: 1.5 }],
      ['19 07E10A1405032B1EFF800000', { type: 'date-time', bytes: hex('07E10A1405032B1EFF800000') }],
      ['1A 07E10A1405', { type: 'date', bytes: hex('07E10A1405') }],
      ['1B 032B1EFF', { type: 'time', bytes: hex('032B1EFF') }],
      [
        '02 02 0F FF 16 1E',
        {
          type: 'structure',
          items: [
            { type: 'int8', value: -1 },
            { type: 'enum', value: 30 },
          ],
        },
      ],
      [
        '01 02 11 01 11 02',
        {
          type: 'array',
          items: [
            { type: 'uint8', value: 1 },
            { type: 'uint8', value: 2 },
          ],
        },
      ],
    ];
    for (const [bytes, value] of samples) {
      expect(decodeValue(hex(bytes)), bytes).toEqual(value);
      expect(encodeValue(value), bytes).toEqual(hex(bytes));
    }
  });

  it('reads long-form lengths (0x81/0x82) of octet strings and arrays', () => {
    const long = new Uint8Array(300).fill(7);
    const encoded = encodeValue({ type: 'octet-string', bytes: long });
    expect([...encoded.subarray(0, 4)]).toEqual([Tag.octetString, 0x82, 0x01, 0x2c]);
    expect(decodeValue(encoded)).toEqual({ type: 'octet-string', bytes: long });
  });

  it('decodes a compact-array of structures and encodes it back', () => {
    // compact-array, contents-description structure{uint16, int8}, 2 rows of 3 bytes
    const bytes = hex('13 02 02 12 0F 06 0001 05 0002 FB');
    const value = decodeValue(bytes);
    expect(value).toMatchObject({
      type: 'compact-array',
      items: [
        { type: 'structure', items: [{ value: 1 }, { value: 5 }] },
        { type: 'structure', items: [{ value: 2 }, { value: -5 }] },
      ],
    });
    expect(encodeValue(value)).toEqual(bytes);
  });

  it('refuses deep nesting with dlms.limit, without overflowing the stack', () => {
    const deep = new Uint8Array(200_000);
    for (let i = 0; i < deep.length; i += 2) [deep[i], deep[i + 1]] = [Tag.structure, 1];
    expect(reason(() => decodeValue(deep))).toBe('dlms.limit');
  });

  it('refuses an array claiming more elements than the bytes hold before allocating anything', () => {
    expect(reason(() => decodeValue(hex('01 84 7FFFFFFF 11 01')))).toBe('dlms.limit');
    expect(reason(() => decodeValue(hex('01 82 FFFF 11 01')))).toBe('dlms.truncated');
    expect(reason(() => decodeValue(hex('09 84 7FFFFFFF 00')))).toBe('dlms.limit');
    expect(reason(() => decodeValue(hex('09 10 0102')))).toBe('dlms.truncated');
  });

  it('refuses a value past the element limit and an unknown tag', () => {
    const w = new ByteWriter().u8(Tag.array).axdrLength(1000);
    for (let i = 0; i < 1000; i++) w.u8(Tag.null);
    expect(reason(() => decodeValue(w.done(), { maxDepth: 8, maxElements: 500, maxLength: 100 }))).toBe('dlms.limit');
    expect(reason(() => decodeValue(hex('63 00')))).toBe('dlms.unsupported');
    expect(reason(() => decodeValue(hex('11 01 00')))).toBe('dlms.format');
  });
});
