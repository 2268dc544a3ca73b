/**
 * How a DLMS/COSEM meter model resets its maximum demand through the optical port, as data in the
 * model file (`dlmsDemandReset`, docs/METER_MODELS.md): which of the two Blue Book ways the meter
 * offers, on which objects, and what is read before and after to see that it happened. Never
 * guessed: a model without this field is not reset through DLMS.
 *
 * - `demandRegisterReset`: Demand Register (interface class 5) method 1 `reset (data)` with
 *   integer(0) on each listed register; current_average_value and last_average_value become 0
 *   (DLMS UA 1000-1 Blue Book ed. 12, §4.3.3 class 5 methods).
 * - `scriptExecute`: Script Table (class 9) method 1 `execute (data)` with the script's identifier
 *   as long-unsigned, e.g. the MDI reset / end of billing period table 0-0:10.0.1.255 (Blue Book
 *   §4.4.5 class 9, and §6.2.x "Script table objects" for the OBIS codes).
 */
import type { MeterModelProblemCode } from '../i18n/meterModelWords';

/** A register read before and after the reset: Register (3), Extended Register (4) or Demand Register (5). */
export interface DlmsDemandRegister {
  readonly classId: 3 | 4 | 5;
  /** OBIS as `A-B:C.D.E.F`, e.g. `1-0:1.6.0.255` (maximum demand +A). */
  readonly obis: string;
}

interface DlmsDemandResetBase {
  /** Read before and after; after a reset each reads zero. Demand Register reset acts on these. */
  readonly demandRegisters: readonly DlmsDemandRegister[];
  /** Data (class 1) attribute 2 counting billing-period resets (e.g. `1-0:0.1.0.255`), or null when the meter has none. */
  readonly resetCounter: string | null;
}

export type DlmsDemandReset =
  | (DlmsDemandResetBase & { readonly method: 'demandRegisterReset' })
  | (DlmsDemandResetBase & { readonly method: 'scriptExecute'; readonly script: string; readonly scriptId: number });

const OBIS = /^\d{1,3}-\d{1,3}:\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export type DlmsDemandResetResult =
  | { readonly ok: true; readonly value: DlmsDemandReset }
  | {
      readonly ok: false;
      readonly field: string;
      readonly code: MeterModelProblemCode;
      readonly details?: Readonly<Record<string, string | number>>;
    };

type Json = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obisOk = (v: unknown): v is string => typeof v === 'string' && OBIS.test(v) && v.split(/[-:.]/).every((n) => Number(n) <= 255);

/** The `dlmsDemandReset` field of a model file, or the first part that is wrong. */
export function parseDlmsDemandReset(value: unknown): DlmsDemandResetResult {
  const field = 'dlmsDemandReset';
  const bad = (at: string, code: MeterModelProblemCode, details?: Record<string, string | number>): DlmsDemandResetResult =>
    details ? { ok: false, field: `${field}${at}`, code, details } : { ok: false, field: `${field}${at}`, code };
  if (!isObject(value)) return bad('', 'notObject');
  const method = value.method;
  if (method !== 'demandRegisterReset' && method !== 'scriptExecute')
    return bad('.method', 'notOneOf', { allowed: 'demandRegisterReset, scriptExecute' });
  const list = value.demandRegisters;
  if (!Array.isArray(list) || list.length === 0 || list.length > 8) return bad('.demandRegisters', 'listLength', { min: 1, max: 8 });
  const demandRegisters: DlmsDemandRegister[] = [];
  for (const [i, item] of list.entries()) {
    if (!isObject(item) || !obisOk(item.obis)) return bad(`.demandRegisters[${i}].obis`, 'obis');
    const classId = item.classId;
    if (classId !== 3 && classId !== 4 && classId !== 5) return bad(`.demandRegisters[${i}].classId`, 'notOneOf', { allowed: '3, 4, 5' });
    // Only a Demand Register has the reset method (Blue Book class 5 method 1).
    if (method === 'demandRegisterReset' && classId !== 5) return bad(`.demandRegisters[${i}].classId`, 'classIdForReset');
    demandRegisters.push({ classId, obis: item.obis });
  }
  const counter = value.resetCounter;
  if (counter !== null && !obisOk(counter)) return bad('.resetCounter', 'obisOrNull');
  const base = { demandRegisters, resetCounter: counter };
  if (method === 'demandRegisterReset') return { ok: true, value: { method, ...base } };
  if (!obisOk(value.script)) return bad('.script', 'obis');
  const scriptId = value.scriptId;
  // script_identifier is long-unsigned; 0 is reserved (Blue Book class 9: "0 … no script").
  if (typeof scriptId !== 'number' || !Number.isInteger(scriptId) || scriptId < 1 || scriptId > 65535)
    return bad('.scriptId', 'wholeNumberFromTo', { min: 1, max: 65535 });
  return { ok: true, value: { method, script: value.script, scriptId, ...base } };
}
