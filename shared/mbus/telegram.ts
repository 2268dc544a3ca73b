/**
 * One telegram, wireless (EN 13757-4 link layer) or wired (EN 13757-2 long frame), decoded down to
 * its data records: the sans-I/O entry point the CLI, the Listen screen and the wired reader share.
 * Every failure is a coded reason; when the sender could be read it is returned with the reason,
 * so a meter whose telegram cannot be decrypted is "heard", never shown with values.
 */
import { concat, crcEn13757 } from './bytes';
import { formatSignature, isCompactCi, readCompact, recordHeaders, type FormatBook } from './compactFrame';
import { deviceTypeOf, manufacturerCode, type DeviceType } from './identity';
import { isFragment, type FragmentBook } from './afl';
import { addressParts, authenticationOf, outerLayers, transportHeader, type OuterLayers, type TransportHeader } from './layers';
import { MbusError, fail, type MbusReason } from './reasons';
import { readRecords, type DataRecord } from './records';
import { decryptEll, decryptVerified, macMatches, mode5Iv, mode7Key, type AesCipher } from './security';
import { isWiredFrame, wiredFrame } from './wiredFrame';
import { linkFrame, type FrameFormat } from './wirelessFrame';

/** TPL security mode, or 'ell' when only the extended link layer encrypts (AES-CTR). */
export type Encryption = 'none' | 'ell' | `mode${number}`;

export interface TelegramHeader {
  readonly medium: 'wmbus' | 'mbus';
  readonly manufacturer: string | null;
  readonly id: string | null;
  readonly version: number | null;
  readonly deviceType: DeviceType | null;
  readonly accessNumber: number | null;
  /** Status byte (EN 13757-7 Table 9): bits 0–1 application, 2 power low, 3 permanent and 4 temporary error. */
  readonly status: number | null;
  readonly encryption: Encryption;
  readonly frameFormat: FrameFormat | 'wired';
}

export interface Telegram extends TelegramHeader {
  readonly decrypted: boolean;
  readonly records: readonly DataRecord[];
  readonly manufacturerData: string | null;
}

export type DecodeResult =
  | { readonly ok: true; readonly telegram: Telegram }
  | { readonly ok: false; readonly reason: MbusReason; readonly header: TelegramHeader | null };

export interface DecodeOptions {
  /** The meter's AES-128 key; needed only for an encrypted telegram. */
  readonly key?: Uint8Array;
  /** Or the key looked up once the sender is known (a route's keys by manufacturer and id). */
  readonly keyFor?: (header: TelegramHeader) => Uint8Array | undefined;
  readonly aes?: AesCipher;
  /** The access number last seen from this meter: the same number again is a replay. */
  readonly lastAccessNumber?: number;
  /** Formats heard in full frames: remembered from each full frame, needed to read a compact one. */
  readonly formats?: FormatBook;
  /** Fragments of long messages heard so far (AFL, EN 13757-7 §6): needed to read a fragmented message. */
  readonly fragments?: FragmentBook;
}

const encryptionOf = (mode: number): Encryption => (mode === 0 ? 'none' : `mode${mode}`);

interface Parts {
  header: TelegramHeader;
  bytes: Uint8Array;
  tpl: TransportHeader;
  messageCounter: Uint8Array | null;
  authentication: OuterLayers['authentication'];
  /** Offset of the transport layer's CI (the MAC covers it to the end). */
  tplAt: number;
  linkAddress: Uint8Array | null;
}

/** The sender from an M ‖ A field, the rest of the header filled in (explicit fields: object spread is slow on this path). */
function headerOf(
  mA: Uint8Array,
  format: FrameFormat | 'wired',
  medium: 'wmbus' | 'mbus',
  accessNumber: number | null,
  status: number | null,
  encryption: Encryption,
): TelegramHeader {
  const who = addressParts(mA);
  return {
    medium,
    manufacturer: manufacturerCode(who.flag),
    id: who.id,
    version: who.version,
    deviceType: deviceTypeOf(who.deviceType),
    accessNumber,
    status,
    encryption,
    frameFormat: format,
  };
}

