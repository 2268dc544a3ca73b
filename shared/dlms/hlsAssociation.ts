/**
 * HLS mechanism 5 (HLS-GMAC, Green Book §9.2.7.4) as the client runs it over an association:
 * pass 1 the AARQ carries our challenge (CtoS) and system title; pass 2 the AARE accepts with
 * diagnostic 14 "authentication-required" and carries the meter's challenge (StoC) and system
 * title; pass 3 an ACTION on the current Association LN 0-0:40.0.0.255 method 1
 * (reply_to_HLS_authentication) with f(StoC); pass 4 its return is f(CtoS), checked here. Only
 * then is the association open. The keys never leave this module's caller.
 */
import type { Authentication } from './acse';
import { octets, type DlmsValue } from './dataTypes';
import { hlsGmacResponse, verifyHlsGmac, type HlsGmacKeys } from './hlsGmac';
import { obisToBytes } from './obis';
import type { CosemRequest } from './cosemRequest';

export interface HlsClient {
  readonly keys: HlsGmacKeys;
  /** Our system title (8 bytes: manufacturer letters and a serial, Green Book §4.3.4). */
  readonly systemTitle: Uint8Array;
  /** CtoS: 8–64 random bytes, new for every association. */
  readonly challenge: Uint8Array;
  /** Our invocation counter for f(StoC); it only ever grows. */
  readonly invocationCounter: number;
}

/** The association's own object (Green Book §4.4.3): the one the client is talking through. */
export const CURRENT_ASSOCIATION = '0-0:40.0.0.255';
export const AUTHENTICATION_REQUIRED = 14;
const REPLY_TO_HLS_AUTHENTICATION = 1;

export const hlsAuthentication = (hls: HlsClient): Authentication => ({ mechanism: 'hls-gmac', challenge: hls.challenge });

/** Pass 3: the ACTION that carries f(StoC). */
export function hlsReply(hls: HlsClient, meterChallenge: Uint8Array): CosemRequest {
  return {
    kind: 'action',
    reference: { classId: 15, logicalName: obisToBytes(CURRENT_ASSOCIATION) ?? new Uint8Array(6), index: REPLY_TO_HLS_AUTHENTICATION },
    parameters: octets(hlsGmacResponse(hls.keys, meterChallenge, hls.systemTitle, hls.invocationCounter)),
  };
}

/** Pass 4: the meter proved it holds the same keys (f(CtoS) under its system title). */
export function meterProved(hls: HlsClient, meterSystemTitle: Uint8Array, returned: DlmsValue | null): boolean {
  return returned?.type === 'octet-string' && verifyHlsGmac(hls.keys, hls.challenge, meterSystemTitle, returned.bytes);
}
