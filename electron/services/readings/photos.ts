/**
 * Photos of a visit (a dial, a locked gate, a damaged meter). Stored as files named by the
 * SHA-256 of their bytes, so the same picture is kept once and a file's name proves its
 * content; a record in `photos` ties it to the usage point and, once saved, to the visit.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_PHOTO_BYTES, MAX_THUMBNAIL_BYTES } from '../../../shared/contract/api';
import type { PhotoInfo } from '../../../shared/contract/entities';
import { AppError } from '../../../shared/contract/result';
import { writeBytesSafely } from '../files/safeWrite';
import { stripPhotoMetadata } from './photoMetadata';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';

const extension: Readonly<Record<PhotoInfo['mimeType'], string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** The first bytes of each format: a file that claims to be a JPEG must start like one. */
export function sniffImage(bytes: Uint8Array): PhotoInfo['mimeType'] | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Through a temporary file, never over an existing file (issue 18): the name is the SHA-256 of the
 * bytes, so a file already there holds this photo and is kept as it is.
 */
function writeAtomically(path: string, bytes: Uint8Array) {
  if (existsSync(path)) return;
  try {
    writeBytesSafely(path, bytes);
  } catch (error) {
    // Written by another save of the same photo meanwhile: the same bytes, so nothing to do.
    if (!(error instanceof AppError && existsSync(path))) throw error;
  }
}

export interface AddPhotoRequest {
  usagePointId: string;
  fileName: string;
  mimeType: PhotoInfo['mimeType'];
  dataBase64: string;
  thumbnailBase64?: string | undefined;
}

export function addPhoto(store: Store, actor: Actor, photoDir: string, request: AddPhotoRequest): PhotoInfo {
  // Any usage point known here: a new connection (install) has no meter on a route yet.
  if (!store.meters.hasUsagePoint(request.usagePointId))
    throw new AppError('NOT_FOUND', `Usage point ${request.usagePointId} is not known on this device. Sync to fetch it, or check the id.`, {
      reason: 'usagePointUnknown',
    });
  const received = Buffer.from(request.dataBase64, 'base64');
  if (received.length === 0) throw new AppError('VALIDATION', `${request.fileName} is empty.`, { reason: 'photoEmpty' });
  if (received.length > MAX_PHOTO_BYTES)
    throw new AppError(
      'TOO_LARGE',
      `${request.fileName} is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB. Take the photo at a lower resolution.`,
      { reason: 'photoTooLarge', limitMb: MAX_PHOTO_BYTES / 1024 / 1024 },
    );
  const actual = sniffImage(received);
  if (actual !== request.mimeType) {
    throw new AppError(
      'VALIDATION',
      `${request.fileName} is not a ${extension[request.mimeType].toUpperCase()} image. Choose a JPEG, PNG or WebP photo.`,
      { reason: 'photoNotImage' },
    );
  }
  const sent = request.thumbnailBase64 ? Buffer.from(request.thumbnailBase64, 'base64') : null;
  if (sent && (sent.length > MAX_THUMBNAIL_BYTES || sniffImage(sent) !== 'image/jpeg')) {
    throw new AppError('VALIDATION', 'The thumbnail must be a JPEG of at most 256 kB.', { reason: 'thumbnailInvalid' });
  }
  // No position, time or camera in the files (issue 18): the visit's position is in the database only.
  const bytes = stripPhotoMetadata(received, actual);
  const thumbnail = sent && stripPhotoMetadata(sent, 'image/jpeg');
  const id = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(photoDir, { recursive: true });
  // Files first: a crash before the row leaves an unreferenced file, never a row without its file.
  writeAtomically(join(photoDir, `${id}.${extension[request.mimeType]}`), bytes);
  if (thumbnail) writeAtomically(join(photoDir, `${id}.thumb.jpg`), thumbnail);
  const addedAt = new Date().toISOString();
  store.mutate(actor, (change) => {
    store.photos.insert({
      id,
      usagePointId: request.usagePointId,
      fileName: request.fileName.slice(0, 260),
      mimeType: request.mimeType,
      sizeBytes: bytes.length,
      addedAt,
    });
    change.audit({
      action: 'photos.add',
      entity: 'photo',
      entityId: id,
      details: { usagePointId: request.usagePointId, sizeBytes: bytes.length },
    });
  });
  const saved = store.photos.get(id);
  if (!saved) throw new AppError('INTERNAL', 'The photo was not recorded. Try again.');
  const { usagePointId: _usagePointId, ...info } = saved;
  return info;
}

export function readPhoto(store: Store, photoDir: string, photoId: string, size: 'thumbnail' | 'full') {
  const photo = store.photos.get(photoId);
  if (!photo) throw new AppError('NOT_FOUND', 'That photo is not on this device.', { reason: 'photoUnknown' });
  const full = join(photoDir, `${photo.photoId}.${extension[photo.mimeType]}`);
  if (size === 'thumbnail') {
    try {
      return { mimeType: 'image/jpeg' as const, dataBase64: readFileSync(join(photoDir, `${photo.photoId}.thumb.jpg`)).toString('base64') };
    } catch {
      // no thumbnail was made: the photo itself stands in
    }
  }
  try {
    return { mimeType: photo.mimeType, dataBase64: readFileSync(full).toString('base64') };
  } catch {
    throw new AppError('NOT_FOUND', `The file of photo ${photo.fileName} is missing from ${photoDir}.`, { reason: 'photoFileMissing' });
  }
}

/** Ties photos taken during a visit to the saved visit; call inside the visit's transaction. */
export function linkPhotos(
  store: Store,
  photoIds: readonly string[],
  target: { usagePointId: string; readingSetId?: string; skipId?: string },
) {
  for (const id of photoIds) {
    const photo = store.photos.get(id);
    if (!photo || photo.usagePointId !== target.usagePointId) {
      throw new AppError('VALIDATION', `Photo ${id.slice(0, 12)}… was not taken at usage point ${target.usagePointId}. Add it again.`, {
        reason: 'photoElsewhere',
      });
    }
    store.photos.link(id, {
      ...(target.readingSetId ? { readingSetId: target.readingSetId } : {}),
      ...(target.skipId ? { skipId: target.skipId } : {}),
    });
  }
}