/** `seen` holds the sender as far as it was read, for the reason given when a later layer fails. */
function wirelessParts(raw: Uint8Array, seen: { header: TelegramHeader | null }, options: DecodeOptions): Parts {
  const frame = linkFrame(raw);
  const format = frame.format;
  let bytes = frame.bytes;
  const linkAddress = bytes.subarray(2, 10);
  seen.header = headerOf(linkAddress, format, 'wmbus', null, null, 'none');
  let outer = outerLayers(bytes, 10);
  const ell = outer.ellEncryption;
  if (ell) {
    const header = headerOf(linkAddress, format, 'wmbus', outer.ellAccessNumber, null, 'ell');
    seen.header = header;
    const key = keyOf(options, header);
    const plain = decryptEll(
      options.aes as AesCipher,
      key,
      linkAddress,
      ell.control,
      ell.sessionNumber,
      bytes.subarray(outer.at),
      crcEn13757,
    );
    bytes = concat(bytes.subarray(0, outer.at), plain);
    const inner = outerLayers(bytes, outer.at);
    outer = {
      ...inner,
      ellAccessNumber: outer.ellAccessNumber,
      messageCounter: inner.messageCounter ?? outer.messageCounter,
      authentication: inner.authentication ?? outer.authentication,
    };
  } else if (outer.ellAccessNumber !== null) {
    seen.header = headerOf(linkAddress, format, 'wmbus', outer.ellAccessNumber, null, 'none');
  }
  if (outer.afl) {
    const afl = outer.afl;
    const who = seen.header;
    const meter = who?.manufacturer && who.id ? meterKey(who.manufacturer, who.id) : '';
    if (isFragment(afl, options.fragments?.pending(meter) ?? false)) {
      // EN 13757-7 §6: the message is read once its last fragment came, authenticated by the first one's MAC.
      if (!options.fragments) return fail('mbus.unsupported', 'fragmented message');
      const whole = options.fragments.add(meter, afl, bytes.subarray(outer.at));
      if (!whole) return fail('mbus.fragmentPending');
      bytes = concat(bytes.subarray(0, outer.at), whole.message);
      outer = {
        ...outer,
        messageCounter: whole.first.messageCounter ?? outer.messageCounter,
        authentication: whole.first.mac ? authenticationOf(whole.first) : null,
      };
    } else if (afl.messageLength !== null && afl.messageLength !== bytes.length - outer.at) {
      fail('mbus.length', `ML says ${afl.messageLength} bytes, the message holds ${bytes.length - outer.at}`);
    }
  }
  const tpl = transportHeader(bytes, outer.at);
  const encryption = tpl.securityMode === 0 && ell ? 'ell' : encryptionOf(tpl.securityMode);
  // A long header names the meter behind a radio adapter; the link layer then names the adapter.
  const header = headerOf(
    tpl.meterAddress ?? linkAddress,
    format,
    'wmbus',
    tpl.accessNumber ?? outer.ellAccessNumber,
    tpl.status,
    encryption,
  );
  return { header, bytes, tpl, messageCounter: outer.messageCounter, authentication: outer.authentication, tplAt: outer.at, linkAddress };
}

/** The meter's key, or the coded reason why there is none to use. */
function keyOf(options: DecodeOptions, header: TelegramHeader): Uint8Array {
  const key = options.key ?? options.keyFor?.(header);
  if (!key) return fail('mbus.noKey');
  if (!options.aes) return fail('mbus.unsupported', 'no AES implementation given');
  return key;
}

function wiredParts(raw: Uint8Array): Parts {
  const frame = wiredFrame(raw);
  if (frame.kind !== 'long') return fail('mbus.unsupported', `a ${frame.kind} frame carries no records`);
  const tpl = transportHeader(frame.bytes, frame.dataAt);
  const encryption = encryptionOf(tpl.securityMode);
  // Without a long header a wired frame names no meter (its primary address is the bus's business).
  const header: TelegramHeader = tpl.meterAddress
    ? headerOf(tpl.meterAddress, 'wired', 'mbus', tpl.accessNumber, tpl.status, encryption)
    : {
        medium: 'mbus',
        manufacturer: null,
        id: null,
        version: null,
        deviceType: null,
        accessNumber: tpl.accessNumber,
        status: tpl.status,
        encryption,
        frameFormat: 'wired',
      };
  return { header, bytes: frame.bytes, tpl, messageCounter: null, authentication: null, tplAt: frame.dataAt, linkAddress: null };
}

