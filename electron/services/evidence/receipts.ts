/**
 * Visit receipts (issue 24 §3): one PDF per visit and language, saved beside the photos as
 * `receipt-<code>-<language>.pdf` and never overwritten — the same data gives the same code, so a
 * receipt asked for again is the one already made. Its code goes into the audit log with the
 * SHA-256 it was taken from, and — where the integration profile names a document endpoint — the
 * receipt is queued in the same transaction as a document for the enterprise (receiptOutbox.ts).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReceiptInfo } from '../../../shared/contract/methods/evidence';
import { AppError } from '../../../shared/contract/result';
import { groupedCode } from '../../../shared/evidence/canonicalJson';
import { receiptFileNamePattern, type ReceiptLanguage, type VisitRef } from '../../../shared/evidence/visit';
import { writeFileSafely } from '../files/safeWrite';
import type { Store } from '../store';
import type { ReceiptRow } from '../store/repositories/evidence';
import type { Actor } from '../store/repositories/journal';
import { storedProfile } from '../sync/profileFile';
import { queueReceipt, type ReceiptSending } from './receiptOutbox';
import { writeReceiptPdf } from './receiptPdf';
import { signatureFile } from './signatures';
import { sealRecord, visitRecord } from './visitRecord';
import { requireFinishedVisit, requireVisitRight } from './visits';

export const receiptInfoOf = (row: ReceiptRow, sending?: ReceiptSending): ReceiptInfo => ({
  fileName: row.fileName,
  language: row.language,
  code: groupedCode(row.code),
  createdAt: row.createdAt,
  ...(sending ? { sending } : {}),
});

/** The profile in use; one stored that no longer parses names no document endpoint (the sync run says what is wrong with it). */
function profileOrDefault(store: Store) {
  try {
    return storedProfile(store);
  } catch {
    return null;
  }
}

const photoExtension: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

/** The first photo of the visit pdfkit can draw (JPEG or PNG; a WebP is listed by its hash only). */
function registerPhoto(store: Store, photoDir: string, ids: readonly string[]): Buffer | null {
  for (const id of ids) {
    const photo = store.photos.get(id);
    const ext = photo ? photoExtension[photo.mimeType] : undefined;
    const path = ext ? join(photoDir, `${id}.${ext}`) : null;
    if (path && existsSync(path)) return readFileSync(path);
  }
  return null;
}

export async function createReceipt(
  store: Store,
  actor: Actor,
  photoDir: string,
  ref: VisitRef,
  language: ReceiptLanguage,
  now = new Date(),
): Promise<ReceiptInfo> {
  const visit = requireFinishedVisit(store, ref);
  requireVisitRight(actor, visit);
  const record = visitRecord(store, ref);
  const sealed = sealRecord(record);
  const fileName = `receipt-${sealed.code}-${language}.pdf`;
  const path = join(photoDir, fileName);
  const known = store.evidence.receiptByFileName(fileName);
  const profile = profileOrDefault(store);
  const send = () =>
    profile
      ? queueReceipt(store, profile, { record, ...sealed, fileName, path }, language)
      : { sending: 'noDocumentEndpoint' as const, messageId: null };
  // Made before: the same file; queued now if it was not (a document endpoint set since), with its audit row.
  if (known && existsSync(path)) {
    const sending = store.mutate(actor, (change) => {
      const queued = send();
      if (queued.sending === 'queued')
        change.audit({
          action: 'visit.receipt',
          entity: ref.kind === 'switchOrder' ? 'switch_order' : 'work_order',
          entityId: ref.id,
          details: {
            code: sealed.code,
            dataSha256: sealed.sha256,
            language,
            fileName,
            sending: queued.sending,
            messageId: queued.messageId,
          },
        });
      return queued.sending;
    });
    return receiptInfoOf(known, sending);
  }

  const signature = record.signature?.imageSha256 ? signatureFile(photoDir, record.signature.imageSha256) : null;
  const drawing = {
    record,
    ...sealed,
    language,
    photo: registerPhoto(store, photoDir, record.photos),
    signatureImage: signature && existsSync(signature) ? readFileSync(signature) : null,
  };
  mkdirSync(photoDir, { recursive: true });
  try {
    await writeFileSafely(path, {}, (temporary) => writeReceiptPdf(temporary, drawing));
  } catch (error) {
    // Made by another request meanwhile from the same data: that file is this receipt.
    if (!(error instanceof AppError && existsSync(path))) throw error;
  }
  const row: ReceiptRow = {
    visit: ref,
    usagePointId: visit.usagePointId,
    language,
    code: sealed.code,
    dataSha256: sealed.sha256,
    fileName,
    createdAt: now.toISOString(),
    createdBy: actor.name,
  };
  const sending = store.mutate(actor, (change) => {
    if (store.evidence.receiptByFileName(fileName)) return send().sending;
    store.evidence.insertReceipt(row);
    const queued = send();
    change.audit({
      action: 'visit.receipt',
      entity: ref.kind === 'switchOrder' ? 'switch_order' : 'work_order',
      entityId: ref.id,
      details: { code: sealed.code, dataSha256: sealed.sha256, language, fileName, sending: queued.sending, messageId: queued.messageId },
    });
    return queued.sending;
  });
  return receiptInfoOf(store.evidence.receiptByFileName(fileName) ?? row, sending);
}

export interface ReceiptFile {
  readonly path: string;
  readonly name: string;
  readonly size: number;
}

/** A receipt the app made, by its bare file name (never a path from the request). */
export function findReceiptFile(store: Store, photoDir: string, name: unknown): ReceiptFile {
  const notFound = () => new AppError('NOT_FOUND', 'There is no such receipt. Make the receipt again.', { reason: 'receiptUnknown' });
  if (typeof name !== 'string' || !receiptFileNamePattern.test(name) || !store.evidence.receiptByFileName(name)) throw notFound();
  const path = join(photoDir, name);
  if (!existsSync(path)) throw notFound();
  return { path, name, size: readFileSync(path).length };
}
