/**
 * Association control (Green Book §9.4.2, IEC 62056-5-3 §8 ACSE APDUs): AARQ/AARE with
 * logical-name referencing, lowest-level (no) or low-level (password) security, and HLS
 * mechanism 5 names; RLRQ/RLRE. ACSE fields are BER (tag, length, value); the xDLMS
 * InitiateRequest/Response inside user-information are A-XDR.
 */
import { ByteReader, ByteWriter } from './bytes';
import { DlmsError } from './errors';

/** Application context names (Green Book Table 71): 1 LN, 3 LN with ciphering. */
const CONTEXT_PREFIX = [0x60, 0x85, 0x74, 0x05, 0x08, 0x01];
/** Mechanism names (Green Book Table 72): 0 lowest, 1 low (password), 5 HLS GMAC. */
const MECHANISM_PREFIX = [0x60, 0x85, 0x74, 0x05, 0x08, 0x02];

export type Authentication =
  { mechanism: 'none' } | { mechanism: 'low'; password: Uint8Array } | { mechanism: 'hls-gmac'; challenge: Uint8Array };

/**
 * The conformance block a client proposes (Green Book §9.4.6.1, a 24-bit string, bit 0 first):
 * 0x001E1D asks for block transfer with GET/SET/ACTION, multiple references, GET, SET, selective
 * access and ACTION; the meter answers with the subset it grants.
 */
export const CONFORMANCE_LN = 0x00_1e_1d;

export interface AssociationRequest {
  readonly authentication: Authentication;
  readonly ciphered?: boolean;
  readonly clientSystemTitle?: Uint8Array;
  readonly conformance?: number;
  readonly maxReceivePdu?: number;
}

function tlv(w: ByteWriter, tag: number, body: Uint8Array): void {
  w.u8(tag);
  if (body.length < 0x80) w.u8(body.length);
  else w.u8(0x82).u16(body.length);
  w.bytes(body);
}

function initiateRequest(conformance: number, maxPdu: number): Uint8Array {
  // initiate-request: no dedicated key, response-allowed default, no QoS, version 6, conformance, max PDU
  return new ByteWriter()
    .u8(0x01)
    .u8(0)
    .u8(0)
    .u8(0)
    .u8(6)
    .u8(0x5f)
    .u8(0x1f)
    .u8(0x04)
    .u8(0)
    .u8(conformance >> 16)
    .u8(conformance >> 8)
    .u8(conformance)
    .u16(maxPdu)
    .done();
}

export function encodeAarq(req: AssociationRequest): Uint8Array {
  const body = new ByteWriter();
  tlv(body, 0xa1, Uint8Array.of(0x06, 0x07, ...CONTEXT_PREFIX, req.ciphered ? 3 : 1));
  if (req.clientSystemTitle) tlv(body, 0xa6, Uint8Array.of(0x04, req.clientSystemTitle.length, ...req.clientSystemTitle));
  const auth = req.authentication;
  if (auth.mechanism !== 'none') {
    tlv(body, 0x8a, Uint8Array.of(0x07, 0x80)); // sender-acse-requirements: authentication
    tlv(body, 0x8b, Uint8Array.of(...MECHANISM_PREFIX, auth.mechanism === 'low' ? 1 : 5));
    const secret = auth.mechanism === 'low' ? auth.password : auth.challenge;
    tlv(body, 0xac, Uint8Array.of(0x80, secret.length, ...secret));
  }
  const initiate = initiateRequest(req.conformance ?? CONFORMANCE_LN, req.maxReceivePdu ?? 0xffff);
  tlv(body, 0xbe, Uint8Array.of(0x04, initiate.length, ...initiate));
  const w = new ByteWriter();
  tlv(w, 0x60, body.done());
  return w.done();
}

function* berFields(bytes: Uint8Array): Generator<{ tag: number; value: Uint8Array }> {
  const r = new ByteReader(bytes);
  while (r.remaining) {
    const tag = r.u8('ACSE tag');
    let n = r.u8('ACSE length');
    if (n === 0x81) n = r.u8();
    else if (n === 0x82) n = r.u16();
    else if (n > 0x80) throw new DlmsError('dlms.format', 'ACSE length form');
    yield { tag, value: r.take(n, 'ACSE field') };
  }
}

function envelope(bytes: Uint8Array, tag: number): Uint8Array {
  const first = berFields(bytes).next();
  if (first.done || first.value.tag !== tag) throw new DlmsError('dlms.format', `not an ACSE APDU 0x${tag.toString(16)}`);
  return first.value.value;
}

export interface AarqContent {
  readonly ciphered: boolean;
  readonly mechanism: 'none' | 'low' | 'hls-gmac' | 'other';
  readonly secret: Uint8Array | null;
  readonly clientSystemTitle: Uint8Array | null;
  readonly userInformation: Uint8Array | null;
}

