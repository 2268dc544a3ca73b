import { describe, expect, it } from 'vitest';
import { nodeAesGcm } from '../../../electron/services/dlms/aesGcm';
import {
  decipherApdu,
  decodeApdu,
  encipherApdu,
  hlsGmacResponse,
  parseCiphered,
  securityControlOf,
  verifyHlsGmac,
} from '../../../shared/dlms';
import { greenBook as gb, hex as hexBytes } from './fixtures';

const keys = { gcm: nodeAesGcm, encryptionKey: gb.encryptionKey, authenticationKey: gb.authenticationKey, systemTitle: gb.systemTitle };

describe('xDLMS ciphering (Green Book Table 40 vectors)', () => {
  it('enciphers the glo-get-request with SC 0x10, 0x20 and 0x30 to the published bytes', () => {
    const o = { ...keys, invocationCounter: gb.invocationCounter };
    expect(encipherApdu(gb.plain, { ...o, securityControl: 0x10 })).toEqual(gb.authenticatedOnly);
    expect(encipherApdu(gb.plain, { ...o, securityControl: 0x20 })).toEqual(gb.encryptedOnly);
    expect(encipherApdu(gb.plain, { ...o, securityControl: 0x30 })).toEqual(gb.authenticatedEncrypted);
  });

  it('deciphers all three forms to the GET of Clock 0-0:1.0.0.255 attribute 2', () => {
    for (const apdu of [gb.authenticatedOnly, gb.encryptedOnly, gb.authenticatedEncrypted]) {
      const plain = decipherApdu(parseCiphered(apdu), keys);
      expect(plain).toEqual(gb.plain);
      expect(decodeApdu(plain)).toMatchObject({ kind: 'get-request', reference: { classId: 8, index: 2 } });
    }
    expect(securityControlOf(0x30)).toEqual({ suite: 0, authenticated: true, encrypted: true, broadcastKey: false });
  });

  it('refuses a wrong encryption key, a wrong authentication key and an altered byte as dlms.decrypt', () => {
    const wrongKey = Uint8Array.from(gb.encryptionKey, (b) => b ^ 1);
    expect(() => decipherApdu(parseCiphered(gb.authenticatedEncrypted), { ...keys, encryptionKey: wrongKey })).toThrow(
      expect.objectContaining({ reason: 'dlms.decrypt' }),
    );
    expect(() => decipherApdu(parseCiphered(gb.authenticatedEncrypted), { ...keys, authenticationKey: wrongKey })).toThrow(
      expect.objectContaining({ reason: 'dlms.decrypt' }),
    );
    const altered = gb.authenticatedEncrypted.slice();
    altered[10] = (altered[10] ?? 0) ^ 0x80;
    expect(() => decipherApdu(parseCiphered(altered), keys)).toThrow(expect.objectContaining({ reason: 'dlms.decrypt' }));
  });

  it('refuses an invocation counter that did not go forward as a replay', () => {
    const apdu = parseCiphered(gb.authenticatedEncrypted);
    expect(decipherApdu(apdu, { ...keys, lastInvocationCounter: gb.invocationCounter - 1 })).toEqual(gb.plain);
    expect(() => decipherApdu(apdu, { ...keys, lastInvocationCounter: gb.invocationCounter })).toThrow(
      expect.objectContaining({ reason: 'dlms.replay' }),
    );
    expect(() => decipherApdu(apdu, { ...keys, lastInvocationCounter: gb.invocationCounter + 5 })).toThrow(
      expect.objectContaining({ reason: 'dlms.replay' }),
    );
  });

  it('wraps a push as general-glo-ciphering with the system title inside, and opens it without being told the title', () => {
    const push = Uint8Array.of(0x0f, 0, 0, 0, 1, 0, 0x12, 0x00, 0xe8);
    const wrapped = encipherApdu(push, { ...keys, invocationCounter: 7, general: true });
    expect([...wrapped.subarray(0, 10)]).toEqual([0xdb, 0x08, ...gb.systemTitle]);
    expect(decipherApdu(parseCiphered(wrapped), { ...keys, systemTitle: null })).toEqual(push);
  });
});

// Green Book (DLMS UA 1000-2 Ed. 7) Table 43: client system title 4D4D4D0000000001, IC 1; meter 4D4D4D0000BC614E, IC 01234567;
// CtoS "K56iVagY", StoC "P6wRJ21F"; keys as Table 40.
describe('HLS mechanism 5 (GMAC), Green Book Table 43', () => {
  const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const hlsKeys = { gcm: nodeAesGcm, encryptionKey: gb.encryptionKey, authenticationKey: gb.authenticationKey };
  const clientTitle = Uint8Array.of(0x4d, 0x4d, 0x4d, 0, 0, 0, 0, 1);

  it('computes f(StoC) by the client and f(CtoS) by the meter as published', () => {
    expect(hlsGmacResponse(hlsKeys, ascii('P6wRJ21F'), clientTitle, 1)).toEqual(
      Uint8Array.of(0x10, 0, 0, 0, 1, ...hexBytes('1A52FE7DD3E72748973C1E28')),
    );
    expect(hlsGmacResponse(hlsKeys, ascii('K56iVagY'), gb.systemTitle, 0x01234567)).toEqual(
      Uint8Array.of(0x10, 0x01, 0x23, 0x45, 0x67, ...hexBytes('FE1466AFB3DBCD4F9389E2B7')),
    );
  });

  it('verifies the meter proof and refuses one made with another key or for another challenge', () => {
    const proof = hlsGmacResponse(hlsKeys, ascii('K56iVagY'), gb.systemTitle, 0x01234567);
    expect(verifyHlsGmac(hlsKeys, ascii('K56iVagY'), gb.systemTitle, proof)).toBe(true);
    expect(verifyHlsGmac(hlsKeys, ascii('K56iVagZ'), gb.systemTitle, proof)).toBe(false);
    expect(verifyHlsGmac({ ...hlsKeys, authenticationKey: new Uint8Array(16) }, ascii('K56iVagY'), gb.systemTitle, proof)).toBe(false);
  });
});
