/**
 * The reference for the DLMS decoding benchmark (issue 22 "Speed"): a straightforward A-XDR
 * decoder as one first writes it — recursion over a Node Buffer, a `switch` on the tag, each
 * string copied out with Buffer.from, lengths and integers read with the Buffer helpers, the
 * xDLMS header skipped by hand. It yields the same value tree as shared/dlms/axdr, without
 * limits, and then the same profile rows (scaled text per cell, interval time and status).
 */
type Value = { type: string; value?: unknown; items?: Value[]; bytes?: Uint8Array; text?: string };

function length(buf: Buffer, pos: number): [number, number] {
  const first = buf[pos] ?? 0;
  if (first < 0x80) return [first, pos + 1];
  const n = first & 0x7f;
  return [buf.readUIntBE(pos + 1, n), pos + 1 + n];
}

function decode(buf: Buffer, pos: number): [Value, number] {
  const tag = buf[pos++];
  switch (tag) {
    case 0:
      return [{ type: 'null' }, pos];
    case 1:
    case 2: {
      const [n, start] = length(buf, pos);
      const items: Value[] = [];
      let p = start;
      for (let i = 0; i < n; i++) {
        const [v, next] = decode(buf, p);
        items.push(v);
        p = next;
      }
      return [{ type: tag === 1 ? 'array' : 'structure', items }, p];
    }
    case 3:
      return [{ type: 'boolean', value: buf[pos] !== 0 }, pos + 1];
    case 5:
      return [{ type: 'int32', value: buf.readInt32BE(pos) }, pos + 4];
    case 6:
      return [{ type: 'uint32', value: buf.readUInt32BE(pos) }, pos + 4];
    case 9: {
      const [n, start] = length(buf, pos);
      return [{ type: 'octet-string', bytes: Buffer.from(buf.subarray(start, start + n)) }, start + n];
    }
    case 10: {
      const [n, start] = length(buf, pos);
      return [{ type: 'visible-string', text: buf.toString('latin1', start, start + n) }, start + n];
    }
    case 15:
      return [{ type: 'int8', value: buf.readInt8(pos) }, pos + 1];
    case 16:
      return [{ type: 'int16', value: buf.readInt16BE(pos) }, pos + 2];
    case 17:
      return [{ type: 'uint8', value: buf[pos] }, pos + 1];
    case 18:
      return [{ type: 'uint16', value: buf.readUInt16BE(pos) }, pos + 2];
    case 20:
      return [{ type: 'int64', value: buf.readBigInt64BE(pos) }, pos + 8];
    case 21:
      return [{ type: 'uint64', value: buf.readBigUInt64BE(pos) }, pos + 8];
    case 22:
      return [{ type: 'enum', value: buf[pos] }, pos + 1];
    default:
      throw new Error(`tag ${tag}`);
  }
}

function scaled(value: number, scaler: number): string {
  // value × 10^scaler as text, the textbook way: through the decimal string of the number
  if (scaler >= 0) return String(value * 10 ** scaler);
  const s = String(Math.abs(value)).padStart(-scaler + 1, '0');
  const whole = s.slice(0, s.length + scaler);
  const fraction = s.slice(s.length + scaler).replace(/0+$/, '');
  return `${value < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export interface ReferenceRow {
  time: number | null;
  status: number | null;
  cells: (string | null)[];
}

/** A get-response-normal (C4 01 id 00 Data) holding a profile buffer {clock, status, channels…} to rows. */
export function referenceProfileRows(bytes: Uint8Array, scalers: readonly number[]): ReferenceRow[] {
  const buf = Buffer.from(bytes);
  if (buf[0] !== 0xc4 || buf[1] !== 0x01 || buf[3] !== 0x00) throw new Error('not a get-response-normal with data');
  const [value] = decode(buf, 4);
  return (value.items ?? []).map((row) => {
    const [clock, status, ...channels] = row.items ?? [];
    const b = clock?.bytes ? Buffer.from(clock.bytes) : null;
    const time =
      b && b.length === 12 ? Date.UTC(b.readUInt16BE(0), (b[2] ?? 1) - 1, b[3], b[5], b[6], b[7]) + b.readInt16BE(9) * 60_000 : null;
    return {
      time,
      status: typeof status?.value === 'number' ? status.value : null,
      cells: channels.map((c, i) => (typeof c.value === 'number' ? scaled(c.value, scalers[i] ?? 0) : null)),
    };
  });
}

export interface ReferenceTable {
  times: Float64Array;
  status: Int16Array;
  channels: Float64Array[];
}

/** The same columns as shared/dlms/profileTable from the straightforward tree: decode it all, then copy the numbers out. */
export function referenceProfileTable(bytes: Uint8Array, channelCount: number): ReferenceTable {
  const buf = Buffer.from(bytes);
  if (buf[0] !== 0xc4 || buf[1] !== 0x01 || buf[3] !== 0x00) throw new Error('not a get-response-normal with data');
  const [value] = decode(buf, 4);
  const rows = value.items ?? [];
  const table: ReferenceTable = {
    times: new Float64Array(rows.length),
    status: new Int16Array(rows.length),
    channels: Array.from({ length: channelCount }, () => new Float64Array(rows.length)),
  };
  rows.forEach((row, k) => {
    const [clock, status, ...cells] = row.items ?? [];
    const b = clock?.bytes ? Buffer.from(clock.bytes) : null;
    table.times[k] =
      b && b.length === 12 ? Date.UTC(b.readUInt16BE(0), (b[2] ?? 1) - 1, b[3], b[5], b[6], b[7]) + b.readInt16BE(9) * 60_000 : NaN;
    table.status[k] = typeof status?.value === 'number' ? status.value : -1;
    cells.forEach((c, i) => {
      const column = table.channels[i];
      if (column) column[k] = typeof c.value === 'number' ? c.value : NaN;
    });
  });
  return table;
}