/** The plaintext application data: decrypted blocks, then any unencrypted rest (OMS Vol.2 §9.2.3). */
function payload(parts: Parts, options: DecodeOptions): Uint8Array {
  const { bytes, tpl } = parts;
  const mode = tpl.securityMode;
  const at = tpl.payloadAt;
  if (mode === 0) return bytes.subarray(at);
  if (mode !== 5 && mode !== 7) return fail('mbus.unsupported', `security mode ${mode}`);
  const key = keyOf(options, parts.header);
  if (!options.aes) return fail('mbus.unsupported', 'no AES implementation given');
  const length = tpl.encryptedBlocks ? tpl.encryptedBlocks * 16 : Math.floor((bytes.length - at) / 16) * 16;
  if (at + length > bytes.length) fail('mbus.truncated', 'encrypted blocks');
  const encrypted = bytes.subarray(at, at + length);
  const address = tpl.meterAddress ?? parts.linkAddress;
  if (!address) return fail('mbus.unsupported', 'encrypted telegram without an address');
  let plain: Uint8Array;
  if (mode === 5) {
    plain = decryptVerified(options.aes, key, mode5Iv(address, tpl.accessNumber ?? 0), encrypted);
  } else {
    if (!parts.messageCounter) return fail('mbus.unsupported', 'mode 7 without an AFL message counter');
    const meterId = address.subarray(2, 6);
    const auth = parts.authentication;
    if (auth) {
      // The MAC is checked before anything is decrypted: a wrong key or a changed byte is refused alike.
      const kmac = mode7Key(options.aes, key, parts.messageCounter, meterId, 0x01);
      const prefix = concat(Uint8Array.of(auth.control), parts.messageCounter, auth.messageLength ?? new Uint8Array(0));
      if (!macMatches(options.aes, kmac, prefix, bytes.subarray(parts.tplAt), auth.mac)) fail('mbus.decrypt', 'AFL MAC');
    }
    const messageKey = mode7Key(options.aes, key, parts.messageCounter, meterId);
    plain = decryptVerified(options.aes, messageKey, new Uint8Array(16), encrypted);
  }
  return at + length < bytes.length ? concat(plain, bytes.subarray(at + length)) : plain;
}

/**
 * The full frame's records: a compact frame is rebuilt from the format its meter sent earlier; a
 * full frame's format is remembered for the compact frames that follow (EN 13757-3 Annex G).
 */
function applicationData(parts: Parts, data: Uint8Array, formats: FormatBook | undefined): Uint8Array {
  const { header, tpl } = parts;
  const meter = header.manufacturer && header.id ? meterKey(header.manufacturer, header.id) : null;
  if (isCompactCi(tpl.ci)) {
    // Decrypted data starts with the 2F2F verification bytes (OMS Vol.2 §9.2.4); the signature follows them.
    const compact = tpl.securityMode === 0 ? data : data.subarray(2);
    return readCompact(compact, (signature) => (meter ? formats?.get(meter, signature) : undefined));
  }
  if (formats && meter) {
    const headers = recordHeaders(data);
    formats.remember(meter, formatSignature(headers), headers);
  }
  return data;
}

/** Decodes one telegram: a wM-Bus frame (with or without CRCs, leading L) or a wired long frame. */
export function decodeTelegram(raw: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const seen: { header: TelegramHeader | null } = { header: null };
  try {
    const parts = isWiredFrame(raw) ? wiredParts(raw) : wirelessParts(raw, seen, options);
    const header = parts.header;
    seen.header = header;
    if (options.lastAccessNumber !== undefined && header.accessNumber === options.lastAccessNumber) fail('mbus.replay');
    const data = applicationData(parts, payload(parts, options), options.formats);
    const { records, manufacturerData } = readRecords(data, 0);
    const telegram: Telegram = {
      medium: header.medium,
      manufacturer: header.manufacturer,
      id: header.id,
      version: header.version,
      deviceType: header.deviceType,
      accessNumber: header.accessNumber,
      status: header.status,
      encryption: header.encryption,
      frameFormat: header.frameFormat,
      decrypted: header.encryption !== 'none',
      records,
      manufacturerData,
    };
    return { ok: true, telegram };
  } catch (error) {
    if (error instanceof MbusError) return { ok: false, reason: error.reason, header: seen.header };
    throw error;
  }
}

/** The key a route matches a telegram by: manufacturer and id ("KAM12345678"). */
export const meterKey = (manufacturer: string, id: string): string => `${manufacturer.toUpperCase()}${id.toUpperCase()}`;
