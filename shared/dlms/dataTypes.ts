/**
 * COSEM data types (IEC 62056-6-2 §4.1.5 "Common data types", Blue Book Table 2) as A-XDR tags,
 * and the value tree the decoder yields. Integers up to 32 bits are numbers, 64-bit ones BigInts;
 * floats keep their value (they are shown through exact decimal text, never summed).
 */
export const Tag = {
  null: 0,
  array: 1,
  structure: 2,
  boolean: 3,
  bitString: 4,
  int32: 5, // double-long
  uint32: 6, // double-long-unsigned
  octetString: 9,
  visibleString: 10,
  utf8String: 12,
  bcd: 13,
  int8: 15, // integer
  int16: 16, // long
  uint8: 17, // unsigned
  uint16: 18, // long-unsigned
  compactArray: 19,
  int64: 20, // long64
  uint64: 21, // long64-unsigned
  enum: 22,
  float32: 23,
  float64: 24,
  dateTime: 25, // 12 octets, no length
  date: 26, // 5 octets
  time: 27, // 4 octets
} as const;

export type SmallIntType = 'int8' | 'int16' | 'int32' | 'uint8' | 'uint16' | 'uint32' | 'enum' | 'bcd';

export type DlmsValue =
  | { readonly type: 'null' }
  | { readonly type: 'array' | 'structure'; readonly items: readonly DlmsValue[] }
  | { readonly type: 'compact-array'; readonly description: TypeDescription; readonly items: readonly DlmsValue[] }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'bit-string'; readonly bits: number; readonly bytes: Uint8Array }
  | { readonly type: SmallIntType; readonly value: number }
  | { readonly type: 'int64' | 'uint64'; readonly value: bigint }
  | { readonly type: 'float32' | 'float64'; readonly value: number }
  | { readonly type: 'octet-string' | 'date-time' | 'date' | 'time'; readonly bytes: Uint8Array }
  | { readonly type: 'visible-string' | 'utf8-string'; readonly text: string };

/** The contents-description of a compact-array (Blue Book §4.1.5 "TypeDescription"). */
export type TypeDescription =
  | { readonly tag: number }
  | { readonly tag: typeof Tag.array; readonly count: number; readonly element: TypeDescription }
  | { readonly tag: typeof Tag.structure; readonly fields: readonly TypeDescription[] };

/** Limits that keep a hostile or broken input from exhausting the stack or the memory (issue 22 "Bad input"). */
export interface DecodeLimits {
  /** Arrays and structures inside each other. */
  readonly maxDepth: number;
  /** Values in one decode, all levels counted. */
  readonly maxElements: number;
  /** Bytes in one octet/visible/utf8/bit string. */
  readonly maxLength: number;
}

export const defaultLimits: DecodeLimits = { maxDepth: 32, maxElements: 2_000_000, maxLength: 1 << 20 };

// Value helpers for builders (the simulator, tests) and readers of decoded trees.
export const u8 = (value: number): DlmsValue => ({ type: 'uint8', value });
export const u16 = (value: number): DlmsValue => ({ type: 'uint16', value });
export const u32 = (value: number): DlmsValue => ({ type: 'uint32', value });
export const i8 = (value: number): DlmsValue => ({ type: 'int8', value });
export const i16 = (value: number): DlmsValue => ({ type: 'int16', value });
export const i32 = (value: number): DlmsValue => ({ type: 'int32', value });
export const enumValue = (value: number): DlmsValue => ({ type: 'enum', value });
export const octets = (bytes: Uint8Array): DlmsValue => ({ type: 'octet-string', bytes });
export const structure = (...items: DlmsValue[]): DlmsValue => ({ type: 'structure', items });
export const array = (items: DlmsValue[]): DlmsValue => ({ type: 'array', items });

/** The integer in a value (any integer type, enum, bcd), or null. */
export function integerOf(value: DlmsValue | undefined): bigint | null {
  if (!value) return null;
  switch (value.type) {
    case 'int8':
    case 'int16':
    case 'int32':
    case 'uint8':
    case 'uint16':
    case 'uint32':
    case 'enum':
    case 'bcd':
      return BigInt(value.value);
    case 'int64':
    case 'uint64':
      return value.value;
    default:
      return null;
  }
}

export const itemsOf = (value: DlmsValue | undefined): readonly DlmsValue[] | null =>
  value && (value.type === 'array' || value.type === 'structure' || value.type === 'compact-array') ? value.items : null;

export const bytesOf = (value: DlmsValue | undefined): Uint8Array | null =>
  value && (value.type === 'octet-string' || value.type === 'date-time' || value.type === 'date' || value.type === 'time')
    ? value.bytes
    : null;
