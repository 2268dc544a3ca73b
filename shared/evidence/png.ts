/**
 * Is this a real PNG, and how large? Walks the chunks as the PNG specification (ISO/IEC 15948,
 * §5.3 chunk layout, §11.2.2 IHDR) lays them out: the 8-byte signature, IHDR first with a sane
 * size, every chunk's CRC-32 right, at least one IDAT, IEND last with nothing after it. A file that
 * only starts like a PNG, or was cut off, or had a byte changed, is refused.
 */
const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let table: Uint32Array | null = null;
function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

/** CRC-32 as PNG (and zlib) compute it, over the chunk type and data. */
export function crc32(bytes: Uint8Array): number {
  const t = crcTable();
  let c = 0xffffffff;
  for (const b of bytes) c = t[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type PngCheck = { ok: true; width: number; height: number } | { ok: false; reason: 'notPng' | 'damaged' };

export function checkPng(bytes: Uint8Array): PngCheck {
  if (bytes.length < 8 + 25 + 12 || SIGNATURE.some((b, i) => bytes[i] !== b)) return { ok: false, reason: 'notPng' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let width = 0;
  let height = 0;
  let sawData = false;
  for (let index = 0; offset + 12 <= bytes.length; index++) {
    const length = view.getUint32(offset);
    if (length > 0x7fffffff || offset + 12 + length > bytes.length) return { ok: false, reason: 'damaged' };
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length))
      return { ok: false, reason: 'damaged' };
    if (index === 0) {
      if (type !== 'IHDR' || length !== 13) return { ok: false, reason: 'damaged' };
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      if (width === 0 || height === 0) return { ok: false, reason: 'damaged' };
    }
    if (type === 'IDAT') sawData = true;
    offset += 12 + length;
    if (type === 'IEND') return offset === bytes.length && sawData ? { ok: true, width, height } : { ok: false, reason: 'damaged' };
  }
  return { ok: false, reason: 'damaged' };
}
