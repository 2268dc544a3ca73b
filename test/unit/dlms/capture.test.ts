import { describe, expect, it } from 'vitest';
import { nodeAesGcm } from '../../../electron/services/dlms/aesGcm';
import {
  array,
  concat,
  decodeCapture,
  encipherApdu,
  encodeApdu,
  encodeFrame,
  encodeValue,
  enumValue,
  i8,
  obisToBytes,
  octets,
  structure,
  u16,
  u32,
  type HdlcAddress,
} from '../../../shared/dlms';
import { greenBook as gb, kamstrupHanPush } from './fixtures';

const ln = (obis: string) => obisToBytes(obis) ?? new Uint8Array(6);
const meter: HdlcAddress = { upper: 1, lower: 17, size: 2 };
const client: HdlcAddress = { upper: 16, lower: null, size: 1 };

describe('decoding a capture', () => {
  it('reads the Kamstrup HAN push: OBIS/value pairs, values as sent (no scaler in the frame)', () => {
    const result = decodeCapture(kamstrupHanPush);
    expect(result).toMatchObject({ frames: [{ ok: true, reason: null }], apdu: 'data-notification', encrypted: false, reason: null });
    expect(result.objects).toContainEqual({ obis: '1-1:1.7.0.255', classId: null, attribute: null, value: '1468', unit: null });
    expect(result.objects).toContainEqual({ obis: '1-1:32.7.0.255', classId: null, attribute: null, value: '232', unit: null });
    expect(result.objects).toContainEqual({
      obis: '1-1:96.1.1.255',
      classId: null,
      attribute: null,
      value: '6841121BN243101040',
      unit: null,
    });
  });

  it('reads a push that sends its captured objects before the values, scaling by the scaler_unit it carries', () => {
    const body = structure(
      array([
        structure(u16(3), octets(ln('1-0:1.8.0.255')), i8(2), u16(0)),
        structure(u16(3), octets(ln('1-0:1.8.0.255')), i8(3), u16(0)),
        structure(u16(1), octets(ln('0-0:96.1.0.255')), i8(2), u16(0)),
      ]),
      u32(123456),
      structure(i8(-1), enumValue(30)),
      octets(new TextEncoder().encode('ABC')),
    );
    const apdu = encodeApdu({ kind: 'data-notification', invokeId: 1, dateTime: null, body });
    const { objects } = decodeCapture(apdu);
    expect(objects).toEqual([
      { obis: '1-0:1.8.0.255', classId: 3, attribute: 2, value: '12345.6', unit: 'Wh' },
      { obis: '0-0:96.1.0.255', classId: 1, attribute: 2, value: '414243', unit: null },
    ]);
  });

  it('names a GET response by its request, applies the register scaler, and joins blocks of a long response', () => {
    const invoke = 0xc1;
    const energy = { classId: 3, logicalName: ln('1-0:1.8.0.255'), index: 2 };
    const request = encodeApdu({
      kind: 'get-request-list',
      invokeId: invoke,
      references: [
        { reference: energy, access: null },
        { reference: { ...energy, index: 3 }, access: null },
      ],
    });
    const response = encodeApdu({
      kind: 'get-response-list',
      invokeId: invoke,
      results: [
        { ok: true, value: u32(987654) },
        { ok: true, value: structure(i8(-3), enumValue(30)) },
      ],
    });
    const frames = [
      encodeFrame({
        destination: meter,
        source: client,
        control: { kind: 'I', send: 0, receive: 0, poll: true },
        info: concat(Uint8Array.of(0xe6, 0xe6, 0), request),
      }),
      encodeFrame({
        destination: client,
        source: meter,
        control: { kind: 'I', send: 0, receive: 1, poll: true },
        info: concat(Uint8Array.of(0xe6, 0xe7, 0), response),
      }),
    ];
    const result = decodeCapture(concat(...frames));
    expect(result.apdu).toBe('get-response');
    expect(result.objects).toEqual([{ obis: '1-0:1.8.0.255', classId: 3, attribute: 2, value: '987.654', unit: 'Wh' }]);

    const raw = encodeValue(u32(42));
    const single = encodeApdu({ kind: 'get-request', invokeId: 2, reference: energy, access: null });
    const parts = [
      encodeApdu({
        kind: 'get-response-block',
        invokeId: 2,
        lastBlock: false,
        blockNumber: 1,
        raw: raw.subarray(0, 2),
        accessResult: null,
      }),
      encodeApdu({ kind: 'get-response-block', invokeId: 2, lastBlock: true, blockNumber: 2, raw: raw.subarray(2), accessResult: null }),
    ];
    const hdlc = [single, ...parts].map((apdu, i) =>
      encodeFrame({
        destination: client,
        source: meter,
        control: { kind: 'I', send: i, receive: 0, poll: true },
        info: concat(Uint8Array.of(0xe6, 0xe7, 0), apdu),
      }),
    );
    expect(decodeCapture(concat(...hdlc)).objects).toEqual([{ obis: '1-0:1.8.0.255', classId: 3, attribute: 2, value: '42', unit: null }]);
  });

  it('opens a general-glo-ciphering push with the right key and prints nothing with a wrong one', () => {
    const push = encodeApdu({
      kind: 'data-notification',
      invokeId: 5,
      dateTime: null,
      body: structure(octets(ln('1-0:1.7.0.255')), u32(1468)),
    });
    const wrapped = encipherApdu(push, {
      gcm: nodeAesGcm,
      encryptionKey: gb.encryptionKey,
      authenticationKey: gb.authenticationKey,
      systemTitle: gb.systemTitle,
      invocationCounter: 9,
      general: true,
    });
    const opened = decodeCapture(wrapped, { gcm: nodeAesGcm, encryptionKey: gb.encryptionKey, authenticationKey: gb.authenticationKey });
    expect(opened).toMatchObject({ encrypted: true, decrypted: true, reason: null, objects: [{ obis: '1-0:1.7.0.255', value: '1468' }] });
    const wrong = decodeCapture(wrapped, { gcm: nodeAesGcm, encryptionKey: new Uint8Array(16), authenticationKey: gb.authenticationKey });
    expect(wrong).toMatchObject({ encrypted: true, decrypted: false, reason: 'dlms.decrypt', objects: [] });
    expect(decodeCapture(wrapped)).toMatchObject({ encrypted: true, decrypted: false, reason: 'dlms.no-key', objects: [] });
  });

  it('joins General Block Transfer blocks into the push they carry', () => {
    const push = encodeApdu({
      kind: 'data-notification',
      invokeId: 3,
      dateTime: null,
      body: structure(octets(ln('1-0:2.7.0.255')), u32(77)),
    });
    const blocks = [push.subarray(0, 7), push.subarray(7)].map((data, i) =>
      encodeApdu({
        kind: 'general-block-transfer',
        lastBlock: i === 1,
        streaming: false,
        window: 1,
        blockNumber: i + 1,
        blockAck: 0,
        data,
      }),
    );
    expect(decodeCapture(concat(...blocks))).toMatchObject({
      apdu: 'data-notification',
      reason: null,
      objects: [{ obis: '1-0:2.7.0.255', value: '77' }],
    });
  });

  it('reports a broken frame and a segment out of order per frame', () => {
    const bad = kamstrupHanPush.slice();
    bad[50] = (bad[50] ?? 0) ^ 1;
    expect(decodeCapture(bad).frames).toEqual([{ ok: false, reason: 'dlms.fcs' }]);
    const seg = (send: number, segmented: boolean) =>
      encodeFrame({
        destination: client,
        source: meter,
        control: { kind: 'I', send, receive: 0, poll: false },
        segmented,
        info: Uint8Array.of(0xe6, 0xe7, 0, 0xc4),
      });
    expect(decodeCapture(concat(seg(0, true), seg(2, false))).frames).toEqual([
      { ok: true, reason: null },
      { ok: false, reason: 'dlms.segment' },
    ]);
  });
});
