/**
 * HLS authentication mechanism 5 (Green Book §9.2.7.4, "HLS-GMAC"): after the AARQ/AARE carried
 * the challenges, each side proves it holds the keys by returning f(challenge) =
 * SC ‖ IC ‖ GMAC(EK, IV = own system title ‖ IC, AAD = SC ‖ AK ‖ challenge), SC 0x10 and a
 * 12-byte tag; pass 3 goes in an ACTION on Association LN method 1 (reply_to_HLS_authentication).
 */
import { ByteWriter, concat } from './bytes';
import type { AesGcm } from './ciphering';

export interface HlsGmacKeys {
  readonly gcm: AesGcm;
  readonly encryptionKey: Uint8Array;
  readonly authenticationKey: Uint8Array;
}

const SC_AUTHENTICATION = 0x10;

/** f(challenge) computed by the side whose system title and invocation counter are given. */
export function hlsGmacResponse(keys: HlsGmacKeys, challenge: Uint8Array, systemTitle: Uint8Array, invocationCounter: number): Uint8Array {
  const iv = new ByteWriter().bytes(systemTitle).u32(invocationCounter).done();
  const { tag } = keys.gcm.encrypt(
    keys.encryptionKey,
    iv,
    concat(Uint8Array.of(SC_AUTHENTICATION), keys.authenticationKey, challenge),
    new Uint8Array(0),
  );
  return new ByteWriter().u8(SC_AUTHENTICATION).u32(invocationCounter).bytes(tag).done();
}

/** Checks the other side's f(our challenge), recomputed with its system title and the counter it sent. */
export function verifyHlsGmac(keys: HlsGmacKeys, ourChallenge: Uint8Array, theirSystemTitle: Uint8Array, response: Uint8Array): boolean {
  if (response.length !== 17 || response[0] !== SC_AUTHENTICATION) return false;
  const counter = new DataView(response.buffer, response.byteOffset + 1, 4).getUint32(0);
  const expected = hlsGmacResponse(keys, ourChallenge, theirSystemTitle, counter);
  let diff = 0;
  for (let i = 0; i < expected.length; i++) diff |= (expected[i] ?? 0) ^ (response[i] ?? 0);
  return diff === 0;
}
