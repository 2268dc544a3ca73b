/**
 * OBIS (IEC 62056-61) → IEC 61968-9 ReadingType (18-field code, ../shared/cim NOTES §6), and the
 * registers that are EndDeviceEvent candidates (NOTES §7). The protocol code depends only on the
 * `ObisReadingTypes` interface, so the fuller table `shared/cim` may provide can replace this
 * minimal one without touching the parser.
 */
import type { ObisCode } from './obisCode';

export interface ObisReadingTypes {
  /** The ReadingType code, or null when the register or its unit is not mapped. */
  readingTypeFor(code: ObisCode, unit: string | null): string | null;
}

export interface EventCandidate {
  readonly kind: 'errorRegister' | 'powerFailCounter' | 'status';
  /** EndDeviceEventType `type.domain.subdomain.event`, null when the meter's bits need decoding first. */
  readonly endDeviceEventType: string | null;
}

type Quantity = 'active' | 'reactive' | 'apparent' | 'voltage' | 'current';
// unit text (lower case) → [quantity, power of ten, CIM UnitSymbol]. 'h' units are energy.
const units: Readonly<Record<string, readonly [Quantity, number, number, boolean]>> = {
  wh: ['active', 0, 72, true], kwh: ['active', 3, 72, true], mwh: ['active', 6, 72, true],
  varh: ['reactive', 0, 73, true], kvarh: ['reactive', 3, 73, true], mvarh: ['reactive', 6, 73, true],
  w: ['active', 0, 38, false], kw: ['active', 3, 38, false], mw: ['active', 6, 38, false],
  var: ['reactive', 0, 63, false], kvar: ['reactive', 3, 63, false],
  va: ['apparent', 0, 61, false], kva: ['apparent', 3, 61, false],
  v: ['voltage', 0, 29, false], kv: ['voltage', 3, 29, false], a: ['current', 0, 5, false],
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
// Per-phase voltage and current (C = 32/52/72, 31/51/71) → CIM PhaseCode.
const phaseOf: Readonly<Record<number, number>> = { 32: 128, 52: 64, 72: 32, 31: 128, 51: 64, 71: 32 };

const code = (fields: readonly number[]) => fields.join('.');

export interface MinimalTableOptions {
  /** Demand integration period as a CIM measuringPeriod: 2 = 15 min (the usual default, set in 0.8.0). */
  readonly demandPeriod?: number;
}

export function minimalObisReadingTypes(options: MinimalTableOptions = {}): ObisReadingTypes {
  const demandPeriod = options.demandPeriod ?? 2;
  return {
    readingTypeFor(obis, unitText) {
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
      const phase = phaseOf[obis.c];
      if (phase !== undefined && obis.d === 7 && tou === 0) {
        if (quantity === 'voltage' && [32, 52, 72].includes(obis.c)) return code([0, 0, 0, 12, 0, 1, 54, 0, 0, 0, 0, 0, 0, 0, phase, multiplier, uom, 0]);
        if (quantity === 'current' && [31, 51, 71].includes(obis.c)) return code([0, 0, 0, 12, 0, 1, 4, 0, 0, 0, 0, 0, 0, 0, phase, multiplier, uom, 0]);
      }
      return null;
    },
  };
}

/**
 * Registers that report events rather than quantities (IEC 62056-61 §5.6, C = 96/97):
 * F.F error register, C.7.x power-failure counters, C.5.0 status. Event codes from NOTES §7
 * with device type 3 (electric meter); the F.F code is composed from the enums (Metrology.Failed).
 */
export function eventCandidateFor(obis: ObisCode): EventCandidate | null {
  if (obis.c === 97 && obis.d === 97) return { kind: 'errorRegister', endDeviceEventType: '3.21.0.85' };
  if (obis.c === 96 && obis.d === 7) {
    const perPhase = obis.e !== null && obis.e >= 1 && obis.e <= 3;
    return { kind: 'powerFailCounter', endDeviceEventType: perPhase ? '3.26.25.85' : '3.26.38.85' };
  }
  if (obis.c === 96 && obis.d === 5) return { kind: 'status', endDeviceEventType: null };
  return null;
}
