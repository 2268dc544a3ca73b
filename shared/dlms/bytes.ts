/** Byte helpers for the DLMS codecs: a bounds-checked reader and a growing writer, Uint8Array only. */
import { DlmsError } from './errors';

export class ByteReader {
  private readonly view: DataView;
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    from = 0,
    readonly end = bytes.length,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = from;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  need(n: number, what: string): void {
    if (n > this.end - this.pos) throw new DlmsError('dlms.truncated', `${what}: ${n} bytes needed, ${this.end - this.pos} left`);
  }

  u8(what = 'byte'): number {
    this.need(1, what);
    return this.view.getUint8(this.pos++);
  }

  u16(what = 'uint16'): number {
    this.need(2, what);
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }

  u32(what = 'uint32'): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }

  i8(): number {
    this.need(1, 'int8');
    return this.view.getInt8(this.pos++);
  }

  i16(): number {
    this.need(2, 'int16');
    const v = this.view.getInt16(this.pos);
    this.pos += 2;
    return v;
  }

  i32(): number {
    this.need(4, 'int32');
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
  }

  i64(): bigint {
    this.need(8, 'int64');
    const v = this.view.getBigInt64(this.pos);
    this.pos += 8;
    return v;
  }

  u64(): bigint {
    this.need(8, 'uint64');
    const v = this.view.getBigUint64(this.pos);
    this.pos += 8;
    return v;
  }

  f32(): number {
    this.need(4, 'float32');
    const v = this.view.getFloat32(this.pos);
    this.pos += 4;
    return v;
  }

  f64(): number {
    this.need(8, 'float64');
    const v = this.view.getFloat64(this.pos);
    this.pos += 8;
    return v;
  }

  /** A view on the next n bytes (no copy: callers that keep it past the input's life copy it). */
  take(n: number, what = 'bytes'): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** A-XDR length (IEC 61334-6 §4, Green Book "length"): one byte < 0x80, else 0x80|n and n big-endian bytes. */
  length(what = 'length'): number {
    const first = this.u8(what);
    if (first < 0x80) return first;
    const n = first & 0x7f;
    if (n === 0 || n > 4) throw new DlmsError('dlms.limit', `${what}: a length of ${n} bytes`);
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 256 + this.u8(what);
    return v;
  }
}

export class ByteWriter {
  private buf = new Uint8Array(256);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): this {
    this.room(1);
    this.buf[this.length++] = v & 0xff;
    return this;
  }

  u16(v: number): this {
    this.room(2);
    this.view.setUint16(this.length, v);
    this.length += 2;
    return this;
  }

  u32(v: number): this {
    this.room(4);
    this.view.setUint32(this.length, v >>> 0);
    this.length += 4;
    return this;
  }

  i8(v: number): this {
    this.room(1);
    this.view.setInt8(this.length++, v);
    return this;
  }

  i16(v: number): this {
    this.room(2);
    this.view.setInt16(this.length, v);
    this.length += 2;
    return this;
  }

  i32(v: number): this {
    this.room(4);
    this.view.setInt32(this.length, v);
    this.length += 4;
    return this;
  }

  i64(v: bigint): this {
    this.room(8);
    this.view.setBigInt64(this.length, v);
    this.length += 8;
    return this;
  }

  u64(v: bigint): this {
    this.room(8);
    this.view.setBigUint64(this.length, v);
    this.length += 8;
    return this;
  }

  f32(v: number): this {
    this.room(4);
    this.view.setFloat32(this.length, v);
    this.length += 4;
    return this;
  }

  f64(v: number): this {
    this.room(8);
    this.view.setFloat64(this.length, v);
    this.length += 8;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }

  /** A-XDR length, shortest form. */
  axdrLength(n: number): this {
    if (n < 0x80) return this.u8(n);
    const parts: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) parts.unshift(v & 0xff);
    this.u8(0x80 | parts.length);
    for (const p of parts) this.u8(p);
    return this;
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Hex text to bytes: white space, `0x` prefixes, colons and dashes between bytes ignored; null when not hex. */
export function hexToBytes(text: string): Uint8Array | null {
  const clean = text.replace(/0x/gi, '').replace(/[\s:,-]/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-f]/i.test(clean)) return null;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.substr(i * 2, 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0').toUpperCase();
  return s;
}

export { concatBytes as concat } from '../lib/bytes';
