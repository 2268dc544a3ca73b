/**
 * The simulated meter's side of HLS mechanism 5 (HLS-GMAC, Green Book §9.2.7.4): an AARQ that
 * does not ask for it is refused with diagnostic 12 "authentication-mechanism-name-required"; one
 * that does is accepted with diagnostic 14 "authentication-required", the meter's challenge (StoC)
 * and system title; the association opens only when the client's ACTION on 0-0:40.0.0.255 method 1
 * carries the right f(StoC), and the meter answers with its own f(CtoS).
 */
import { encodeAare, type AarqContent } from '../acse';
import type { AesGcm } from '../ciphering';
import { octets } from '../dataTypes';
import { DlmsError } from '../errors';
import { hlsGmacResponse, verifyHlsGmac } from '../hlsGmac';
import { AUTHENTICATION_REQUIRED, CURRENT_ASSOCIATION } from '../hlsAssociation';
import { decodeApdu, encodeApdu } from '../xdlms';
import { sameName } from './meterObjects';

export interface HlsMeterKeys {
  readonly gcm: AesGcm;
  readonly encryptionKey: Uint8Array;
  readonly authenticationKey: Uint8Array;
  /** The meter's system title (8 bytes). */
  readonly systemTitle: Uint8Array;
}

const MECHANISM_NAME_REQUIRED = 12;
const AUTHENTICATION_FAILURE = 13;

export class HlsServer {
  private pending: { clientChallenge: Uint8Array; clientTitle: Uint8Array; challenge: Uint8Array } | null = null;
  private associations = 0;
  private invocationCounter = 0x1000;
  /** HLS replies refused (wrong keys): a real meter would lock after a few. */
  refusedReplies = 0;

  constructor(private readonly keys: HlsMeterKeys) {}

  /** Passes 1–2: the AARE to this AARQ. */
  associate(aarq: AarqContent, maxPdu: number): { aare: Uint8Array; refused: boolean } {
    this.pending = null;
    if (aarq.mechanism !== 'hls-gmac' || !aarq.secret || !aarq.clientSystemTitle || aarq.clientSystemTitle.length !== 8)
      return { aare: encodeAare({ result: 1, diagnostic: MECHANISM_NAME_REQUIRED }), refused: true };
    // The meter's challenge: new for every association (a counter here, so runs repeat exactly).
    const challenge = Uint8Array.from({ length: 16 }, (_, i) => (this.associations * 31 + i * 7) & 0xff);
    this.associations++;
    this.pending = { clientChallenge: aarq.secret, clientTitle: aarq.clientSystemTitle, challenge };
    return {
      aare: encodeAare({ result: 0, diagnostic: AUTHENTICATION_REQUIRED, serverSystemTitle: this.keys.systemTitle, challenge, maxPdu }),
      refused: false,
    };
  }

  /** Passes 3–4: the answer to the client's reply, and whether the association is now open; null when this is no HLS reply. */
  reply(apdu: Uint8Array): { answer: Uint8Array; open: boolean } | null {
    const pending = this.pending;
    if (!pending) return null;
    let request;
    try {
      request = decodeApdu(apdu);
    } catch (error) {
      if (error instanceof DlmsError) return null;
      throw error;
    }
    const ref = request.kind === 'action-request' ? request.reference : null;
    if (
      request.kind !== 'action-request' ||
      !ref ||
      ref.classId !== 15 ||
      ref.index !== 1 ||
      !sameName(ref.logicalName, CURRENT_ASSOCIATION)
    )
      return null;
    this.pending = null;
    const proof = request.parameters?.type === 'octet-string' ? request.parameters.bytes : new Uint8Array(0);
    if (!verifyHlsGmac(this.keys, pending.challenge, pending.clientTitle, proof)) {
      this.refusedReplies++;
      return {
        answer: encodeApdu({ kind: 'action-response', invokeId: request.invokeId, result: AUTHENTICATION_FAILURE, returned: null }),
        open: false,
      };
    }
    const mine = hlsGmacResponse(this.keys, pending.clientChallenge, this.keys.systemTitle, this.invocationCounter++);
    return {
      answer: encodeApdu({ kind: 'action-response', invokeId: request.invokeId, result: 0, returned: { ok: true, value: octets(mine) } }),
      open: true,
    };
  }
}
