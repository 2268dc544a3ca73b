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
  /** Which power the unit measures (IEC 61968-9 UnitSymbol: W, Wh active; var, varh reactive; VA, VAh apparent), null for others. */
  component: 'active' | 'reactive' | 'apparent' | null;
}

const components: Readonly<Record<number, ReadingTypeDescription['component']>> = {
  38: 'active',
  72: 'active',
  63: 'reactive',
  73: 'reactive',
  61: 'apparent',
  71: 'apparent',
};

export function describeReadingType(code: string): ReadingTypeDescription | null {
  const rt = parseReadingType(code);
  if (!rt) return null;
  const direction = rt.flowDirection === 1 ? 'delivered' : rt.flowDirection === 19 ? 'received' : rt.flowDirection === 4 ? 'net' : 'other';
  return {
    commodity: commodities[rt.commodity] ?? 'other',
    kind: kinds[rt.measurementKind] ?? 'other',
    unit: `${prefixes[rt.multiplier] ?? `10^${rt.multiplier} `}${units[rt.unit] ?? ''}`,
    direction,
    tou: rt.tou,
    component: components[rt.unit] ?? null,
  };
}

/**
 * The label a register gets when its route names none, e.g. "energy delivered kWh T1". It is
 * stored as such; screens recognise it (registerName in the renderer) and show the name in the
 * user's language instead.
 */
export function defaultRegisterLabel(readingType: string): string {
  const d = describeReadingType(readingType);
  if (!d) return readingType;
  const tou = d.tou ? ` T${d.tou}` : '';
  return `${d.kind} ${d.direction === 'other' ? '' : d.direction + ' '}${d.unit}${tou}`.replace(/\s+/g, ' ').trim();
}

/** Builds the dotted code from its fields; any field left out is 0 (not applicable). */
export function encodeReadingType(fields: Partial<ReadingType>): string {
  return readingTypeFields.map((f) => String(fields[f] ?? 0)).join('.');
}

// Names of the enum values NOTES.md §6 lists (from the Connexo CBO enums).
const macroPeriods: Readonly<Record<number, string>> = {
  8: 'billing period',
  11: 'daily',
  13: 'monthly',
  22: 'seasonal',
  24: 'weekly',
  32: 'specified period',
};
const aggregates: Readonly<Record<number, string>> = { 2: 'average', 4: 'excess', 8: 'maximum', 9: 'minimum', 12: 'normal', 26: 'sum' };
const measuringPeriods: Readonly<Record<number, string>> = {
  1: '10-minute',
  2: '15-minute',
  3: '1-minute',
  4: '24-hour',
  5: '30-minute',
  6: '5-minute',
  7: '60-minute',
  15: 'present',
  16: 'previous',
};
const accumulations: Readonly<Record<number, string>> = {
  1: 'register',
  2: 'continuous cumulative',
  3: 'cumulative',
  4: 'interval',
  6: 'indicating',
  9: 'summation',
  12: 'instantaneous',
};
const flowDirections: Readonly<Record<number, string>> = {
  1: 'delivered',
  4: 'net',
  15: 'Q1',
  16: 'Q2',
  17: 'Q3',
  18: 'Q4',
  19: 'received',
  20: 'total',
};

/**
 * A one-line description a person can read, e.g. "energy delivered, register, kWh, TOU 1" or
 * "billing period maximum 15-minute demand delivered, indicating, kW". Null for a malformed code.
 */
export function readingTypeText(code: string): string | null {
  const rt = parseReadingType(code);
  const d = describeReadingType(code);
  if (!rt || !d) return null;
  const lead = [
    macroPeriods[rt.macroPeriod],
    aggregates[rt.aggregate],
    measuringPeriods[rt.measuringPeriod],
    d.kind === 'other' ? `kind ${rt.measurementKind}` : d.kind,
  ]
    .filter(Boolean)
    .join(' ');
  const direction = flowDirections[rt.flowDirection];
  const parts = [direction ? `${lead} ${direction}` : lead, accumulations[rt.accumulation], d.unit || undefined];
  if (rt.tou > 0) parts.push(`TOU ${rt.tou}`);
  if (rt.consumptionTier > 0) parts.push(`tier ${rt.consumptionTier}`);
  return parts.filter(Boolean).join(', ');
}

/**
 * What a register holds, from its ReadingType (IEC 61968-9 Annex C): `demand` when the
 * measurement kind is demand (8); `cumulative` when the accumulation counts up — bulkQuantity (1),
 * continuousCumulative (2), cumulative (3), summation (9) — or is not given (0) on an energy or
 * volume register; everything else (instantaneous 12, indicating 6, deltaData 4: power, voltage,
 * current, power factor) is `instantaneous`. Only a cumulative register has a use since the
 * last read and can roll over past all nines.
 */
export type RegisterKind = 'cumulative' | 'demand' | 'instantaneous';
const COUNTING_ACCUMULATIONS: ReadonlySet<number> = new Set([1, 2, 3, 9]);
const COUNTED_KINDS: ReadonlySet<number> = new Set([12, 58]);

export function registerKindOf(code: string): RegisterKind {
  const rt = parseReadingType(code);
  if (!rt) return 'cumulative';
  if (rt.measurementKind === 8) return 'demand';
  if (COUNTING_ACCUMULATIONS.has(rt.accumulation)) return 'cumulative';
  if (rt.accumulation === 0 && COUNTED_KINDS.has(rt.measurementKind)) return 'cumulative';
  return 'instantaneous';
}

/** The power of ten of the register's unit (ReadingType field 16: 3 for kWh and kW, 0 for W). */
export const unitPowerOf = (code: string): number => parseReadingType(code)?.multiplier ?? 0;
