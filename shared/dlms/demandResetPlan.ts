/**
 * Resetting a DLMS meter's maximum demand (issue 22 item 4), as a plan for ./modeESession, in the
 * way the meter's model names (shared/iec62056/dlmsDemandReset): the serial first (Data
 * 0-0:96.1.0.255) and nothing sent to a meter that is not the expected one; the demand registers
 * (attribute 2, with their scaler_unit) and the reset counter read before; one ACTION — Demand
 * Register (class 5) method 1 `reset` with integer(0) on each register, or Script Table (class 9)
 * method 1 `execute` with the script identifier as long-unsigned (Blue Book ed. 12 §4.3.3, §4.4.5);
 * then the same read again. Verified when every demand register reads zero and the reset counter
 * (where the model names one) rose by exactly one.
 */
import type { DlmsDemandReset } from '../iec62056/dlmsDemandReset';
import type { CosemResponse, ReadPlan } from './cosemRequest';
import { i8, integerOf, itemsOf, u16, type DlmsValue } from './dataTypes';
import { get, ln, SERIAL_NUMBER } from './meterReadPlan';
import { scaledText } from './scaling';
import { serialOf } from './clockSetPlan';
import { unitName } from './units';

/** A register as read: exact decimal text with its scaler applied, and its unit. */
export interface DemandValue {
  readonly obis: string;
  readonly value: string | null;
  readonly unit: string | null;
}

export interface DemandSnapshot {
  readonly demand: readonly DemandValue[];
  readonly resetCounter: string | null;
}

export type DemandResetOutcome =
  | {
      readonly step: 'done';
      readonly before: DemandSnapshot;
      readonly after: DemandSnapshot;
      readonly verification: 'verified' | 'counterNotRaised' | 'demandNotZero';
    }
  | { readonly step: 'notConfigured' }
  | { readonly step: 'serialMismatch'; readonly observed: string | null }
  | { readonly step: 'demandUnreadable'; readonly wrote: boolean; readonly accessResult?: number }
  | { readonly step: 'refused'; readonly accessResult: number; readonly before: DemandSnapshot };

/** scaler_unit is attribute 3 of Register and Extended Register, attribute 4 of Demand Register (Blue Book §4.3.2–4.3.4). */
const scalerUnitAttribute = (classId: 3 | 4 | 5) => (classId === 5 ? 4 : 3);

function* snapshot(reset: DlmsDemandReset): Generator<ReturnType<typeof get>, DemandSnapshot | { failed: CosemResponse }, CosemResponse> {
  const demand: DemandValue[] = [];
  for (const r of reset.demandRegisters) {
    const scalerUnit = yield get(r.classId, r.obis, scalerUnitAttribute(r.classId));
    const value = yield get(r.classId, r.obis, 2);
    if (!value.ok) return { failed: value };
    const [scaler, unit] = scalerUnit.ok ? (itemsOf(scalerUnit.value ?? undefined) ?? []) : [];
    const unitCode = integerOf(unit);
    demand.push({
      obis: r.obis,
      value: scaledText(value.value ?? undefined, Number(integerOf(scaler) ?? 0n)),
      unit: unitCode === null ? null : unitName(Number(unitCode)),
    });
  }
  let resetCounter: string | null = null;
  if (reset.resetCounter) {
    const counter = yield get(1, reset.resetCounter, 2);
    if (!counter.ok) return { failed: counter };
    resetCounter = scaledText(counter.value ?? undefined, 0);
  }
  return { demand, resetCounter };
}

export function verifyDlmsDemandReset(before: DemandSnapshot, after: DemandSnapshot, reset: DlmsDemandReset) {
  if (reset.resetCounter) {
    const was = before.resetCounter === null ? null : BigInt(before.resetCounter);
    const is = after.resetCounter === null ? null : BigInt(after.resetCounter);
    // The billing period counter wraps at its modulo; a rise by one is the one sign of exactly one reset.
    if (was === null || is === null || is !== was + 1n) return 'counterNotRaised' as const;
  }
  return after.demand.every((d) => d.value !== null && /^-?0(\.0*)?$/.test(d.value)) ? ('verified' as const) : ('demandNotZero' as const);
}

/**
 * `reset` is the model's (null: the model has no DLMS demand reset, nothing is sent). The model is
 * known once the meter identified, so it is asked for when the plan starts, after the association.
 */
export function* demandResetPlan(
  reset: () => DlmsDemandReset | null,
  serialMatches: (observed: string | null) => boolean,
  outcome: { value: DemandResetOutcome | null },
): ReadPlan {
  const how = reset();
  if (!how) return void (outcome.value = { step: 'notConfigured' });
  const serial = yield get(1, SERIAL_NUMBER, 2);
  const observed = serial.ok ? serialOf(serial.value) : null;
  if (!serialMatches(observed)) return void (outcome.value = { step: 'serialMismatch', observed });
  const before = yield* snapshot(how);
  if ('failed' in before)
    return void (outcome.value = {
      step: 'demandUnreadable',
      wrote: false,
      ...(before.failed.ok ? {} : { accessResult: before.failed.accessResult }),
    });
  const actions =
    how.method === 'scriptExecute'
      ? [{ classId: 9, obis: how.script, parameters: u16(how.scriptId) }]
      : how.demandRegisters.map((r) => ({ classId: r.classId, obis: r.obis, parameters: i8(0) satisfies DlmsValue }));
  for (const a of actions) {
    const done = yield { kind: 'action', reference: { classId: a.classId, logicalName: ln(a.obis), index: 1 }, parameters: a.parameters };
    if (!done.ok) return void (outcome.value = { step: 'refused', accessResult: done.accessResult, before });
  }
  const after = yield* snapshot(how);
  if ('failed' in after)
    return void (outcome.value = {
      step: 'demandUnreadable',
      wrote: true,
      ...(after.failed.ok ? {} : { accessResult: after.failed.accessResult }),
    });
  outcome.value = { step: 'done', before, after, verification: verifyDlmsDemandReset(before, after, how) };
}
