/**
 * A-XDR encoding of COSEM data (IEC 62056-6-2 §4.1.5): the tag, then the content; the inverse of
 * ./axdr's decoder, for requests, the simulator and tests. TRUE is sent as 0xFF.
 */
import { ByteWriter } from './bytes';
import { Tag, type DlmsValue, type TypeDescription } from './dataTypes';

const utf8Encoder = new TextEncoder();

const tagOf: Record<Exclude<DlmsValue['type'], never>, number> = {
  null: Tag.null,
  array: Tag.array,
  structure: Tag.structure,
  'compact-array': Tag.compactArray,
  boolean: Tag.boolean,
  'bit-string': Tag.bitString,
  int32: Tag.int32,
  uint32: Tag.uint32,
  'octet-string': Tag.octetString,
  'visible-string': Tag.visibleString,
  'utf8-string': Tag.utf8String,
  bcd: Tag.bcd,
  int8: Tag.int8,
  int16: Tag.int16,
  uint8: Tag.uint8,
  uint16: Tag.uint16,
  int64: Tag.int64,
  uint64: Tag.uint64,
  enum: Tag.enum,
  float32: Tag.float32,
  float64: Tag.float64,
  'date-time': Tag.dateTime,
  date: Tag.date,
  time: Tag.time,
};

function writeDescription(w: ByteWriter, d: TypeDescription): void {
  w.u8(d.tag);
  if ('element' in d) {
    w.u16(d.count);
    writeDescription(w, d.element);
  } else if ('fields' in d) {
    w.axdrLength(d.fields.length);
    for (const f of d.fields) writeDescription(w, f);
  }
}

function writeContent(w: ByteWriter, v: DlmsValue): void {
  switch (v.type) {
    case 'null':
      return;
    case 'array':
    case 'structure':
      w.axdrLength(v.items.length);
      for (const item of v.items) writeValue(w, item);
      return;
    case 'compact-array': {
      writeDescription(w, v.description);
      const inner = new ByteWriter();
      for (const item of v.items) writeDescribed(inner, v.description, item);
      w.axdrLength(inner.length).bytes(inner.done());
      return;
    }
    case 'boolean':
      w.u8(v.value ? 0xff : 0);
      return;
    case 'bit-string':
      w.axdrLength(v.bits).bytes(v.bytes);
      return;
    case 'int8':
    case 'bcd':
      w.i8(v.value);
      return;
    case 'int16':
      w.i16(v.value);
      return;
    case 'int32':
      w.i32(v.value);
      return;
    case 'uint8':
    case 'enum':
      w.u8(v.value);
      return;
    case 'uint16':
      w.u16(v.value);
      return;
    case 'uint32':
      w.u32(v.value);
      return;
    case 'int64':
      w.i64(v.value);
      return;
    case 'uint64':
      w.u64(v.value);
      return;
    case 'float32':
      w.f32(v.value);
      return;
    case 'float64':
      w.f64(v.value);
      return;
    case 'octet-string':
      w.axdrLength(v.bytes.length).bytes(v.bytes);
      return;
    case 'date-time':
    case 'date':
    case 'time':
      w.bytes(v.bytes);
      return;
    case 'visible-string': {
      const b = new Uint8Array(v.text.length);
      for (let i = 0; i < b.length; i++) b[i] = v.text.charCodeAt(i) & 0xff;
      w.axdrLength(b.length).bytes(b);
      return;
    }
    case 'utf8-string': {
      const b = utf8Encoder.encode(v.text);
      w.axdrLength(b.length).bytes(b);
      return;
    }
  }
}

function writeDescribed(w: ByteWriter, d: TypeDescription, v: DlmsValue): void {
  if ('element' in d || 'fields' in d) {
    const items = v.type === 'array' || v.type === 'structure' ? v.items : [];
    const fieldOf = (i: number) => ('element' in d ? d.element : (d.fields[i] ?? { tag: Tag.null }));
    items.forEach((item, i) => writeDescribed(w, fieldOf(i), item));
  } else writeContent(w, v);
}

export function writeValue(w: ByteWriter, v: DlmsValue): void {
  w.u8(tagOf[v.type]);
  writeContent(w, v);
}

export function encodeValue(v: DlmsValue): Uint8Array {
  const w = new ByteWriter();
  writeValue(w, v);
  return w.done();
}
