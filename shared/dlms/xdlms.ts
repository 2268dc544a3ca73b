/**
 * xDLMS service APDUs with logical-name referencing (Green Book §9.3, IEC 62056-5-3 §7.x):
 * GET (normal, next data block, with list) and its responses (normal, with data block, with list),
 * SET normal, ACTION normal, data-notification (0x0F), general-block-transfer (0xE0) and
 * exception-response. Values inside are A-XDR (./axdr).
 */
import { readValue, writeValue } from './axdr';
import { ByteReader, ByteWriter } from './bytes';
import type { DecodeLimits, DlmsValue } from './dataTypes';
import { defaultLimits } from './dataTypes';
import { DlmsError } from './errors';

export const ApduTag = {
  getRequest: 0xc0,
  setRequest: 0xc1,
  actionRequest: 0xc3,
  getResponse: 0xc4,
  setResponse: 0xc5,
  actionResponse: 0xc7,
  dataNotification: 0x0f,
  generalBlockTransfer: 0xe0,
  exceptionResponse: 0xd8,
} as const;

/** A COSEM attribute or method reference: class, logical name (6 octets), attribute or method index. */
export interface CosemReference {
  readonly classId: number;
  readonly logicalName: Uint8Array;
  readonly index: number;
}

/** Selective access (Blue Book §4.1.3): selector 1 range, 2 entry on Profile Generic buffers. */
export interface AccessSelection {
  readonly selector: number;
  readonly parameters: DlmsValue;
}

/** data-access-result (Green Book Table 84); 0 is success. */
export type GetResult = { ok: true; value: DlmsValue } | { ok: false; accessResult: number };

export type XdlmsApdu =
  | { kind: 'get-request'; invokeId: number; reference: CosemReference; access: AccessSelection | null }
  | { kind: 'get-request-next'; invokeId: number; blockNumber: number }
  | { kind: 'get-request-list'; invokeId: number; references: { reference: CosemReference; access: AccessSelection | null }[] }
  | { kind: 'get-response'; invokeId: number; result: GetResult }
  | {
      kind: 'get-response-block';
      invokeId: number;
      lastBlock: boolean;
      blockNumber: number;
      raw: Uint8Array | null;
      accessResult: number | null;
    }
  | { kind: 'get-response-list'; invokeId: number; results: GetResult[] }
  | { kind: 'set-request'; invokeId: number; reference: CosemReference; access: AccessSelection | null; value: DlmsValue }
  | { kind: 'set-response'; invokeId: number; result: number }
  | { kind: 'action-request'; invokeId: number; reference: CosemReference; parameters: DlmsValue | null }
  | { kind: 'action-response'; invokeId: number; result: number; returned: GetResult | null }
  | { kind: 'data-notification'; invokeId: number; dateTime: Uint8Array | null; body: DlmsValue }
  | {
      kind: 'general-block-transfer';
      lastBlock: boolean;
      streaming: boolean;
      window: number;
      blockNumber: number;
      blockAck: number;
      data: Uint8Array;
    }
  | { kind: 'exception-response'; stateError: number; serviceError: number };

function writeReference(w: ByteWriter, ref: CosemReference): void {
  if (ref.logicalName.length !== 6) throw new DlmsError('dlms.format', 'a logical name has 6 octets');
  w.u16(ref.classId).bytes(ref.logicalName).i8(ref.index);
}

function readReference(r: ByteReader): CosemReference {
  return { classId: r.u16('class id'), logicalName: r.take(6, 'logical name').slice(), index: r.i8() };
}

function writeAccess(w: ByteWriter, access: AccessSelection | null): void {
  if (!access) w.u8(0);
  else {
    w.u8(1).u8(access.selector);
    writeValue(w, access.parameters);
  }
}

function readAccess(r: ByteReader, limits: DecodeLimits): AccessSelection | null {
  if (r.u8('access selection flag') === 0) return null;
  return { selector: r.u8('selector'), parameters: readValue(r, limits) };
}

function writeResult(w: ByteWriter, result: GetResult): void {
  if (result.ok) {
    w.u8(0);
    writeValue(w, result.value);
  } else w.u8(1).u8(result.accessResult);
}

