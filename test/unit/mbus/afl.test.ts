/**
 * The AFL's fragmentation (EN 13757-7:2018 §6, OMS Vol.2 Issue 4). No published fragmented
 * telegram was found, so the fragments are built from the spec's structure around a published
 * message: OMS Vol.2 Annex N.2.2 (mode 7, AFL with MCL 0x25, counter and an 8-byte CMAC, key
 * 000102…0F; published.ts). Its transport layer is cut into fragments, each a link frame of its
 * own with an AFL header; the first keeps the published MCL, counter and MAC, so the MAC check
 * passes only when the fragments are joined byte for byte as sent.
 */
import { describe, expect, it } from 'vitest';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';
import { aesCmac, aflHeader, concat, decodeTelegram, fragmentBook, hexBytes, linkFrame, mode7Key } from '../../../shared/mbus';
import { published } from './published';

const key = hexBytes(published.omsMode7.key);
const whole = linkFrame(hexBytes(published.omsMode7.hex)).bytes;
// L C M A (10 bytes), ELL CI 0x8C with CC and ACC (3), then the AFL at 13.
const linkAndEll = whole.subarray(1, 13);
const afl = aflHeader(whole, 13);
const transport = whole.subarray(afl.end);

const frame = (...parts: Uint8Array[]) => {
  const body = concat(linkAndEll, ...parts);
  return concat(Uint8Array.of(body.length), body);
};
const MF = 0x4000;
const FIRST = 0x2000 | 0x0800 | 0x0400; // MCL, MCR and MAC present
const aflBytes = (fcl: number, fields: Uint8Array = new Uint8Array(0)) =>
  concat(Uint8Array.of(0x90, 2 + fields.length, fcl & 0xff, fcl >> 8), fields);
const firstFields = (mac = afl.mac!, ml?: number) =>
  concat(Uint8Array.of(afl.control!), afl.messageCounter!, mac, ml === undefined ? new Uint8Array(0) : Uint8Array.of(ml & 0xff, ml >> 8));

/** The message in fragments cut at `cuts`, fragment ids from 1; the first carries `fields` and FCL `firstFcl`. */
function fragments(cuts: number[], fields = firstFields(), firstFcl = FIRST): Uint8Array[] {
  const bounds = [0, ...cuts, transport.length];
  return bounds.slice(0, -1).map((from, i) => {
    const more = i < bounds.length - 2 ? MF : 0;
    const header = i === 0 ? aflBytes(firstFcl | more | 1, fields) : aflBytes(more | (i + 1));
    return frame(header, transport.subarray(from, bounds[i + 1]));
  });
}

const options = () => ({ key, aes: nodeAes, fragments: fragmentBook() });
const unfragmented = decodeTelegram(hexBytes(published.omsMode7.hex), { key, aes: nodeAes });

describe('AFL fragments (EN 13757-7 §6)', () => {
  it('reads the published message whole, and the AFL header as its fields say', () => {
    expect(unfragmented.ok).toBe(true);
    expect(afl).toMatchObject({ moreFragments: false, control: 0x25, messageLength: null });
    expect(afl.mac).toHaveLength(8);
  });

  it('joins two and three fragments in order and checks the first fragment’s MAC over the whole message', () => {
    for (const cuts of [[20], [12, 28]]) {
      const o = options();
      const sent = fragments(cuts);
      for (const f of sent.slice(0, -1)) {
        const pending = decodeTelegram(f, o);
        expect(pending).toMatchObject({ ok: false, reason: 'mbus.fragmentPending', header: { manufacturer: 'ELS', id: '12345678' } });
      }
      const last = decodeTelegram(sent[sent.length - 1]!, o);
      expect(last.ok && last.telegram.records).toEqual(unfragmented.ok && unfragmented.telegram.records);
      expect(last.ok && last.telegram.encryption).toBe('mode7');
    }
  });

  it('refuses a lost fragment, fragments out of order and a continuation without its start, with mbus.fragment', () => {
    const [one, two, three] = fragments([12, 28]);
    let o = options();
    decodeTelegram(one!, o);
    expect(decodeTelegram(three!, o)).toMatchObject({ ok: false, reason: 'mbus.fragment' });
    o = options();
    expect(decodeTelegram(two!, o)).toMatchObject({ ok: false, reason: 'mbus.fragment' });
    expect(decodeTelegram(one!, o)).toMatchObject({ ok: false, reason: 'mbus.fragmentPending' });
    expect(decodeTelegram(three!, o)).toMatchObject({ ok: false, reason: 'mbus.fragment' });
  });

  it('refuses a changed byte in a later fragment by the MAC, and a fragment where no book is kept', () => {
    const [one, two] = fragments([20]);
    const changed = two!.slice();
    changed[changed.length - 1] = (changed[changed.length - 1] ?? 0) ^ 0x01;
    const o = options();
    decodeTelegram(one!, o);
    expect(decodeTelegram(changed, o)).toMatchObject({ ok: false, reason: 'mbus.decrypt' });
    expect(decodeTelegram(one!, { key, aes: nodeAes })).toMatchObject({ ok: false, reason: 'mbus.unsupported' });
  });

  it('checks ML, the whole message’s length, which the MAC then covers (Kmac by the OMS key derivation)', () => {
    const meterId = whole.subarray(4, 8);
    const kmac = mode7Key(nodeAes, key, afl.messageCounter!, meterId, 0x01);
    const ml = Uint8Array.of(transport.length & 0xff, transport.length >> 8);
    const mac = aesCmac(nodeAes, kmac, concat(Uint8Array.of(afl.control!), afl.messageCounter!, ml, transport)).subarray(0, 8);
    const withMl = fragments([30], firstFields(mac, transport.length), FIRST | 0x1000);
    const o = options();
    decodeTelegram(withMl[0]!, o);
    const read = decodeTelegram(withMl[1]!, o);
    expect(read.ok && read.telegram.records).toEqual(unfragmented.ok && unfragmented.telegram.records);

    const lying = fragments([30], firstFields(mac, transport.length + 1), FIRST | 0x1000);
    const p = options();
    decodeTelegram(lying[0]!, p);
    expect(decodeTelegram(lying[1]!, p)).toMatchObject({ ok: false, reason: 'mbus.fragment' });
  });
});
