/**
 * Decodes a capture — HDLC frames, wired M-Bus frames (./mbusTransport) or bare xDLMS APDUs — into the objects it carries, for
 * `fieldmeter dlms decode` (issue 22 item 7) and for the diagnosis of a failed read. Ciphered
 * APDUs are opened with the given keys; a wrong key yields `dlms.decrypt` and no values.
 */
import type { AesGcm } from './ciphering';
import { decipherApdu, isCipheredTag, parseCiphered, plainTagOf } from './ciphering';
import { decodeAare, decodeAarq } from './acse';
import { ByteReader, concat } from './bytes';
import type { DlmsValue } from './dataTypes';
import { DlmsError, type DlmsReason } from './errors';
import { FLAG } from './hdlc';
import { scanFrames, SegmentReassembler } from './hdlcLink';
import { notificationObjects, referencedObjects, type CapturedObject } from './captureObjects';
import { apduName, decodeApdu, type CosemReference } from './xdlms';
import { looksLikeMbusDlms, mbusDlmsApdus } from './mbusTransport';
import { decodeValue } from './axdr';

export interface CaptureOptions {
  readonly gcm?: AesGcm;
  readonly encryptionKey?: Uint8Array | null;
  readonly authenticationKey?: Uint8Array | null;
  /** The sender's system title for glo-/ded- APDUs when the capture holds no AARQ/AARE that names it. */
  readonly systemTitle?: Uint8Array | null;
}

export interface CaptureResult {
  frames: { ok: boolean; reason: DlmsReason | null }[];
  apdu: string | null;
  encrypted: boolean;
  decrypted: boolean;
  objects: CapturedObject[];
  /** Why an APDU could not be read (decryption, format); null when all went through. */
  reason: DlmsReason | null;
}

const looksLikeHdlc = (bytes: Uint8Array) => bytes[0] === FLAG && ((bytes[1] ?? 0) & 0xf0) === 0xa0;

export function decodeCapture(bytes: Uint8Array, options: CaptureOptions = {}): CaptureResult {
  const result: CaptureResult = { frames: [], apdu: null, encrypted: false, decrypted: false, objects: [], reason: null };
  const apdus: Uint8Array[] = [];
  if (looksLikeHdlc(bytes)) {
    const reassembler = new SegmentReassembler();
    for (const scanned of scanFrames(bytes)) {
      if (!scanned.ok) {
        result.frames.push({ ok: false, reason: scanned.reason });
        continue;
      }
      try {
        const apdu = reassembler.push(scanned.frame);
        result.frames.push({ ok: true, reason: null });
        if (apdu && apdu.length) apdus.push(apdu);
      } catch (error) {
        if (!(error instanceof DlmsError)) throw error;
        result.frames.push({ ok: false, reason: error.reason });
      }
    }
  } else if (looksLikeMbusDlms(bytes)) {
    const carried = mbusDlmsApdus(bytes);
    result.frames.push(...carried.frames);
    apdus.push(...carried.apdus);
  } else {
    try {
      apdus.push(...bareApdus(bytes));
    } catch (error) {
      if (!(error instanceof DlmsError)) throw error;
      result.reason = error.reason;
    }
  }
  new ApduReader(result, options).readAll(apdus);
  return result;
}

/**
 * Bare APDUs one after another: those that state their length (general block transfer, ciphered
 * APDUs) are cut at it; any other APDU runs to the end of the capture.
 */
function bareApdus(bytes: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    const r = new ByteReader(bytes, at);
    const tag = r.u8();
    if (tag === 0xe0) {
      r.take(5, 'block header');
      r.take(r.length('block-data'), 'block-data');
    } else if (tag === 0xdb || tag === 0xdc) {
      r.take(r.length('system title'), 'system title');
      r.take(r.length('ciphered content'), 'ciphered content');
    } else if (isCipheredTag(tag)) r.take(r.length('ciphered content'), 'ciphered content');
    else r.pos = bytes.length;
    out.push(bytes.subarray(at, r.pos));
    at = r.pos;
  }
  return out;
}

/** Follows the APDUs of one capture: requests name what the responses carry; blocks are joined. */
class ApduReader {
  private clientTitle: Uint8Array | null = null;
  private serverTitle: Uint8Array | null = null;
  private requests = new Map<number, CosemReference[]>();
  private generalBlocks: Uint8Array[] = [];
  private dataBlocks: Uint8Array[] = [];
  private dataBlockInvoke = -1;

