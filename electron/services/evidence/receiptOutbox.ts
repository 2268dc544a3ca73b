/**
 * A visit receipt sent to the enterprise as a document (issue 24 §3). It is queued in the transaction
 * that records the receipt, in the outbox like any message — so it is sent by the next sync, retried
 * with backoff, kept in flight across a crash, and its stable MessageID lets the office deduplicate —
 * and only once per verification code (an English and a German receipt of one visit are one document:
 * the first made is sent). Only where the utility's integration profile names a document endpoint
 * (`endpoints.SendDocument` or `endpoints.Document`): without one the receipt stays on this device.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { endpointOf, type IntegrationProfile } from '../../../shared/cim/integrationProfile';
import { DOCUMENT_NOUN } from '../../../shared/cim/outbox/kinds';
import type { VisitRecord } from '../../../shared/evidence/visit';
import type { Store } from '../store';

/** What became of the receipt's sending: queued now, queued before (same code), or kept here for want of an endpoint. */
export type ReceiptSending = 'queued' | 'alreadyQueued' | 'noDocumentEndpoint';

/**
 * Where the profile sends a document; undefined when it names no place for one. The EPRI draft
 * envelope lists the nouns its Header/Noun may hold, and none is a document, so a profile in the
 * draft namespaces sends none.
 */
export const documentEndpoint = (profile: Pick<IntegrationProfile, 'endpoints' | 'namespaces'>): string | undefined =>
  profile.namespaces === 'epriDraft' ? undefined : endpointOf(profile, 'created', DOCUMENT_NOUN);

/** Queues the receipt in the caller's transaction, unless it was already or the profile has no document endpoint. */
export function queueReceipt(
  store: Store,
  profile: IntegrationProfile,
  receipt: {
    readonly record: VisitRecord;
    readonly code: string;
    readonly sha256: string;
    readonly fileName: string;
    readonly path: string;
  },
  language: 'en' | 'de',
): { sending: ReceiptSending; messageId: string | null } {
  const known = store.outbox.receiptQueued(receipt.code);
  if (known) return { sending: 'alreadyQueued', messageId: known };
  if (documentEndpoint(profile) === undefined) return { sending: 'noDocumentEndpoint', messageId: null };
  const { record } = receipt;
  const pdf = readFileSync(receipt.path);
  const readingsMessageIds = store.outbox.visitReadings({
    switchOrder: record.visit.kind === 'switchOrder' ? record.visit.id : null,
    usagePoint: record.usagePointId,
    at: record.at,
  });
  const messageId = store.journal.enqueue(
    'visitReceipt',
    {
      visit: record.visit,
      usagePoint: record.usagePointId,
      meter: record.meterSerial,
      code: receipt.code,
      dataSha256: receipt.sha256,
      language,
      fileName: receipt.fileName,
      readingsMessageIds,
      pdfSha256: createHash('sha256').update(pdf).digest('hex'),
      pdfBase64: pdf.toString('base64'),
    },
    // After the visit's own messages for the usage point, in their order.
    { usagePointId: record.usagePointId },
  );
  return { sending: 'queued', messageId };
}
