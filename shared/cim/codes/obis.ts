/**
 * OBIS (IEC 62056-61) register codes read over the IEC 62056-21 optical port → IEC 61968-9
 * ReadingType (18-part codes, NOTES.md §6). The unit the meter sends decides the scale (Wh or
 * kWh) and the quantity, so "1.8.0(012345.6*kWh)" and "1.8.0(12345600*Wh)" map to different
 * ReadingTypes. Electricity only (OBIS A = 1). Codes are composed from the CBO enum values.
 */
import { describeReadingType } from '../readingType';

/** The value groups the mapping needs; the optical port's parsed ObisCode fits this shape. */
export interface ObisGroups {
  /** Medium (1 electricity); null when the reduced form leaves it out. */
  readonly a: number | null;
  readonly c: number;
  readonly d: number;
  readonly e: number | null;
  /** Billing period / historic value; null for the current value. */
  readonly f: number | null;
}

type Quantity = 'active' | 'reactive' | 'apparent' | 'voltage' | 'current';
// unit text (lower case) → [quantity, power of ten, CIM UnitSymbol, is energy]
const units: Readonly<Record<string, readonly [Quantity, number, number, boolean]>> = {
  wh: ['active', 0, 72, true],
  kwh: ['active', 3, 72, true],
  mwh: ['active', 6, 72, true],
  varh: ['reactive', 0, 73, true],
  kvarh: ['reactive', 3, 73, true],
  mvarh: ['reactive', 6, 73, true],
  w: ['active', 0, 38, false],
  kw: ['active', 3, 38, false],
  mw: ['active', 6, 38, false],
  var: ['reactive', 0, 63, false],
  kvar: ['reactive', 3, 63, false],
  va: ['apparent', 0, 61, false],
  kva: ['apparent', 3, 61, false],
  v: ['voltage', 0, 29, false],
  kv: ['voltage', 3, 29, false],
  a: ['current', 0, 5, false],
};

// Value group C (IEC 62056-61 Table 8) → [quantity, CIM flowDirection].
const energyChannels: Readonly<Record<number, readonly [Quantity, number]>> = {
  1: ['active', 1], // +A import (delivered)
  2: ['active', 19], // −A export (received)
  3: ['reactive', 1], // +R
  4: ['reactive', 19], // −R
  15: ['active', 20], // |+A| + |−A|
  16: ['active', 4], // +A − (−A), net
};
// Per-phase voltage (C = 32/52/72) and current (31/51/71) → CIM PhaseCode (NOTES.md §6).
// 32/52/72.7 are the L1/L2/L3 voltages to neutral (IEC 62056-61 Table 8), so PhaseCode AN 129,
// BN 65, CN 33; a line current is through one phase only: A 128, B 64, C 32 (values of the
// CBO enum com.elster.jupiter.cbo.Phase, which quotes 61968-9 PhaseCode).
const voltagePhase: Readonly<Record<number, number>> = { 32: 129, 52: 65, 72: 33 };
const currentPhase: Readonly<Record<number, number>> = { 31: 128, 51: 64, 71: 32 };

const code = (fields: readonly number[]) => fields.join('.');

/**
 * The ReadingType of a register, or null when the register or its unit is not mapped.
 * `demandPeriod` is the CIM measuringPeriod of max-demand registers: 2 = 15 min, the usual
 * setting (a meter states its own in 0.8.0).
 */
export function readingTypeForObis(obis: ObisGroups, unitText: string | null, demandPeriod = 2): string | null {
  if ((obis.a !== null && obis.a !== 1) || obis.f !== null || unitText === null) return null;
  const unit = units[unitText.toLowerCase()];
  if (!unit) return null;
  const [quantity, multiplier, uom, isEnergy] = unit;
  const tou = obis.e ?? 0;
  if (tou > 9) return null;
  const channel = energyChannels[obis.c];
  if (channel && channel[0] === quantity) {
    const flow = channel[1];
    if (obis.d === 8 && isEnergy) return code([0, 0, 0, 1, flow, 1, 12, 0, 0, 0, 0, tou, 0, 0, 0, multiplier, uom, 0]);
    if (obis.d === 6 && !isEnergy) return code([8, 8, demandPeriod, 6, flow, 1, 8, 0, 0, 0, 0, tou, 0, 0, 0, multiplier, uom, 0]);
    if (obis.d === 7 && !isEnergy && tou === 0) return code([0, 0, 0, 12, flow, 1, 37, 0, 0, 0, 0, 0, 0, 0, 0, multiplier, uom, 0]);
    return null;
  }
  if (obis.d !== 7 || tou !== 0) return null;
  const vPhase = voltagePhase[obis.c];
  if (vPhase !== undefined && quantity === 'voltage') return code([0, 0, 0, 12, 0, 1, 54, 0, 0, 0, 0, 0, 0, 0, vPhase, multiplier, uom, 0]);
  const aPhase = currentPhase[obis.c];
  if (aPhase !== undefined && quantity === 'current') return code([0, 0, 0, 12, 0, 1, 4, 0, 0, 0, 0, 0, 0, 0, aPhase, multiplier, uom, 0]);
  return null;
}

/**
 * Normalises "1-0:1.8.0*255", "1-0:1.8.0.255", "1.8.0*01" or "1.8.0" to its groups. Returns
 * null when the code is not a numeric electricity (A = 1) register code.
 */
export function parseObisGroups(text: string): ObisGroups | null {
  const match = /^(?:(\d{1,3})-(\d{1,3}):)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:[*.&](\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const [, a, , c, d, e, f] = match;
  if (a !== undefined && a !== '1') return null;
  return { a: a === undefined ? null : 1, c: Number(c), d: Number(d), e: Number(e), f: f === undefined || f === '255' ? null : Number(f) };
}

export const normaliseObis = (text: string): string | null => {
  const g = parseObisGroups(text);
  return g ? `${g.c}.${g.d}.${g.e}` : null;
};

export interface ObisMapping {
  /** Reduced OBIS C.D.E as a 62056-21 data line shows it, e.g. "1.8.0". */
  obis: string;
  readingType: string;
  description: string;
}

/** The mapping of an OBIS code as text with the unit the meter sent, with a readable description. */
export function obisToReadingType(text: string, unit: string | null): ObisMapping | null {
  const groups = parseObisGroups(text);
  const readingType = groups ? readingTypeForObis(groups, unit) : null;
  if (!groups || !readingType) return null;
  const d = describeReadingType(readingType);
  const tou = groups.e ? `, tariff ${groups.e}` : '';
  return {
    obis: `${groups.c}.${groups.d}.${groups.e}`,
    readingType,
    description: d ? `${d.kind} ${d.direction}, ${d.unit}${tou}` : readingType,
  };
}

/** Whether an OBIS code names this ReadingType with any unit the mapping knows (the unit is in the ReadingType, not in the OBIS code). */
export function obisNamesReadingType(text: string, readingType: string): boolean {
  const groups = parseObisGroups(text);
  return groups !== null && Object.keys(units).some((unit) => readingTypeForObis(groups, unit) === readingType);
}
