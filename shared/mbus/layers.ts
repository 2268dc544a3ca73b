/**
 * The layers between the link layer and the data records, each told by its CI field
 * (EN 13757-7:2018 Table 2, OMS Vol.2 Annex D): the extended link layer (CI 0x8C–0x8F,
 * EN 13757-4 §13), the authentication and fragmentation layer (CI 0x90, EN 13757-7 §6) and the
 * transport layer with no, short (0x7A) or long (0x72) header (EN 13757-7 §7). The extended link
 * layer and the AFL are read and stepped over; the AFL's message counter is kept for mode 7, and a
 * fragment's AFL header is handed on for reassembly (afl.ts).
 */
import { aflHeader, type AflHeader } from './afl';
import { idText } from './bytes';
import { fail } from './reasons';

export interface TransportHeader {
  readonly ci: number;
  readonly accessNumber: number | null;
  readonly status: number | null;
  /** Configuration word (EN 13757-7 §7.5.8), 0 without one. */
  readonly config: number;
  /** Security mode: configuration bits 8–12 (OMS Vol.2 Table 18). */
  readonly securityMode: number;
  /** Number of encrypted 16-byte blocks (bits 4–7), modes 5 and 7. */
  readonly encryptedBlocks: number;
  /** Long header: the meter's M-field (2) and A-field (6) in link-layer order, for the IV and the identity. */
  readonly meterAddress: Uint8Array | null;
  /** Offset of the first byte after the header (after the configuration extension in mode 7). */
  readonly payloadAt: number;
}

export interface OuterLayers {
  /** Offset of the transport layer's CI. */
  readonly at: number;
  /** AFL message counter, 4 bytes as sent (mode 7 key derivation), when the AFL carries one. */
  readonly messageCounter: Uint8Array | null;
  /** Access number of the extended link layer, the telegram's only one when no TPL header follows. */
  readonly ellAccessNumber: number | null;
  /** AFL message authentication (EN 13757-7 §6.3): MCL, counter and the MAC sent, and ML when present. */
  readonly authentication: { readonly control: number; readonly messageLength: Uint8Array | null; readonly mac: Uint8Array } | null;
  /** The ELL encrypts what follows its SN field (AES-CTR): its communication control and SN, for the counter block. */
  readonly ellEncryption: { readonly control: number; readonly sessionNumber: Uint8Array } | null;
  /** The AFL header (EN 13757-7 §6), when there is one: a fragment of a longer message tells so here. */
  readonly afl: AflHeader | null;
}

/** The MAC check's inputs from an AFL header that carries a MAC (MCL, ML as sent). */
export const authenticationOf = (afl: AflHeader): NonNullable<OuterLayers['authentication']> => ({
  control: afl.control ?? 0,
  messageLength: afl.messageLengthBytes,
  mac: afl.mac ?? new Uint8Array(0),
});

const need = (b: Uint8Array, at: number, count: number, what: string) => {
  if (at + count > b.length) fail('mbus.truncated', what);
};

/** Steps over the extended link layer and the AFL that may stand before the transport layer. */
export function outerLayers(b: Uint8Array, start: number): OuterLayers {
  let at = start;
  let messageCounter: Uint8Array | null = null;
  let ellAccessNumber: number | null = null;
  let authentication: OuterLayers['authentication'] = null;
  let afl: AflHeader | null = null;
  for (;;) {
    need(b, at, 1, 'CI field');
    const ci = b[at] ?? 0;
    if (ci >= 0x8c && ci <= 0x8f) {
      const length = { 0x8c: 3, 0x8d: 9, 0x8e: 11, 0x8f: 17 }[ci] ?? 3;
      need(b, at, length, 'extended link layer');
      ellAccessNumber = b[at + 2] ?? 0;
      if (ci === 0x8d || ci === 0x8f) {
        // SN field bits 29–31: ELL encryption (EN 13757-4 §13.2.9); 1 is AES-128-CTR over the payload CRC and all after it.
        const snAt = at + (ci === 0x8d ? 3 : 11);
        const encryption = (b[snAt + 3] ?? 0) >> 5;
        if (encryption > 1) fail('mbus.unsupported', `extended link layer encryption ${encryption}`);
        if (encryption === 1) {
          return {
            at: snAt + 4,
            messageCounter,
            ellAccessNumber,
            authentication,
            ellEncryption: { control: b[at + 1] ?? 0, sessionNumber: b.slice(snAt, snAt + 4) },
            afl,
          };
        }
        at += length; // the payload CRC of an unencrypted ELL is not checked: the link CRCs were
        continue;
      }
      at += length;
    } else if (ci === 0x90) {
      afl = aflHeader(b, at);
      if (afl.messageCounter) messageCounter = afl.messageCounter;
      if (afl.mac) authentication = authenticationOf(afl);
      at = afl.end;
    } else {
      return { at, messageCounter, ellAccessNumber, authentication, ellEncryption: null, afl };
    }
  }
}

/** The transport layer header at `at` (its CI byte). */
export function transportHeader(b: Uint8Array, at: number): TransportHeader {
  const ci = b[at] ?? 0;
  // Compact frames (0x79, 0x7B, 0x73) carry the same headers as their full counterparts (0x78, 0x7A, 0x72).
  if (ci === 0x78 || ci === 0x79)
    return { ci, accessNumber: null, status: null, config: 0, securityMode: 0, encryptedBlocks: 0, meterAddress: null, payloadAt: at + 1 };
  let meterAddress: Uint8Array | null = null;
  let h = at + 1;
  if (ci === 0x72 || ci === 0x73) {
    need(b, h, 12, 'long transport header');
    // Long header: id (4), M (2), version, device type; reordered to the link layer's M ‖ A.
    meterAddress = Uint8Array.of(
      b[h + 4] ?? 0,
      b[h + 5] ?? 0,
      b[h] ?? 0,
      b[h + 1] ?? 0,
      b[h + 2] ?? 0,
      b[h + 3] ?? 0,
      b[h + 6] ?? 0,
      b[h + 7] ?? 0,
    );
    h += 8;
  } else if (ci !== 0x7a && ci !== 0x7b) {
    fail('mbus.unsupported', `CI 0x${ci.toString(16)}`);
  }
  need(b, h, 4, 'transport header');
  const config = (b[h + 2] ?? 0) | ((b[h + 3] ?? 0) << 8);
  const securityMode = (config >> 8) & 0x1f;
  let payloadAt = h + 4;
  if (securityMode === 7) payloadAt += 1; // configuration field extension (OMS Vol.2 §7.2.4.4)
  return {
    ci,
    accessNumber: b[h] ?? 0,
    status: b[h + 1] ?? 0,
    config,
    securityMode,
    encryptedBlocks: (config >> 4) & 0x0f,
    meterAddress,
    payloadAt,
  };
}

/** Manufacturer flag, id text, version and device type byte from an M ‖ A field of 8 bytes. */
export function addressParts(mA: Uint8Array): { flag: number; id: string; version: number; deviceType: number } {
  return { flag: (mA[0] ?? 0) | ((mA[1] ?? 0) << 8), id: idText(mA, 2), version: mA[6] ?? 0, deviceType: mA[7] ?? 0 };
}
