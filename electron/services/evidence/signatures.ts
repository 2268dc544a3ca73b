/**
 * The signature at the end of a visit (issue 24 §2). The image is checked to be a real PNG within
 * the size and dimension limits, written beside the photos under the SHA-256 of its bytes (file
 * first, then the row: a crash leaves at most an unreferenced file), and recorded with the
 * signer's typed name, role and time in one transaction with its audit row. A declined signature
 * is recorded as such, without an image. A visit is signed once; a second signature is refused.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { signatureInput, SignatureInfo } from '../../../shared/contract/methods/evidence';
import { AppError } from '../../../shared/contract/result';
import { checkPng } from '../../../shared/evidence/png';
import {
  MAX_SIGNATURE_BYTES,
  MAX_SIGNATURE_HEIGHT,
  MAX_SIGNATURE_WIDTH,
  signerRoleOf,
  type VisitRef,
} from '../../../shared/evidence/visit';
import { writeBytesSafely } from '../files/safeWrite';
import type { Store } from '../store';
import type { SignatureRow } from '../store/repositories/evidence';
import type { Actor } from '../store/repositories/journal';
import { requireFinishedVisit, requireVisitRight } from './visits';

export type SignatureInput = z.output<typeof signatureInput>;

export const signatureFile = (photoDir: string, sha256: string): string => join(photoDir, `${sha256}.png`);

export const signatureInfoOf = (row: SignatureRow): SignatureInfo => ({
  status: row.status,
  signerName: row.signerName,
  signerRole: row.signerRole,
  signedAt: row.signedAt,
  hasImage: row.imageSha256 !== null,
});

/** The PNG's bytes, checked; throws a coded error a person can act on. */
function checkedImage(imageBase64: string): { bytes: Buffer; width: number; height: number } {
  const bytes = Buffer.from(imageBase64, 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES) {
    throw new AppError(
      'TOO_LARGE',
      `The signature image is ${Math.round(bytes.length / 1024)} kB; at most ${MAX_SIGNATURE_BYTES / 1024} kB is taken. Clear and sign again.`,
      { reason: 'signatureTooLarge', limit: MAX_SIGNATURE_BYTES },
    );
  }
  const png = checkPng(bytes);
  if (!png.ok)
    throw new AppError('VALIDATION', 'The signature is not a PNG image. Clear and sign again.', {
      reason: png.reason === 'notPng' ? 'signatureNotPng' : 'signatureDamaged',
    });
  if (png.width > MAX_SIGNATURE_WIDTH || png.height > MAX_SIGNATURE_HEIGHT) {
    throw new AppError(
      'TOO_LARGE',
      `The signature image is ${png.width}×${png.height} pixels; at most ${MAX_SIGNATURE_WIDTH}×${MAX_SIGNATURE_HEIGHT}.`,
      { reason: 'signatureTooWide' },
    );
  }
  return { bytes, width: png.width, height: png.height };
}

export function saveSignature(
  store: Store,
  actor: Actor,
  photoDir: string,
  ref: VisitRef,
  input: SignatureInput,
  now = new Date(),
): SignatureInfo {
  const visit = requireFinishedVisit(store, ref);
  requireVisitRight(actor, visit);
  if (store.evidence.signature(ref))
    throw new AppError('VALIDATION', 'This visit is already signed; a signature is never replaced.', { reason: 'alreadySigned' });
  const image = input.status === 'declined' ? null : checkedImage(input.imageBase64);
  const sha256 = image ? createHash('sha256').update(image.bytes).digest('hex') : null;
  if (image && sha256) {
    mkdirSync(photoDir, { recursive: true });
    const path = signatureFile(photoDir, sha256);
    // Named by its content: a file already there holds these very bytes.
    if (!existsSync(path)) writeBytesSafely(path, image.bytes);
  }
  const row: SignatureRow = {
    id: randomUUID(),
    visit: ref,
    usagePointId: visit.usagePointId,
    status: input.status,
    // No one home: the technician signs, and the name is theirs as typed.
    signerName: input.signerName.trim(),
    signerRole: signerRoleOf(input.status),
    imageSha256: sha256,
    width: image?.width ?? null,
    height: image?.height ?? null,
    sizeBytes: image?.bytes.length ?? null,
    signedAt: now.toISOString(),
    recordedBy: actor.name,
  };
  store.mutate(actor, (change) => {
    if (store.evidence.signature(ref))
      throw new AppError('VALIDATION', 'This visit is already signed; a signature is never replaced.', { reason: 'alreadySigned' });
    store.evidence.insertSignature(row);
    // The audit names the visit and the status; the signer's name stays in the signature row.
    change.audit({
      action: 'visit.sign',
      entity: ref.kind === 'switchOrder' ? 'switch_order' : 'work_order',
      entityId: ref.id,
      details: { status: row.status, signerRole: row.signerRole, imageSha256: sha256 },
    });
  });
  return signatureInfoOf(row);
}