function readResult(r: ByteReader, limits: DecodeLimits): GetResult {
  const choice = r.u8('result choice');
  if (choice === 0) return { ok: true, value: readValue(r, limits) };
  if (choice === 1) return { ok: false, accessResult: r.u8('data-access-result') };
  throw new DlmsError('dlms.format', `result choice ${choice}`);
}

export function encodeApdu(apdu: XdlmsApdu): Uint8Array {
  const w = new ByteWriter();
  switch (apdu.kind) {
    case 'get-request':
      w.u8(ApduTag.getRequest).u8(1).u8(apdu.invokeId);
      writeReference(w, apdu.reference);
      writeAccess(w, apdu.access);
      break;
    case 'get-request-next':
      w.u8(ApduTag.getRequest).u8(2).u8(apdu.invokeId).u32(apdu.blockNumber);
      break;
    case 'get-request-list':
      w.u8(ApduTag.getRequest).u8(3).u8(apdu.invokeId).axdrLength(apdu.references.length);
      for (const item of apdu.references) {
        writeReference(w, item.reference);
        writeAccess(w, item.access);
      }
      break;
    case 'get-response':
      w.u8(ApduTag.getResponse).u8(1).u8(apdu.invokeId);
      writeResult(w, apdu.result);
      break;
    case 'get-response-block':
      w.u8(ApduTag.getResponse)
        .u8(2)
        .u8(apdu.invokeId)
        .u8(apdu.lastBlock ? 1 : 0)
        .u32(apdu.blockNumber);
      if (apdu.raw) w.u8(0).axdrLength(apdu.raw.length).bytes(apdu.raw);
      else w.u8(1).u8(apdu.accessResult ?? 0);
      break;
    case 'get-response-list':
      w.u8(ApduTag.getResponse).u8(3).u8(apdu.invokeId).axdrLength(apdu.results.length);
      for (const result of apdu.results) writeResult(w, result);
      break;
    case 'set-request':
      w.u8(ApduTag.setRequest).u8(1).u8(apdu.invokeId);
      writeReference(w, apdu.reference);
      writeAccess(w, apdu.access);
      writeValue(w, apdu.value);
      break;
    case 'set-response':
      w.u8(ApduTag.setResponse).u8(1).u8(apdu.invokeId).u8(apdu.result);
      break;
    case 'action-request':
      w.u8(ApduTag.actionRequest).u8(1).u8(apdu.invokeId);
      writeReference(w, apdu.reference);
      if (apdu.parameters) {
        w.u8(1);
        writeValue(w, apdu.parameters);
      } else w.u8(0);
      break;
    case 'action-response':
      w.u8(ApduTag.actionResponse).u8(1).u8(apdu.invokeId).u8(apdu.result);
      if (apdu.returned) {
        w.u8(1);
        writeResult(w, apdu.returned);
      } else w.u8(0);
      break;
    case 'data-notification':
      w.u8(ApduTag.dataNotification).u32(apdu.invokeId);
      if (apdu.dateTime) w.axdrLength(apdu.dateTime.length).bytes(apdu.dateTime);
      else w.u8(0);
      writeValue(w, apdu.body);
      break;
    case 'general-block-transfer':
      w.u8(ApduTag.generalBlockTransfer)
        .u8((apdu.lastBlock ? 0x80 : 0) | (apdu.streaming ? 0x40 : 0) | (apdu.window & 0x3f))
        .u16(apdu.blockNumber)
        .u16(apdu.blockAck)
        .axdrLength(apdu.data.length)
        .bytes(apdu.data);
      break;
    case 'exception-response':
      w.u8(ApduTag.exceptionResponse).u8(apdu.stateError).u8(apdu.serviceError);
      break;
  }
  return w.done();
}

export function decodeApdu(bytes: Uint8Array, limits: DecodeLimits = defaultLimits): XdlmsApdu {
  const r = new ByteReader(bytes);
  const tag = r.u8('APDU tag');
  const apdu = decodeBody(tag, r, limits);
  if (r.remaining) throw new DlmsError('dlms.format', `${r.remaining} bytes after the APDU`);
  return apdu;
}

