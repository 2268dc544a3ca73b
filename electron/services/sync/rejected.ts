/**
 * Rejected messages, for the user to fix (issue 7). A message the enterprise refused (PARTIAL
 * or FAILED) keeps its MessageID and holds back later messages of its usage point. The user can
 * send it again as it is (the enterprise's problem was fixed on its side), or fix the data and
 * send it again: the caller applies the fix to the local data and, in the same transaction,
 * hands the corrected payload to `requeueRejected`. The MessageID stays the same: the enterprise
 * deduplicates on messages it *accepted*, and a rejected one was not.
 */
import { AppError } from '../../../shared/contract/result';
import { zodIssueData } from '../../../shared/contract/zodIssue';
import { parseOutboxPayload, type OutboxKind, type OutboxNoun } from '../../../shared/cim/outbox/kinds';
import type { Store } from '../store';
import type { AttemptRecord } from '../store/repositories/outbox';

export interface RejectedItem {
  messageId: string;
  kind: OutboxKind;
  noun: OutboxNoun;
  verb: string;
  usagePointId: string | null;
  createdAt: string;
  errorCode: string | null;
  errorText: string | null;
  attempts: AttemptRecord[];
  payload: unknown;
}

export function listRejected(store: Store, limit = 500): RejectedItem[] {
  const outbox = store.outbox;
  return outbox
    .list({ status: 'rejected', limit })
    .filter((e) => e.supersededBy === null)
    .map((e) => ({
      messageId: e.messageId,
      kind: e.kind,
      noun: e.noun,
      verb: e.verb,
      usagePointId: e.usagePointId,
      createdAt: e.createdAt,
      errorCode: e.errorCode,
      errorText: e.lastError,
      attempts: outbox.attempts(e.messageId),
      payload: e.payload,
    }));
}

/** Checks a corrected payload against the schema of the message's kind. */
function checkPayload(kind: OutboxKind, payload: unknown): void {
  const r = parseOutboxPayload(kind, payload);
  if (!r.success)
    throw new AppError(
      'VALIDATION',
      `The corrected message is not complete: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      { reason: 'correctionIncomplete', issues: r.error.issues.map((issue) => zodIssueData(issue, payload)) },
    );
}

/**
 * Back to pending with the same MessageID, optionally with a corrected payload. Runs in the
 * caller's transaction when there is one (better-sqlite3 nests it as a savepoint).
 */
export function requeueRejected(store: Store, messageId: string, correctedPayload?: unknown): void {
  const outbox = store.outbox;
  const entry = outbox.get(messageId);
  if (!entry) throw new AppError('NOT_FOUND', `There is no outgoing message ${messageId}.`, { reason: 'messageUnknown' });
  if (entry.status !== 'rejected')
    throw new AppError('VALIDATION', `Message ${messageId} is ${entry.status}, not rejected; there is nothing to retry.`, {
      reason: 'messageNotRejected',
      status: entry.status,
    });
  if (entry.supersededBy)
    throw new AppError('VALIDATION', `Message ${messageId} was fixed and replaced by ${entry.supersededBy}; there is nothing to retry.`, {
      reason: 'messageSuperseded',
    });
  if (correctedPayload !== undefined) checkPayload(entry.kind, correctedPayload);
  if (!outbox.requeue(messageId, correctedPayload))
    throw new AppError('VALIDATION', `Message ${messageId} changed meanwhile; look again.`, { reason: 'messageChanged' });
}
