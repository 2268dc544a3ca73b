/**
 * A photo taken on the visit: the picture itself (as the camera gave it, or re-encoded as JPEG
 * when it is too large or of a kind the store does not keep) and a ≤256 px JPEG thumbnail drawn
 * here, both sent with photos.add. The store names a photo by its SHA-256.
 */
import { MAX_PHOTO_BYTES } from '../../../../shared/contract/api';
import { photoMimeTypes } from '../../../../shared/contract/entities';
import type { Result } from '../../../../shared/contract/result';
import { api } from '../../api/client';

export interface PhotoDraft {
  photoId: string;
  fileName: string;
  /** data: URL of the thumbnail drawn here, shown until the visit is saved. */
  thumbUrl: string;
}

type PhotoMime = (typeof photoMimeTypes)[number];
const THUMBNAIL_PX = 256;
/** A re-encoded photo keeps enough detail to read a register: 2560 px on its long side. */
const FULL_PX = 2560;

const isPhotoMime = (type: string): type is PhotoMime => (photoMimeTypes as readonly string[]).includes(type);

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(blob);
  });
}

const base64Of = (dataUrl: string) => dataUrl.slice(dataUrl.indexOf(',') + 1);

/** Draws the picture at most `px` on its long side and returns it as a JPEG data: URL. */
function drawJpeg(bitmap: ImageBitmap, px: number, quality: number): string {
  const scale = Math.min(1, px / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  // JPEG has no transparency: a PNG's clear pixels become white, not black.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', quality);
}

export async function uploadPhoto(
  usagePointId: string,
  file: File,
): Promise<Result<PhotoDraft> | { ok: false; error: { code: 'UNREADABLE'; message: string } }> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, error: { code: 'UNREADABLE', message: file.name } };
  }
  try {
    const thumbUrl = drawJpeg(bitmap, THUMBNAIL_PX, 0.8);
    const keepAsIs = isPhotoMime(file.type) && file.size <= MAX_PHOTO_BYTES;
    const mimeType: PhotoMime = keepAsIs && isPhotoMime(file.type) ? file.type : 'image/jpeg';
    const dataBase64 = base64Of(keepAsIs ? await readAsDataUrl(file) : drawJpeg(bitmap, FULL_PX, 0.85));
    const result = await api['photos.add']({
      usagePointId,
      fileName: file.name || 'photo.jpg',
      mimeType,
      dataBase64,
      thumbnailBase64: base64Of(thumbUrl),
    });
    if (!result.ok) return result;
    return { ok: true, value: { photoId: result.value.photoId, fileName: result.value.fileName, thumbUrl } };
  } finally {
    bitmap.close();
  }
}