export function decodeAarq(bytes: Uint8Array): AarqContent {
  let ciphered = false;
  let mechanism: AarqContent['mechanism'] = 'none';
  let secret: Uint8Array | null = null;
  let clientSystemTitle: Uint8Array | null = null;
  let userInformation: Uint8Array | null = null;
  for (const { tag, value } of berFields(envelope(bytes, 0x60))) {
    if (tag === 0xa1) ciphered = value[value.length - 1] === 3;
    else if (tag === 0x8b) mechanism = value[value.length - 1] === 1 ? 'low' : value[value.length - 1] === 5 ? 'hls-gmac' : 'other';
    else if (tag === 0xac) secret = value.slice(2);
    else if (tag === 0xa6) clientSystemTitle = value.slice(2);
    else if (tag === 0xbe) userInformation = value.slice(2);
  }
  return { ciphered, mechanism, secret, clientSystemTitle, userInformation };
}

/** association-result (Green Book Table 74) and the diagnostic that says why (e.g. 13 authentication failure). */
export interface AssociationResponse {
  readonly accepted: boolean;
  readonly result: number;
  readonly diagnostic: number;
  readonly serverSystemTitle: Uint8Array | null;
  readonly challenge: Uint8Array | null;
  readonly maxPdu: number | null;
  readonly conformance: number | null;
  readonly userInformation: Uint8Array | null;
}

export const DIAGNOSTIC_AUTHENTICATION_FAILURE = 13;

export function encodeAare(res: {
  result: number;
  diagnostic: number;
  ciphered?: boolean;
  serverSystemTitle?: Uint8Array;
  /** HLS pass 2: StoC, with the mechanism name (diagnostic 14 "authentication-required"). */
  challenge?: Uint8Array;
  conformance?: number;
  maxPdu?: number;
}): Uint8Array {
  const body = new ByteWriter();
  tlv(body, 0xa1, Uint8Array.of(0x06, 0x07, ...CONTEXT_PREFIX, res.ciphered ? 3 : 1));
  tlv(body, 0xa2, Uint8Array.of(0x02, 0x01, res.result));
  tlv(body, 0xa3, Uint8Array.of(0xa1, 0x03, 0x02, 0x01, res.diagnostic));
  if (res.serverSystemTitle) tlv(body, 0xa4, Uint8Array.of(0x04, res.serverSystemTitle.length, ...res.serverSystemTitle));
  if (res.challenge) {
    tlv(body, 0x88, Uint8Array.of(0x07, 0x80)); // responder-acse-requirements: authentication
    tlv(body, 0x89, Uint8Array.of(...MECHANISM_PREFIX, 5));
    tlv(body, 0xaa, Uint8Array.of(0x80, res.challenge.length, ...res.challenge));
  }
  if (res.result === 0) {
    const c = res.conformance ?? CONFORMANCE_LN;
    const initiate = new ByteWriter()
      .u8(0x08)
      .u8(0)
      .u8(6)
      .u8(0x5f)
      .u8(0x1f)
      .u8(0x04)
      .u8(0)
      .u8(c >> 16)
      .u8(c >> 8)
      .u8(c)
      .u16(res.maxPdu ?? 0x200)
      .u16(0x0007)
      .done();
    tlv(body, 0xbe, Uint8Array.of(0x04, initiate.length, ...initiate));
  }
  const w = new ByteWriter();
  tlv(w, 0x61, body.done());
  return w.done();
}

export function decodeAare(bytes: Uint8Array): AssociationResponse {
  let result = -1;
  let diagnostic = 0;
  let serverSystemTitle: Uint8Array | null = null;
  let challenge: Uint8Array | null = null;
  let maxPdu: number | null = null;
  let conformance: number | null = null;
  let userInformation: Uint8Array | null = null;
  for (const { tag, value } of berFields(envelope(bytes, 0x61))) {
    if (tag === 0xa2) result = value[value.length - 1] ?? -1;
    else if (tag === 0xa3) diagnostic = value[value.length - 1] ?? 0;
    else if (tag === 0xa4) serverSystemTitle = value.slice(2);
    else if (tag === 0xaa) challenge = value.slice(2);
    else if (tag === 0xbe) {
      userInformation = value.slice(2);
      // initiate-response 08: [QoS absent 00] version, 5F 1F 04 00 conformance(3), max PDU, VAA name
      if (userInformation[0] === 0x08 && userInformation.length >= 14) {
        const r = new ByteReader(userInformation, 2);
        r.u8();
        r.take(4, 'conformance tag');
        conformance = (r.u8() << 16) | (r.u8() << 8) | r.u8();
        maxPdu = r.u16();
      }
    }
  }
  if (result < 0) throw new DlmsError('dlms.format', 'AARE without association-result');
  return { accepted: result === 0, result, diagnostic, serverSystemTitle, challenge, maxPdu, conformance, userInformation };
}

/** RLRQ/RLRE with reason normal (Green Book §9.4.2.2.3). */
export const RLRQ = Uint8Array.of(0x62, 0x03, 0x80, 0x01, 0x00);
export const RLRE = Uint8Array.of(0x63, 0x03, 0x80, 0x01, 0x00);
