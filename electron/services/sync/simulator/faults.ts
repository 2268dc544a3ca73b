/**
 * Failures the enterprise simulator produces on purpose (issue 7 fault matrix): the enterprise
 * down (connection reset), HTTP 500, no answer (timeout), PARTIAL replies, slow replies and a
 * duplicated (stale) reply that answers an earlier message; and SOAP Faults as real peers send
 * them (issue 19, peer.ts): a business fault (`<Noun>FaultMessage`, Reply FAILED) or a bare Fault,
 * each with HTTP 500 or 200. Seeded, so a test run is repeatable.
 */
import { seededRandom } from '../../../../shared/lib/seededRandom';
export const FAULT_KINDS = [
  'down',
  '500',
  'timeout',
  'partial',
  'slow',
  'duplicate-reply',
  'business-fault-500',
  'business-fault-200',
  'fault-500',
  'fault-200',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export const isFaultKind = (v: string): v is FaultKind => (FAULT_KINDS as readonly string[]).includes(v);

export interface FaultPlan {
  readonly kind: FaultKind;
  /** Share of requests that fail, 0..1. */
  readonly rate: number;
  readonly seed?: number;
  /** Delay of a slow reply. */
  readonly slowMs?: number;
}

export { seededRandom };

export function createFaultPicker(plan: FaultPlan | undefined) {
  const random = seededRandom(plan?.seed ?? 7);
  return {
    plan,
    /** The fault for the next request, or null to behave. */
    next(): FaultKind | null {
      if (!plan || plan.rate <= 0) return null;
      return random() < plan.rate ? plan.kind : null;
    },
  };
}