function decodeBody(tag: number, r: ByteReader, limits: DecodeLimits): XdlmsApdu {
  if (tag === ApduTag.dataNotification) {
    const invokeId = r.u32('long-invoke-id');
    // Kamstrup HAN firmware before 2018 sent the date-time as tagged data (09 0C …) instead of
    // the bare OCTET STRING; a length of 9 followed by 12 is that form, not a 9-octet date-time.
    if (r.remaining > 14 && r.bytes[r.pos] === 0x09 && r.bytes[r.pos + 1] === 0x0c) r.u8();
    const n = r.length('date-time');
    const dateTime = n ? r.take(n, 'date-time').slice() : null;
    return { kind: 'data-notification', invokeId, dateTime, body: readValue(r, limits) };
  }
  if (tag === ApduTag.generalBlockTransfer) {
    const control = r.u8('block-control');
    const blockNumber = r.u16('block-number');
    const blockAck = r.u16('block-number-ack');
    const data = r.take(r.length('block-data'), 'block-data').slice();
    return {
      kind: 'general-block-transfer',
      lastBlock: (control & 0x80) !== 0,
      streaming: (control & 0x40) !== 0,
      window: control & 0x3f,
      blockNumber,
      blockAck,
      data,
    };
  }
  if (tag === ApduTag.exceptionResponse) return { kind: 'exception-response', stateError: r.u8(), serviceError: r.u8() };
  const choice = r.u8('service choice');
  const invokeId = r.u8('invoke-id-and-priority');
  const key = (tag << 8) | choice;
  switch (key) {
    case (ApduTag.getRequest << 8) | 1:
      return { kind: 'get-request', invokeId, reference: readReference(r), access: readAccess(r, limits) };
    case (ApduTag.getRequest << 8) | 2:
      return { kind: 'get-request-next', invokeId, blockNumber: r.u32('block number') };
    case (ApduTag.getRequest << 8) | 3: {
      const n = r.length('attribute list');
      if (n * 10 > r.remaining) throw new DlmsError('dlms.truncated', `a list of ${n} attributes`);
      const references = [];
      for (let i = 0; i < n; i++) references.push({ reference: readReference(r), access: readAccess(r, limits) });
      return { kind: 'get-request-list', invokeId, references };
    }
    case (ApduTag.getResponse << 8) | 1:
      return { kind: 'get-response', invokeId, result: readResult(r, limits) };
    case (ApduTag.getResponse << 8) | 2: {
      const lastBlock = r.u8('last-block') !== 0;
      const blockNumber = r.u32('block number');
      const choice = r.u8('raw-data choice');
      if (choice === 0)
        return {
          kind: 'get-response-block',
          invokeId,
          lastBlock,
          blockNumber,
          raw: r.take(r.length('raw-data'), 'raw-data').slice(),
          accessResult: null,
        };
      return { kind: 'get-response-block', invokeId, lastBlock, blockNumber, raw: null, accessResult: r.u8('data-access-result') };
    }
    case (ApduTag.getResponse << 8) | 3: {
      const n = r.length('result list');
      if (n * 2 > r.remaining) throw new DlmsError('dlms.truncated', `a list of ${n} results`);
      const results: GetResult[] = [];
      for (let i = 0; i < n; i++) results.push(readResult(r, limits));
      return { kind: 'get-response-list', invokeId, results };
    }
    case (ApduTag.setRequest << 8) | 1:
      return { kind: 'set-request', invokeId, reference: readReference(r), access: readAccess(r, limits), value: readValue(r, limits) };
    case (ApduTag.setResponse << 8) | 1:
      return { kind: 'set-response', invokeId, result: r.u8('set result') };
    case (ApduTag.actionRequest << 8) | 1: {
      const reference = readReference(r);
      const parameters = r.u8('parameters flag') ? readValue(r, limits) : null;
      return { kind: 'action-request', invokeId, reference, parameters };
    }
    case (ApduTag.actionResponse << 8) | 1: {
      const result = r.u8('action result');
      const returned = r.remaining && r.u8('return flag') ? readResult(r, limits) : null;
      return { kind: 'action-response', invokeId, result, returned };
    }
    default:
      throw new DlmsError('dlms.unsupported', `APDU 0x${tag.toString(16)} choice ${choice}`);
  }
}

/** The APDU name the CLI prints (issue 22 item 7). */
export function apduName(apdu: XdlmsApdu): string {
  return apdu.kind.replace(/-(next|list|block)$/, '');
}
