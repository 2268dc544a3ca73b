/**
 * xDLMS ciphering with security suite 0 (Green Book §9.2.7 "Cryptographic protection",
 * AES-128-GCM): glo-* and ded-* service APDUs (0xC8…0xD7), general-glo-ciphering (0xDB) and
 * general-ded-ciphering (0xDC). The security header is the security control byte (bit 4
 * authentication, bit 5 encryption, bit 6 broadcast key) and the 4-byte invocation counter;
 * IV = system title (8) ‖ invocation counter (4); AAD = SC ‖ AK (‖ plain text when only
 * authenticated); the tag is 12 bytes. The cipher itself is injected (node:crypto in the app),
 * so this module stays pure.
 */
import { ByteReader, ByteWriter, concat } from './bytes';
import { DlmsError } from './errors';

export interface AesGcm {
  /** AES-128-GCM; `tagLength` 12. */
  encrypt(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, plain: Uint8Array): { cipher: Uint8Array; tag: Uint8Array };
  /** The plain text, or null when `tag` does not authenticate it. With `tag` null only decrypts (encryption-only APDUs). */
  decrypt(key: Uint8Array, iv: Uint8Array, aad: Uint8Array, cipher: Uint8Array, tag: Uint8Array | null): Uint8Array | null;
}

export const TAG_LENGTH = 12;

/** Service-specific ciphered APDU tags: the plain tag + 8 for glo-*, + 16 for ded-* (Green Book Table 62). */
const plainOfGlo: Readonly<Record<number, number>> = { 0xc8: 0xc0, 0xc9: 0xc1, 0xcb: 0xc3, 0xcc: 0xc4, 0xcd: 0xc5, 0xcf: 0xc7 };
const plainOfDed: Readonly<Record<number, number>> = { 0xd0: 0xc0, 0xd1: 0xc1, 0xd3: 0xc3, 0xd4: 0xc4, 0xd5: 0xc5, 0xd7: 0xc7 };

export const GENERAL_GLO_CIPHERING = 0xdb;
export const GENERAL_DED_CIPHERING = 0xdc;

export function isCipheredTag(tag: number | undefined): boolean {
  return tag !== undefined && (tag in plainOfGlo || tag in plainOfDed || tag === GENERAL_GLO_CIPHERING || tag === GENERAL_DED_CIPHERING);
}

export interface SecurityControl {
  readonly suite: number;
  readonly authenticated: boolean;
  readonly encrypted: boolean;
  readonly broadcastKey: boolean;
}

export const securityControlOf = (sc: number): SecurityControl => ({
  suite: sc & 0x0f,
  authenticated: (sc & 0x10) !== 0,
  encrypted: (sc & 0x20) !== 0,
  broadcastKey: (sc & 0x40) !== 0,
});

/** A ciphered APDU taken apart, before decryption. */
export interface CipheredApdu {
  readonly tag: number;
  readonly dedicated: boolean;
  /** The system title carried in the APDU (general-*-ciphering), else null: the caller knows it from the association. */
  readonly systemTitle: Uint8Array | null;
  readonly securityControl: number;
  readonly invocationCounter: number;
  readonly cipher: Uint8Array;
  readonly authTag: Uint8Array | null;
}

export function parseCiphered(bytes: Uint8Array): CipheredApdu {
  const r = new ByteReader(bytes);
  const tag = r.u8('ciphered APDU tag');
  let systemTitle: Uint8Array | null = null;
  if (tag === GENERAL_GLO_CIPHERING || tag === GENERAL_DED_CIPHERING)
    systemTitle = r.take(r.length('system title'), 'system title').slice();
  else if (!(tag in plainOfGlo) && !(tag in plainOfDed)) throw new DlmsError('dlms.unsupported', `ciphered APDU 0x${tag.toString(16)}`);
  const length = r.length('ciphered content');
  r.need(length, 'ciphered content');
  if (length !== r.remaining) throw new DlmsError('dlms.format', `ciphered content of ${length} bytes in ${r.remaining}`);
  const securityControl = r.u8('security control');
  const invocationCounter = r.u32('invocation counter');
  const sc = securityControlOf(securityControl);
  // Suites 0 and 1 both cipher with AES-128-GCM (Green Book §9.2.3.7); TINETZ's meters push with suite 1.
  if (sc.suite > 1) throw new DlmsError('dlms.unsupported', `security suite ${sc.suite}`);
  const tagLength = sc.authenticated ? TAG_LENGTH : 0;
  if (r.remaining < tagLength) throw new DlmsError('dlms.truncated', 'authentication tag');
  const cipher = r.take(r.remaining - tagLength).slice();
  const authTag = tagLength ? r.take(tagLength).slice() : null;
  return {
    tag,
    dedicated: tag in plainOfDed || tag === GENERAL_DED_CIPHERING,
    systemTitle,
    securityControl,
    invocationCounter,
    cipher,
    authTag,
  };
}

