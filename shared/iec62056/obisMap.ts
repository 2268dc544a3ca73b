/**
 * OBIS (IEC 62056-61) → IEC 61968-9 ReadingType (18-field code, ../shared/cim NOTES §6), and the
 * registers that are EndDeviceEvent candidates (NOTES §7). The mapping itself lives in
 * shared/cim/codes/obis.ts; the protocol code depends only on the `ObisReadingTypes` interface,
 * so a utility's own table can replace it without touching the parser.
 */
import { endDeviceEventType } from '../cim/codes/endDeviceCodes';
import { readingTypeForObis } from '../cim/codes/obis';
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

export interface MinimalTableOptions {
  /** Demand integration period as a CIM measuringPeriod: 2 = 15 min (the usual default, set in 0.8.0). */
  readonly demandPeriod?: number;
}

/** The table of shared/cim (unit-aware), behind the interface the session depends on. */
export function minimalObisReadingTypes(options: MinimalTableOptions = {}): ObisReadingTypes {
  return { readingTypeFor: (obis, unit) => readingTypeForObis(obis, unit, options.demandPeriod) };
}

/**
 * Registers that report events rather than quantities (IEC 62056-61 §5.6, C = 96/97):
 * F.F error register, C.7.x power-failure counters, C.5.0 status. Event codes from NOTES §7
 * with device type 3 (electric meter); F.F is the fatal error register, CX getFatalErrorEventType.
 */
export function eventCandidateFor(obis: ObisCode): EventCandidate | null {
  if (obis.c === 97 && obis.d === 97) return { kind: 'errorRegister', endDeviceEventType: endDeviceEventType.fatalError };
  if (obis.c === 96 && obis.d === 7) {
    const perPhase = obis.e !== null && obis.e >= 1 && obis.e <= 3;
    return { kind: 'powerFailCounter', endDeviceEventType: perPhase ? endDeviceEventType.phaseFailure : endDeviceEventType.powerDown };
  }
  if (obis.c === 96 && obis.d === 5) return { kind: 'status', endDeviceEventType: null };
  return null;
}
