import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeAesGcm } from '../../../electron/services/dlms/aesGcm';
import { decodeApdu, decodeCapture, decodeValue, DlmsError, encodeValue, type DlmsValue } from '../../../shared/dlms';
import { greenBook as gb, kamstrupHanPush } from './fixtures';

/** A published frame with bytes flipped, dropped, inserted or cut off. */
const garbled = fc
  .tuple(
    fc.constantFrom(kamstrupHanPush, gb.authenticatedEncrypted),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'drop', 'insert', 'cut')), { maxLength: 6 }),
  )
  .map(([frame, edits]) => {
    let out = Array.from(frame);
    for (const [at, value, kind] of edits) {
      const i = out.length ? at % out.length : 0;
      if (kind === 'flip') out[i] = value;
      else if (kind === 'drop') out.splice(i, 1);
      else if (kind === 'insert') out.splice(i, 0, value);
      else out = out.slice(0, i);
    }
    return Uint8Array.from(out);
  });

const scalar: fc.Arbitrary<DlmsValue> = fc.oneof(
  fc.constant<DlmsValue>({ type: 'null' }),
  fc.boolean().map((value): DlmsValue => ({ type: 'boolean', value })),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((value): DlmsValue => ({ type: 'int32', value })),
  fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((value): DlmsValue => ({ type: 'uint32', value })),
  fc.integer({ min: 0, max: 65535 }).map((value): DlmsValue => ({ type: 'uint16', value })),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value): DlmsValue => ({ type: 'int64', value })),
  fc.uint8Array({ maxLength: 300 }).map((bytes): DlmsValue => ({ type: 'octet-string', bytes })),
  fc.string({ maxLength: 40 }).map((text): DlmsValue => ({ type: 'utf8-string', text })),
);
const { value: tree } = fc.letrec<{ value: DlmsValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 5 }).map((items): DlmsValue => ({ type: 'structure', items })),
    fc.array(tie('value'), { maxLength: 5 }).map((items): DlmsValue => ({ type: 'array', items })),
  ),
}));

const onlyCoded = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (!(error instanceof DlmsError)) throw error;
  }
};

describe('DLMS decoders on any input', () => {
  it('round-trips any A-XDR value tree', () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(decodeValue(encodeValue(value))).toEqual(value);
      }),
    );
  });

  it('never fail with anything but a coded error on garbled or random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(garbled, fc.uint8Array({ maxLength: 400 })), (bytes) => {
        onlyCoded(() => decodeValue(bytes));
        onlyCoded(() => decodeApdu(bytes));
        const result = decodeCapture(bytes, {
          gcm: nodeAesGcm,
          encryptionKey: gb.encryptionKey,
          authenticationKey: gb.authenticationKey,
          systemTitle: gb.systemTitle,
        });
        // a capture whose frames fail or whose decryption fails shows no values from that APDU
        if (result.reason === 'dlms.decrypt') expect(result.objects).toEqual([]);
      }),
    );
  });
});
