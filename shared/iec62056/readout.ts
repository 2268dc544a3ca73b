/**
 * A finished readout in the shape the app and the CLI use: each data set with its ReadingType
 * (null where unmapped) and, for error/counter/status registers, the EndDeviceEvent it may raise.
 */
import type { DataSet, DataValue } from './dataSets';
import type { Checksum, SessionErrorCode, SessionEvent } from './sessionEvents';
import type { Identification, ProtocolMode } from './identification';
import { parseObisCode } from './obisCode';
import { eventCandidateFor, minimalObisReadingTypes, type EventCandidate, type ObisReadingTypes } from './obisMap';
import { OpticalSession } from './session';

export interface MappedDataSet {
  readonly obis: string;
  readonly values: readonly DataValue[];
  readonly readingType: string | null;
  readonly event: EventCandidate | null;
}

export interface ReadoutReport {
  readonly identification: Pick<Identification, 'manufacturer' | 'baudChar' | 'ident' | 'modeE'> | null;
  readonly mode: ProtocolMode | null;
  readonly checksum: Checksum;
  /** The P1 CRC had fewer than 4 hex digits (compared as a number): the meter does not follow DSMR 5.0.2 §6.2. */
  readonly shortCrc: boolean;
  readonly dataSets: MappedDataSet[];
  readonly error: { code: SessionErrorCode; message: string } | null;
}

type Mapping = Pick<MappedDataSet, 'readingType' | 'event'>;
const defaultTypes = minimalObisReadingTypes();
// A meter sends the same addresses every read (a P1 meter every second): remember each mapping,
// per table, by address; an address seen with one unit (nearly always) needs one lookup, others
// keep a map by unit.
interface Memo {
  readonly unit: string | null;
  readonly mapping: Mapping;
  byUnit: Map<string, Mapping> | null;
}
const memo = new WeakMap<ObisReadingTypes, Map<string, Memo>>();
const MEMO_LIMIT = 4096;

function mappingFor(obis: string, unit: string | null, cache: Map<string, Memo>, types: ObisReadingTypes): Mapping {
  const known = cache.get(obis);
  if (known?.unit === unit) return known.mapping;
  const found = known?.byUnit?.get(unit ?? '');
  if (found) return found;
  const code = parseObisCode(obis);
  const made: Mapping = { readingType: code ? types.readingTypeFor(code, unit) : null, event: code ? eventCandidateFor(code) : null };
  if (known) (known.byUnit ??= new Map()).set(unit ?? '', made);
  else {
    if (cache.size >= MEMO_LIMIT) cache.clear(); // addresses are free text: bound what a noisy line can add
    cache.set(obis, { unit, mapping: made, byUnit: null });
  }
  return made;
}

export function mapDataSets(sets: readonly DataSet[], types: ObisReadingTypes = defaultTypes): MappedDataSet[] {
  let cache = memo.get(types);
  if (!cache) memo.set(types, (cache = new Map()));
  const out: MappedDataSet[] = new Array<MappedDataSet>(sets.length);
  for (let i = 0; i < sets.length; i++) {
    const set = sets[i] as DataSet;
    // The unit of the first value names the quantity; a second value is usually a timestamp.
    const m = mappingFor(set.obis, set.values[0]?.unit ?? null, cache, types);
    out[i] = { obis: set.obis, values: set.values, readingType: m.readingType, event: m.event };
  }
  return out;
}

/**
 * Parses a recorded readout (a capture file of either direction, or both): identification,
 * data block or P1 telegram, checksum. What could be read is returned even when the check fails.
 */
export function parseCapture(bytes: Uint8Array, types?: ObisReadingTypes): ReadoutReport {
  const session = new OpticalSession({ kind: 'listen', maxBytes: Math.max(bytes.length + 1, 1 << 20) });
  const events: SessionEvent[] = [...session.feed(bytes), ...session.finish()];
  let identification: Identification | null = null;
  for (const e of events) {
    if (e.type === 'identification') identification = e.identification;
    if (e.type === 'complete')
      return { ...report(e.identification, e.mode, e.checksum, e.dataSets, null, types), shortCrc: e.shortCrc === true };
    if (e.type === 'error')
      return report(identification, null, 'absent', session.partialDataSets, { code: e.code, message: e.message }, types);
  }
  return report(
    identification,
    null,
    'absent',
    session.partialDataSets,
    { code: 'INCOMPLETE', message: 'The capture ended inside the readout.' },
    types,
  );
}

function report(
  id: Identification | null,
  mode: ProtocolMode | null,
  checksum: Checksum,
  sets: readonly DataSet[],
  error: ReadoutReport['error'],
  types?: ObisReadingTypes,
): ReadoutReport {
  return {
    shortCrc: false,
    identification: id ? { manufacturer: id.manufacturer, baudChar: id.baudChar, ident: id.ident, modeE: id.modeE } : null,
    mode,
    checksum,
    dataSets: mapDataSets(sets, types),
    error,
  };
}
