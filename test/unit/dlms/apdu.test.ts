import { describe, expect, it } from 'vitest';
import {
  decodeAare,
  decodeAarq,
  decodeApdu,
  DIAGNOSTIC_AUTHENTICATION_FAILURE,
  encodeAare,
  encodeAarq,
  encodeApdu,
  obisToBytes,
  type XdlmsApdu,
} from '../../../shared/dlms';
import { hex } from './fixtures';

const clock = { classId: 8, logicalName: obisToBytes('0-0:1.0.0.255') ?? new Uint8Array(6), index: 2 };

describe('xDLMS APDUs', () => {
  it('encodes an AARQ with LN referencing and no security as LN clients send it', () => {
    expect(encodeAarq({ authentication: { mechanism: 'none' }, conformance: 0x001e1d, maxReceivePdu: 0xffff })).toEqual(
      hex('601D A109 0607 60857405080101 BE10 040E 01 00 00 00 06 5F1F0400 001E1D FFFF'),
    );
  });

  it('carries the LLS password in the AARQ and the meter reads it back', () => {
    const aarq = encodeAarq({ authentication: { mechanism: 'low', password: new TextEncoder().encode('12345678') } });
    const content = decodeAarq(aarq);
    expect(content.mechanism).toBe('low');
    expect(new TextDecoder().decode(content.secret ?? new Uint8Array(0))).toBe('12345678');
  });

  it('reads an accepted AARE and one refused for a wrong password', () => {
    const accepted = decodeAare(encodeAare({ result: 0, diagnostic: 0, maxPdu: 0x1f4 }));
    expect(accepted).toMatchObject({ accepted: true, maxPdu: 0x1f4, conformance: 0x001e1d });
    const refused = decodeAare(encodeAare({ result: 1, diagnostic: DIAGNOSTIC_AUTHENTICATION_FAILURE }));
    expect(refused).toMatchObject({ accepted: false, result: 1, diagnostic: 13 });
  });

  it('encodes and decodes GET normal with the Green Book bytes, and every other service', () => {
    const get: XdlmsApdu = { kind: 'get-request', invokeId: 0, reference: clock, access: null };
    expect(encodeApdu(get)).toEqual(hex('C0010000080000010000FF0200'));
    const all: XdlmsApdu[] = [
      get,
      { kind: 'get-request-next', invokeId: 0xc1, blockNumber: 3 },
      {
        kind: 'get-request-list',
        invokeId: 0xc1,
        references: [
          { reference: clock, access: null },
          { reference: { ...clock, index: 3 }, access: { selector: 1, parameters: { type: 'null' } } },
        ],
      },
      { kind: 'get-response', invokeId: 0xc1, result: { ok: true, value: { type: 'uint32', value: 1468 } } },
      { kind: 'get-response', invokeId: 0xc1, result: { ok: false, accessResult: 3 } },
      { kind: 'get-response-block', invokeId: 0xc1, lastBlock: false, blockNumber: 1, raw: hex('0102'), accessResult: null },
      {
        kind: 'get-response-list',
        invokeId: 0xc1,
        results: [
          { ok: true, value: { type: 'null' } },
          { ok: false, accessResult: 4 },
        ],
      },
      {
        kind: 'set-request',
        invokeId: 0xc1,
        reference: clock,
        access: null,
        value: { type: 'octet-string', bytes: hex('07EA0C0701030000FF800000') },
      },
      { kind: 'set-response', invokeId: 0xc1, result: 0 },
      {
        kind: 'action-request',
        invokeId: 0xc1,
        reference: { classId: 70, logicalName: obisToBytes('0-0:96.3.10.255') ?? new Uint8Array(6), index: 1 },
        parameters: { type: 'int8', value: 0 },
      },
      { kind: 'action-response', invokeId: 0xc1, result: 0, returned: null },
      { kind: 'data-notification', invokeId: 0x40000000, dateTime: null, body: { type: 'structure', items: [] } },
      { kind: 'general-block-transfer', lastBlock: true, streaming: false, window: 1, blockNumber: 2, blockAck: 0, data: hex('C401C100') },
      { kind: 'exception-response', stateError: 1, serviceError: 2 },
    ];
    for (const apdu of all) expect(decodeApdu(encodeApdu(apdu))).toEqual(apdu);
  });

  it('refuses an unknown service and trailing bytes with coded reasons', () => {
    expect(() => decodeApdu(hex('C409C1'))).toThrow(expect.objectContaining({ reason: 'dlms.unsupported' }));
    expect(() => decodeApdu(hex('C401C10011FF00'))).toThrow(expect.objectContaining({ reason: 'dlms.format' }));
    expect(() => decodeApdu(hex('C401C100'))).toThrow(expect.objectContaining({ reason: 'dlms.truncated' }));
  });
});