  constructor(
    private readonly result: CaptureResult,
    private readonly options: CaptureOptions,
  ) {}

  readAll(apdus: readonly Uint8Array[]): void {
    for (const apdu of apdus) {
      try {
        this.read(apdu);
      } catch (error) {
        if (!(error instanceof DlmsError)) throw error;
        this.result.reason ??= error.reason;
        if (error.reason === 'dlms.decrypt' || error.reason === 'dlms.no-key' || error.reason === 'dlms.replay') this.result.objects = [];
      }
    }
  }

  private read(apdu: Uint8Array): void {
    const tag = apdu[0];
    if (tag === 0x60) {
      this.clientTitle = decodeAarq(apdu).clientSystemTitle;
      this.result.apdu ??= 'aarq';
      return;
    }
    if (tag === 0x61) {
      this.serverTitle = decodeAare(apdu).serverSystemTitle;
      this.result.apdu ??= 'aare';
      return;
    }
    if (tag === 0x62 || tag === 0x63) {
      this.result.apdu ??= tag === 0x62 ? 'rlrq' : 'rlre';
      return;
    }
    if (isCipheredTag(tag)) {
      this.result.encrypted = true;
      const ciphered = parseCiphered(apdu);
      const key = this.options.encryptionKey;
      if (!key || !this.options.gcm) throw new DlmsError('dlms.no-key', 'a ciphered APDU and no key');
      const plainTag = plainTagOf(ciphered.tag);
      const isResponse = plainTag !== null && (plainTag & 0x04) !== 0; // C4/C5/C7 are responses
      const plain = decipherApdu(ciphered, {
        gcm: this.options.gcm,
        encryptionKey: key,
        authenticationKey: this.options.authenticationKey ?? null,
        systemTitle: (isResponse ? this.serverTitle : this.clientTitle) ?? this.options.systemTitle ?? null,
      });
      // An encryption-only APDU opened with a wrong key is noise: it must decode, else it is a decryption failure.
      try {
        decodeApdu(plain);
      } catch {
        throw new DlmsError('dlms.decrypt', 'cannot decrypt: the plain text is not an APDU (wrong key?)');
      }
      this.result.decrypted = true;
      this.read(plain);
      return;
    }
    const decoded = decodeApdu(apdu);
    // The capture is named by what carries its values (the response, the push), a request only when alone.
    if (decoded.kind.endsWith('request') || decoded.kind.startsWith('get-request')) this.result.apdu ??= apduName(decoded);
    else if (decoded.kind !== 'general-block-transfer') this.result.apdu = apduName(decoded);
    switch (decoded.kind) {
      case 'general-block-transfer':
        this.result.apdu ??= 'general-block-transfer';
        this.generalBlocks.push(decoded.data);
        if (decoded.lastBlock) {
          const whole = concat(...this.generalBlocks);
          this.generalBlocks = [];
          this.result.apdu = null;
          this.read(whole);
        }
        return;
      case 'get-request':
        this.requests.set(decoded.invokeId, [decoded.reference]);
        return;
      case 'get-request-list':
        this.requests.set(
          decoded.invokeId,
          decoded.references.map((r) => r.reference),
        );
        return;
      case 'get-response':
        if (decoded.result.ok) this.add(referencedObjects(this.requests.get(decoded.invokeId) ?? [], [decoded.result.value]));
        return;
      case 'get-response-list':
        this.add(
          referencedObjects(
            this.requests.get(decoded.invokeId) ?? [],
            decoded.results.map((r) => (r.ok ? r.value : null)),
          ),
        );
        return;
      case 'get-response-block':
        if (decoded.invokeId !== this.dataBlockInvoke) this.dataBlocks = [];
        this.dataBlockInvoke = decoded.invokeId;
        if (decoded.raw) this.dataBlocks.push(decoded.raw);
        if (decoded.lastBlock) {
          const value: DlmsValue = decodeValue(concat(...this.dataBlocks));
          this.dataBlocks = [];
          this.add(referencedObjects(this.requests.get(decoded.invokeId) ?? [], [value]));
        }
        return;
      case 'set-request':
        this.add(referencedObjects([decoded.reference], [decoded.value]));
        return;
      case 'data-notification':
        this.add(notificationObjects(decoded.body));
        return;
      default:
        return;
    }
  }

  private add(objects: readonly CapturedObject[]): void {
    this.result.objects.push(...objects);
  }
}
