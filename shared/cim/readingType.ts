/**
 * IEC 61968-9 ReadingType: the 18-field dotted code (field order as in ../shared/cim/NOTES.md §6).
 * Only what the field app needs to show a register to a person: its kind, its unit and its
 * time-of-use bucket. The full code is kept as-is and sent to the enterprise unchanged.
 */
export const readingTypeFields = [
  'macroPeriod',
  'aggregate',
  'measuringPeriod',
  'accumulation',
  'flowDirection',
  'commodity',
  'measurementKind',
  'interharmonicNumerator',
  'interharmonicDenominator',
  'argumentNumerator',
  'argumentDenominator',
  'tou',
  'cpp',
  'consumptionTier',
  'phases',
  'multiplier',
  'unit',
  'currency',
] as const;
export type ReadingTypeField = (typeof readingTypeFields)[number];
export type ReadingType = Readonly<Record<ReadingTypeField, number>>;

const CODE = /^-?\d{1,4}(\.-?\d{1,4}){17}$/;

export function isReadingTypeCode(code: string): boolean {
  return CODE.test(code);
}

export function parseReadingType(code: string): ReadingType | null {
  if (!isReadingTypeCode(code)) return null;
  const parts = code.split('.').map(Number);
  const entries = readingTypeFields.map((field, i) => [field, parts[i] ?? 0] as const);
  return Object.fromEntries(entries) as Record<ReadingTypeField, number>;
}

const commodities: Readonly<Record<number, 'electricity' | 'gas' | 'water'>> = {
  1: 'electricity',
  2: 'electricity',
  7: 'gas',
  9: 'water',
};
const kinds: Readonly<Record<number, string>> = {
  4: 'current',
  8: 'demand',
  12: 'energy',
  37: 'power',
  38: 'powerFactor',
  54: 'voltage',
  58: 'volume',
};
const units: Readonly<Record<number, string>> = {
  5: 'A',
  29: 'V',
  38: 'W',
  42: 'm³',
  61: 'VA',
  63: 'var',
  72: 'Wh',
  73: 'varh',
};
const prefixes: Readonly<Record<number, string>> = { 0: '', 3: 'k', 6: 'M', [-3]: 'm' };

export interface ReadingTypeDescription {
  commodity: 'electricity' | 'gas' | 'water' | 'other';
  kind: string;
  /** Unit symbol with its SI prefix, e.g. "kWh". */
  unit: string;
  direction: 'delivered' | 'received' | 'net' | 'other';
  /** Time-of-use bucket, 0 when the register is not time-of-use. */
  tou: number;
}

export function describeReadingType(code: string): ReadingTypeDescription | null {
  const rt = parseReadingType(code);
  if (!rt) return null;
  const direction =
    rt.flowDirection === 1 ? 'delivered' : rt.flowDirection === 19 ? 'received' : rt.flowDirection === 4 ? 'net' : 'other';
  return {
    commodity: commodities[rt.commodity] ?? 'other',
    kind: kinds[rt.measurementKind] ?? 'other',
    unit: `${prefixes[rt.multiplier] ?? `10^${rt.multiplier} `}${units[rt.unit] ?? ''}`,
    direction,
    tou: rt.tou,
  };
}