export interface DecryptOptions {
  readonly gcm: AesGcm;
  readonly encryptionKey: Uint8Array;
  readonly authenticationKey?: Uint8Array | null;
  /** The sender's system title when the APDU does not carry one. */
  readonly systemTitle?: Uint8Array | null;
  /** The last invocation counter accepted from this sender: an equal or lower one is a replay. */
  readonly lastInvocationCounter?: number | null;
}

const iv = (systemTitle: Uint8Array, counter: number) => new ByteWriter().bytes(systemTitle).u32(counter).done();

/**
 * The plain APDU inside a ciphered one. Refuses a counter that did not go forward
 * (`dlms.replay`), a failed tag (`dlms.decrypt`: wrong key or altered bytes, nothing returned).
 */
export function decipherApdu(apdu: CipheredApdu, options: DecryptOptions): Uint8Array {
  const title = apdu.systemTitle ?? options.systemTitle ?? null;
  if (!title || title.length !== 8) throw new DlmsError('dlms.decrypt', 'no 8-byte system title for the IV');
  if (options.encryptionKey.length !== 16) throw new DlmsError('dlms.decrypt', 'the key is not 16 bytes');
  const last = options.lastInvocationCounter;
  if (last !== null && last !== undefined && apdu.invocationCounter <= last) {
    throw new DlmsError('dlms.replay', `invocation counter ${apdu.invocationCounter} after ${last}`);
  }
  const sc = securityControlOf(apdu.securityControl);
  const ak = options.authenticationKey ?? new Uint8Array(0);
  const header = Uint8Array.of(apdu.securityControl);
  let plain: Uint8Array | null;
  if (sc.encrypted) {
    plain = options.gcm.decrypt(
      options.encryptionKey,
      iv(title, apdu.invocationCounter),
      sc.authenticated ? concat(header, ak) : new Uint8Array(0),
      apdu.cipher,
      apdu.authTag,
    );
  } else {
    // authentication only: the "cipher" is the plain APDU, authenticated as AAD
    const ok = options.gcm.decrypt(
      options.encryptionKey,
      iv(title, apdu.invocationCounter),
      concat(header, ak, apdu.cipher),
      new Uint8Array(0),
      apdu.authTag,
    );
    plain = ok ? apdu.cipher : null;
  }
  if (!plain) throw new DlmsError('dlms.decrypt', 'cannot decrypt: the authentication tag does not match (wrong key?)');
  if (!sc.encrypted && !sc.authenticated) return apdu.cipher;
  // A wrong key on an encryption-only APDU yields noise: the caller's decoder refuses it.
  return plain;
}

/** The plain tag of a glo-/ded- service APDU (0xC8 → 0xC0), or null for general-*-ciphering. */
export const plainTagOf = (tag: number): number | null => plainOfGlo[tag] ?? plainOfDed[tag] ?? null;

export interface EncryptOptions {
  readonly gcm: AesGcm;
  readonly encryptionKey: Uint8Array;
  readonly authenticationKey: Uint8Array;
  readonly systemTitle: Uint8Array;
  readonly invocationCounter: number;
  /** Security control byte; 0x30 authenticated encryption. */
  readonly securityControl?: number;
  /** Wrap as general-glo-ciphering (0xDB, carries the system title) instead of the glo-* tag. */
  readonly general?: boolean;
}

/** Ciphers a plain xDLMS APDU (for the simulator's pushes and tests). */
export function encipherApdu(plain: Uint8Array, o: EncryptOptions): Uint8Array {
  const scByte = o.securityControl ?? 0x30;
  const sc = securityControlOf(scByte);
  const vector = iv(o.systemTitle, o.invocationCounter);
  let body: Uint8Array;
  if (sc.encrypted) {
    const { cipher, tag } = o.gcm.encrypt(
      o.encryptionKey,
      vector,
      sc.authenticated ? concat(Uint8Array.of(scByte), o.authenticationKey) : new Uint8Array(0),
      plain,
    );
    body = sc.authenticated ? concat(cipher, tag) : cipher;
  } else {
    const { tag } = o.gcm.encrypt(o.encryptionKey, vector, concat(Uint8Array.of(scByte), o.authenticationKey, plain), new Uint8Array(0));
    body = sc.authenticated ? concat(plain, tag) : plain;
  }
  const content = new ByteWriter().u8(scByte).u32(o.invocationCounter).bytes(body).done();
  const w = new ByteWriter();
  if (o.general) w.u8(GENERAL_GLO_CIPHERING).axdrLength(8).bytes(o.systemTitle);
  else {
    const glo = Object.entries(plainOfGlo).find(([, p]) => p === plain[0]);
    if (!glo) throw new DlmsError('dlms.unsupported', `no glo- form of APDU 0x${(plain[0] ?? 0).toString(16)}`);
    w.u8(Number(glo[0]));
  }
  return w.axdrLength(content.length).bytes(content).done();
}
