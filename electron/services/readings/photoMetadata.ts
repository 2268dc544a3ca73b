/**
 * Photos keep no metadata (issue 18): a camera writes where and when a picture was taken, and with
 * which device, into the file (EXIF GPS, XMP, IPTC). The position of a visit is kept in the database
 * only, where the person allowed it; the file keeps just the picture. Pure: bytes in, bytes out.
 * - JPEG (ITU T.81 Annex B): the APP1 (EXIF, XMP), APP12 and APP13 (IPTC/Photoshop) segments and
 *   comments before the scan are left out; APP0 (JFIF), APP2 (ICC colour) and APP14 (Adobe colour
 *   transform) stay, since decoders need them. The scan and everything after it are copied as they are.
 * - PNG (ISO/IEC 15948 §11.3): the tEXt, zTXt, iTXt, eXIf and tIME chunks are left out.
 * - WebP (RIFF): the EXIF and XMP chunks are left out and their flags in VP8X cleared.
 */
import { AppError } from '../../../shared/contract/result';

const JPEG_DROPPED = new Set([0xe1, 0xec, 0xed, 0xfe]); // APP1, APP12, APP13, COM
const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);
const WEBP_DROPPED = new Set(['EXIF', 'XMP ']);

const unreadable = (what: string) =>
  new AppError('VALIDATION', `The photo is not a readable ${what} image. Take it again or choose another file.`, {
    reason: 'photoUnreadable',
    photo: 'unreadable',
  });

export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw unreadable('JPEG');
    // Fill bytes: any number of 0xFF may precede a marker (T.81 B.1.1.2).
    let m = at + 1;
    while (bytes[m] === 0xff) m++;
    const marker = bytes[m];
    if (marker === undefined) break;
    // EOI, or a marker without a length (TEM, RSTn): copy the rest as it is.
    if (marker === 0xd9 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(bytes.subarray(at));
      break;
    }
    if (m + 2 >= bytes.length) {
      parts.push(bytes.subarray(at));
      break;
    }
    const end = m + 1 + ((bytes[m + 1]! << 8) | bytes[m + 2]!);
    if (marker === 0xda) {
      // Start of scan: the image data and any later segments as they are.
      parts.push(bytes.subarray(at));
      break;
    }
    // A truncated file: its last segment runs past the end. Kept (or dropped) as the segment it claims to be.
    if (!JPEG_DROPPED.has(marker)) parts.push(bytes.subarray(at, Math.min(end, bytes.length)));
    at = end;
  }
  return concat(parts);
}

const PNG_SIGNATURE = 8;

export function stripPngMetadata(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, PNG_SIGNATURE)];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = PNG_SIGNATURE;
  while (at + 8 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw unreadable('PNG');
    const end = at + 12 + length;
    if (!PNG_DROPPED.has(type)) parts.push(bytes.subarray(at, Math.min(end, bytes.length)));
    at = end;
    if (type === 'IEND') break;
  }
  if (at < bytes.length && at + 8 > bytes.length) parts.push(bytes.subarray(at));
  return concat(parts);
}

export function stripWebpMetadata(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  let at = 12;
  while (at + 8 <= bytes.length) {
    const fourcc = String.fromCharCode(...bytes.subarray(at, at + 4));
    const size = view.getUint32(at + 4, true);
    // Chunks are padded to an even size (RIFF).
    const end = at + 8 + size + (size & 1);
    if (!WEBP_DROPPED.has(fourcc)) {
      const chunk = Uint8Array.from(bytes.subarray(at, Math.min(end, bytes.length)));
      // VP8X flags: bit 3 EXIF, bit 2 XMP (WebP container spec, "Extended file format").
      if (fourcc === 'VP8X' && chunk.length > 8) chunk[8] = chunk[8]! & ~0x0c;
      parts.push(chunk);
    }
    at = end;
  }
  const body = concat(parts);
  const header = Uint8Array.from(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, 4 + body.length, true);
  return concat([header, body]);
}

/** The photo without its metadata; the type was checked from the bytes before (photos.ts sniffImage). */
export function stripPhotoMetadata(bytes: Uint8Array, mimeType: 'image/jpeg' | 'image/png' | 'image/webp'): Uint8Array {
  if (mimeType === 'image/jpeg') return stripJpegMetadata(bytes);
  if (mimeType === 'image/png') return stripPngMetadata(bytes);
  return stripWebpMetadata(bytes);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
