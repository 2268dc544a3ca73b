import { describe, expect, it } from 'vitest';
import { nodeAesGcm } from '../../../electron/services/dlms/aesGcm';
import { decodeCapture, hexToBytes } from '../../../shared/dlms';
import { mbusDlmsApdus, mbusDlmsFrames } from '../../../shared/dlms/mbusTransport';
import { hex } from './fixtures';

/**
 * TINETZ's example push of a Kaifa MA309 on the M-Bus customer interface: two long frames (CI 00h,
 * 11h) carrying one general-glo-ciphering APDU (security suite 1, encryption only), key
 * 101112…1F; published in "Beschreibung Kundenschnittstelle Smart Meter" (TINETZ) and walked
 * through, with the decrypted APDU, in github.com/fneur/smart-meter-tirol doc/EXAMPLE.md.
 */
const tinetzPush = hex(`
68FAFA6853FF000167DB084B464D10100000238201092100295B9AEFC1546E64
4A2C9E32EDD42CBD0F1B945B194D086885C4D8DF86DD52CB5B448854A6D548D5
D270739B2A169D05B013F9015070089D3C5FA45CA05E92309A645CC83D7DA40F
BC8F4CF9C225AFA69A25FF0B2AC9C2744550ABA53CE9143FD10B0AD85FD30BD6
B6DFFEE65F8204DC9C5067CA73B62E299A39D50AA730B2B9AE3836BC2F3490FB
41BE5B6F930D84952976369DD7DABBB5A4354AECA1D2486CFF2EB0C6206380BA
501D122AF75D716D3092C3960506A15E06FAB0EE5B7DFA3C2CDF0CAFD051B88E
44B8B9FB8865F20CB89D1143CDC7EFEB07FB4C4898E764E9E3A32DDC3D1F0F16
6826266853FF110167B46961CE962B2C78050C96598C7E4D26658043F9CBCA78
189BD01B139F8AE0F7391116`);
const tinetzKey = hexToBytes('101112131415161718191A1B1C1D1E1F')!;

describe('DLMS carried in wired M-Bus frames', () => {
  it('joins the two segments of the TINETZ example and decrypts the values with the published key', () => {
    const result = decodeCapture(tinetzPush, { gcm: nodeAesGcm, encryptionKey: tinetzKey });
    expect(result.frames).toEqual([
      { ok: true, reason: null },
      { ok: true, reason: null },
    ]);
    expect(result).toMatchObject({ apdu: 'data-notification', encrypted: true, decrypted: true, reason: null });
    expect(result.objects).toContainEqual({ obis: '1-0:1.8.0.255', classId: 3, attribute: 2, value: '9108', unit: 'Wh' });
    expect(result.objects).toContainEqual({ obis: '1-0:32.7.0.255', classId: 3, attribute: 2, value: '230.8', unit: 'V' });
    expect(result.objects).toContainEqual({ obis: '1-0:3.8.0.255', classId: 3, attribute: 2, value: '96', unit: 'varh' });
  });

  it('says cannot decrypt with a wrong key and shows no values; a broken checksum fails its frame', () => {
    const wrong = decodeCapture(tinetzPush, { gcm: nodeAesGcm, encryptionKey: new Uint8Array(16).fill(7) });
    expect(wrong).toMatchObject({ encrypted: true, decrypted: false, reason: 'dlms.decrypt', objects: [] });
    const broken = tinetzPush.slice();
    broken[40] = (broken[40] ?? 0) ^ 1;
    expect(decodeCapture(broken, { gcm: nodeAesGcm, encryptionKey: tinetzKey }).frames[0]).toEqual({ ok: false, reason: 'dlms.fcs' });
  });

  it('refuses segments out of order, and frames a long APDU the way the meters do', () => {
    const [first, second] = mbusDlmsFrames(new Uint8Array(300).fill(0xab));
    expect(first?.subarray(0, 9)).toEqual(Uint8Array.of(0x68, 0xfa, 0xfa, 0x68, 0x53, 0xff, 0x00, 0x01, 0x67));
    expect(second?.[6]).toBe(0x11);
    expect(mbusDlmsApdus(Uint8Array.from([...first!, ...second!])).apdus[0]).toEqual(new Uint8Array(300).fill(0xab));
    expect(mbusDlmsApdus(Uint8Array.from([...second!, ...first!])).frames[0]).toEqual({ ok: false, reason: 'dlms.segment' });
  });
});
