/**
 * The simulated meter's demand objects, for the demand reset through DLMS: maximum demand +A
 * (Extended Register 1-0:1.6.0.255, W), the current average demand (Demand Register, class 5,
 * 1-0:1.4.0.255), the billing period counter (Data 1-0:0.1.0.255) and the MDI reset / end of
 * billing script table (class 9, 0-0:10.0.1.255) whose script 1 resets the maximum demand and
 * counts the billing period. Methods as the Blue Book (ed. 12) gives them: class 5 method 1
 * `reset (integer 0)` zeroes current and last average value (§4.3.3); class 9 method 1
 * `execute (long-unsigned script id)` runs that script (§4.4.5). The simulator's own register
 * map, not any vendor's.
 */
import { enumValue, i8, integerOf, octets, structure, u16, u32, type DlmsValue } from '../dataTypes';
import { encodeDateTime } from '../dateTime';
import type { CosemReference, GetResult } from '../xdlms';
import { obisToBytes } from '../obis';

const sameName = (a: Uint8Array, obis: string): boolean => {
  const b = obisToBytes(obis);
  return b !== null && a.length === 6 && a.every((x, i) => x === b[i]);
};

export const MAX_DEMAND_OBIS = '1-0:1.6.0.255';
export const CURRENT_DEMAND_OBIS = '1-0:1.4.0.255';
export const BILLING_COUNTER_OBIS = '1-0:0.1.0.255';
export const MDI_RESET_SCRIPT_OBIS = '0-0:10.0.1.255';
export const MDI_RESET_SCRIPT_ID = 1;

/** Green Book Table 84 / action-result: 0 success, 3 read-write-denied, 4 object-undefined, 9 type-unmatched, 250 other-reason. */
const TYPE_UNMATCHED = 9;
const OBJECT_UNDEFINED = 4;

export class DemandObjects {
  /** W, as the meter holds them (scaler 0). */
  maxDemandW = 4_312;
  currentAverageW = 1_250;
  lastAverageW = 1_180;
  billingCounter = 17;
  /** What the meter does with an execute it accepts; a faulty meter (tests) acknowledges and does nothing. */
  scriptWorks = true;
  /** Methods invoked, in order, for tests to see what reached the meter. */
  readonly invoked: string[] = [];

  constructor(private readonly meterTime: () => number) {}

  /** The class/OBIS/attribute count of each object, for the association's object list. */
  static listed: readonly (readonly [classId: number, obis: string, attributes: number])[] = [
    [4, MAX_DEMAND_OBIS, 5],
    [5, CURRENT_DEMAND_OBIS, 9],
    [1, BILLING_COUNTER_OBIS, 2],
    [9, MDI_RESET_SCRIPT_OBIS, 2],
  ];

  get(ref: CosemReference): GetResult | null {
    const is = (classId: number, obis: string) => ref.classId === classId && sameName(ref.logicalName, obis);
    const ok = (value: DlmsValue): GetResult => ({ ok: true, value });
    const watt = structure(i8(0), enumValue(27));
    if (is(4, MAX_DEMAND_OBIS)) {
      if (ref.index === 2) return ok(u32(this.maxDemandW));
      if (ref.index === 3) return ok(watt);
      if (ref.index === 5) return ok(octets(encodeDateTime(this.meterTime(), -60)));
    }
    if (is(5, CURRENT_DEMAND_OBIS)) {
      if (ref.index === 2) return ok(u32(this.currentAverageW));
      if (ref.index === 3) return ok(u32(this.lastAverageW));
      if (ref.index === 4) return ok(watt);
      if (ref.index === 8) return ok(u32(900));
    }
    if (is(1, BILLING_COUNTER_OBIS) && ref.index === 2) return ok({ type: 'uint8', value: this.billingCounter });
    if (is(9, MDI_RESET_SCRIPT_OBIS) && ref.index === 2)
      return ok({ type: 'array', items: [structure(u16(MDI_RESET_SCRIPT_ID), { type: 'array', items: [] })] });
    return null;
  }

  /** The action-result of a method on one of these objects, or null when the object is not one of them. */
  action(ref: CosemReference, parameters: DlmsValue | null): number | null {
    const is = (classId: number, obis: string) => ref.classId === classId && sameName(ref.logicalName, obis);
    if (is(5, CURRENT_DEMAND_OBIS)) {
      if (ref.index !== 1) return OBJECT_UNDEFINED;
      if (parameters?.type !== 'int8' || parameters.value !== 0) return TYPE_UNMATCHED;
      this.invoked.push(`reset ${CURRENT_DEMAND_OBIS}`);
      this.currentAverageW = 0;
      this.lastAverageW = 0;
      return 0;
    }
    if (is(9, MDI_RESET_SCRIPT_OBIS)) {
      if (ref.index !== 1) return OBJECT_UNDEFINED;
      if (parameters?.type !== 'uint16') return TYPE_UNMATCHED;
      const id = Number(integerOf(parameters));
      this.invoked.push(`execute ${MDI_RESET_SCRIPT_OBIS} #${id}`);
      if (id !== MDI_RESET_SCRIPT_ID) return OBJECT_UNDEFINED;
      if (this.scriptWorks) {
        this.maxDemandW = 0;
        this.billingCounter = (this.billingCounter + 1) % 100;
      }
      return 0;
    }
    return null;
  }
}
