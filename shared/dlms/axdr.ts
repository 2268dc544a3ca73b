/**
 * A-XDR (IEC 61334-6) encoding of COSEM data (IEC 62056-6-2 §4.1.5, Green Book §9.5 "Data"):
 * each value a tag, then its content; arrays and structures an A-XDR length then their elements.
 * The decoder counts depth and elements against limits, so a 0x7FFFFFFF-element array or 10,000
 * nested structures end as `dlms.limit`/`dlms.truncated`, never as a stack overflow or a giant
 * allocation (nothing is allocated ahead from a declared count).
 */
import { ByteReader } from './bytes';
import { Tag, defaultLimits, type DecodeLimits, type DlmsValue, type TypeDescription } from './dataTypes';
import { DlmsError } from './errors';

const utf8 = new TextDecoder('utf-8', { fatal: false });

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

class Decoder {
  private elements = 0;
  constructor(
    readonly r: ByteReader,
    private readonly limits: DecodeLimits,
  ) {}

  private count(n: number): void {
    this.elements += n;
    if (this.elements > this.limits.maxElements) throw new DlmsError('dlms.limit', `more than ${this.limits.maxElements} values`);
  }

  private stringLength(what: string): number {
    const n = this.r.length(what);
    if (n > this.limits.maxLength) throw new DlmsError('dlms.limit', `${what} of ${n} bytes (limit ${this.limits.maxLength})`);
    return n;
  }

  /** A count of elements: each needs at least `minBytes`, so a count the input cannot hold fails before any work. */
  private elementCount(what: string, minBytes: number): number {
    const n = this.r.length(what);
    if (n > this.limits.maxElements) throw new DlmsError('dlms.limit', `${what} of ${n} elements`);
    if (n * minBytes > this.r.remaining) throw new DlmsError('dlms.truncated', `${what} of ${n} elements in ${this.r.remaining} bytes`);
    return n;
  }

  value(depth: number): DlmsValue {
    const tag = this.r.u8('data tag');
    return this.content(tag, depth);
  }

  content(tag: number, depth: number): DlmsValue {
    const r = this.r;
    this.count(1);
    switch (tag) {
      case Tag.null:
        return { type: 'null' };
      case Tag.array:
      case Tag.structure: {
        if (depth >= this.limits.maxDepth) throw new DlmsError('dlms.limit', `nested deeper than ${this.limits.maxDepth}`);
        const n = this.elementCount(tag === Tag.array ? 'array' : 'structure', 1);
        const items: DlmsValue[] = [];
        for (let i = 0; i < n; i++) items.push(this.value(depth + 1));
        return { type: tag === Tag.array ? 'array' : 'structure', items };
      }
      case Tag.boolean:
        return { type: 'boolean', value: r.u8('boolean') !== 0 };
      case Tag.bitString: {
        const bits = r.length('bit-string');
        if (bits > this.limits.maxLength * 8) throw new DlmsError('dlms.limit', `bit-string of ${bits} bits`);
        return { type: 'bit-string', bits, bytes: r.take(Math.ceil(bits / 8), 'bit-string') };
      }
      case Tag.int32:
        return { type: 'int32', value: r.i32() };
      case Tag.uint32:
        return { type: 'uint32', value: r.u32() };
      case Tag.octetString:
        return { type: 'octet-string', bytes: r.take(this.stringLength('octet-string'), 'octet-string') };
      case Tag.visibleString:
        return { type: 'visible-string', text: latin1(r.take(this.stringLength('visible-string'), 'visible-string')) };
      case Tag.utf8String:
        return { type: 'utf8-string', text: utf8.decode(r.take(this.stringLength('utf8-string'), 'utf8-string')) };
      case Tag.bcd:
        return { type: 'bcd', value: r.i8() };
      case Tag.int8:
        return { type: 'int8', value: r.i8() };
      case Tag.int16:
        return { type: 'int16', value: r.i16() };
      case Tag.uint8:
        return { type: 'uint8', value: r.u8() };
      case Tag.uint16:
        return { type: 'uint16', value: r.u16() };
      case Tag.compactArray:
        return this.compactArray(depth);
      case Tag.int64:
        return { type: 'int64', value: r.i64() };
      case Tag.uint64:
        return { type: 'uint64', value: r.u64() };
      case Tag.enum:
        return { type: 'enum', value: r.u8('enum') };
      case Tag.float32:
        return { type: 'float32', value: r.f32() };
      case Tag.float64:
        return { type: 'float64', value: r.f64() };
      case Tag.dateTime:
        return { type: 'date-time', bytes: r.take(12, 'date-time') };
      case Tag.date:
        return { type: 'date', bytes: r.take(5, 'date') };
      case Tag.time:
        return { type: 'time', bytes: r.take(4, 'time') };
      default:
        throw new DlmsError('dlms.unsupported', `data tag ${tag}`);
    }
  }

  private description(depth: number): TypeDescription {
    if (depth >= this.limits.maxDepth) throw new DlmsError('dlms.limit', `type description deeper than ${this.limits.maxDepth}`);
    const tag = this.r.u8('type description');
    if (tag === Tag.array) {
      const count = this.r.u16('compact-array count');
      return { tag, count, element: this.description(depth + 1) };
    }
    if (tag === Tag.structure) {
      const n = this.elementCount('structure description', 1);
      const fields: TypeDescription[] = [];
      for (let i = 0; i < n; i++) fields.push(this.description(depth + 1));
      return { tag, fields };
    }
    return { tag };
  }

  /** compact-array (Blue Book §4.1.5): a contents-description, then the elements without their tags. */
  private compactArray(depth: number): DlmsValue {
    const description = this.description(depth + 1);
    const size = this.stringLength('compact-array contents');
    this.r.need(size, 'compact-array contents');
    const end = this.r.pos + size;
    const items: DlmsValue[] = [];
    while (this.r.pos < end) {
      const before = this.r.pos;
      items.push(this.described(description, depth + 1));
      if (this.r.pos === before) throw new DlmsError('dlms.format', 'compact-array of empty elements');
    }
    if (this.r.pos !== end) throw new DlmsError('dlms.format', 'compact-array element crosses its contents');
    return { type: 'compact-array', description, items };
  }

  private described(d: TypeDescription, depth: number): DlmsValue {
    if (depth >= this.limits.maxDepth) throw new DlmsError('dlms.limit', `nested deeper than ${this.limits.maxDepth}`);
    if ('element' in d) {
      this.count(1);
      const items: DlmsValue[] = [];
      for (let i = 0; i < d.count; i++) items.push(this.described(d.element, depth + 1));
      return { type: 'array', items };
    }
    if ('fields' in d) {
      this.count(1);
      return { type: 'structure', items: d.fields.map((f) => this.described(f, depth + 1)) };
    }
    return this.content(d.tag, depth);
  }
}

/** Decodes one tagged value at `r`'s position and advances it. */
export function readValue(r: ByteReader, limits: DecodeLimits = defaultLimits): DlmsValue {
  return new Decoder(r, limits).value(0);
}

/** Decodes a whole buffer holding exactly one value. */
export function decodeValue(bytes: Uint8Array, limits: DecodeLimits = defaultLimits): DlmsValue {
  const r = new ByteReader(bytes);
  const value = readValue(r, limits);
  if (r.remaining) throw new DlmsError('dlms.format', `${r.remaining} bytes after the value`);
  return value;
}

export { encodeValue, writeValue } from './axdrEncode';
