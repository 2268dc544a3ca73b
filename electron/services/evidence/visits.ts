/**
 * Which visits take a signature and a receipt, and who may add them: a finished switch order (a
 * switch reading needs the record right; a disconnect or reconnect the install right, as the
 * control itself did) or a completed meter exchange, install or removal (install).
 */
import { AppError } from '../../../shared/contract/result';
import { mayDo, type Right } from '../../../shared/contract/rights';
import { isReadingKind, type SwitchKind } from '../../../shared/domain/switching';
import type { VisitRef } from '../../../shared/evidence/visit';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';

export interface FinishedVisit {
  readonly ref: VisitRef;
  readonly usagePointId: string;
  readonly right: Right;
}

export function requireFinishedVisit(store: Store, ref: VisitRef): FinishedVisit {
  if (ref.kind === 'switchOrder') {
    const order = store.visitFacts.switchVisit(ref.id);
    if (!order) throw new AppError('NOT_FOUND', `Switch order ${ref.id} is not on this device.`, { reason: 'visitUnknown' });
    if (!order.finishedAt || (!order.readingSetId && !order.outcome)) {
      throw new AppError('VALIDATION', `Switch order ${ref.id} is not finished: take the reading or record the outcome first.`, {
        reason: 'visitNotFinished',
      });
    }
    return { ref, usagePointId: order.usagePointId, right: isReadingKind(order.kind as SwitchKind) ? 'record' : 'install' };
  }
  const order = store.visitFacts.workVisit(ref.id);
  if (!order) throw new AppError('NOT_FOUND', `Work order ${ref.id} is not on this device.`, { reason: 'visitUnknown' });
  if (!['exchange', 'install', 'remove'].includes(order.kind) || !order.at) {
    throw new AppError('VALIDATION', `Work order ${ref.id} is not a finished meter exchange, install or removal.`, {
      reason: 'visitNotFinished',
    });
  }
  return { ref, usagePointId: order.usagePointId, right: 'install' };
}

/** The visit's own right, beyond the method's (a disconnect's signature is installer work). */
export function requireVisitRight(actor: Actor, visit: FinishedVisit): void {
  if (!mayDo(actor.role, visit.right)) {
    throw new AppError('FORBIDDEN', `${actor.name} (${actor.role}) may not sign off this visit: it needs the ${visit.right} right.`, {
      reason: 'needsRight',
      right: visit.right,
      role: actor.role,
    });
  }
}
