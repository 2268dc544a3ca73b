/**
 * Programming done on a job's new meter through the probe (issue 8 §2): each attempt is a step of
 * the work order, written with its audit row and EndDeviceControls outcome when it happens (the
 * meter changed then, not at Finish), and read back for the job's summary.
 */
import { programOperations, type ProgramOperation } from '../../../shared/contract/methods/optical';
import type { Store } from '../store';

const PREFIX = 'programmed.';

/** A failed attempt as the screen is told it: an AppError code and its typed details (issue 16). */
export interface ProgrammingFailure {
  code: string;
  details: Record<string, unknown>;
}

export interface ProgrammingStep {
  meter: string;
  result: 'OK' | 'FAILED';
  wroteToMeter: boolean;
  messageId: string | null;
  error: string | null;
  /** The failure as a code and typed details (absent on steps recorded before it was kept). */
  failure?: ProgrammingFailure | null;
  /** The outcome's attributes as queued (driftBeforeSeconds, driftAfterSeconds, resetCounterAfter, …). */
  attributes: Record<string, string>;
}

/** Inside the caller's transaction. */
export function recordProgramming(store: Store, workOrderId: string, operation: ProgramOperation, at: string, step: ProgrammingStep): void {
  store.workOrders.addStep(workOrderId, `${PREFIX}${operation}`, at, { ...step });
}

export function programmingOf(store: Store, workOrderId: string) {
  return store.workOrders.steps(workOrderId).flatMap(({ step, at, details }) => {
    const operation = programOperations.find((o) => step === `${PREFIX}${o}`);
    if (!operation) return [];
    const d = details as Partial<ProgrammingStep>;
    return [
      {
        operation,
        at,
        meter: String(d.meter ?? ''),
        result: d.result === 'OK' ? ('OK' as const) : ('FAILED' as const),
        // Only the code and details cross; a step kept before they were has the code's own words.
        failure: d.result === 'OK' ? null : (d.failure ?? { code: 'OPTICAL_PROGRAM_FAILED', details: {} }),
        attributes: d.attributes ?? {},
      },
    ];
  });
}
