import { describe, expect, it } from 'vitest';
import {
  crc16X25,
  decodeControl,
  decodeFrame,
  decodeLinkParameters,
  DlmsError,
  encodeControl,
  encodeFrame,
  encodeLinkParameters,
  scanFrames,
  SegmentReassembler,
  type Control,
  type HdlcAddress,
} from '../../../shared/dlms';
import { guruxSnrm, hex, kamstrupHanPush } from './fixtures';

const client: HdlcAddress = { upper: 16, lower: null, size: 1 };
const server: HdlcAddress = { upper: 1, lower: null, size: 1 };
const asciiBytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('HDLC frames (IEC 62056-46)', () => {
  it('computes CRC-16/X-25 (check value of "123456789" is 0x906E)', () => {
    expect(crc16X25(asciiBytes('123456789'))).toBe(0x906e);
  });

  it('encodes the Gurux SNRM byte for byte and decodes it back', () => {
    const snrm = encodeFrame({ destination: server, source: client, control: { kind: 'SNRM', poll: true } });
    expect(snrm).toEqual(guruxSnrm);
    const { frame } = decodeFrame(guruxSnrm);
    expect(frame).toMatchObject({
      destination: server,
      source: client,
      control: { kind: 'SNRM', poll: true },
      segmented: false,
      info: new Uint8Array(0),
    });
  });

  it('checks HCS and FCS of a published Kamstrup HAN frame, and refuses one altered byte', () => {
    const { frame } = decodeFrame(kamstrupHanPush);
    expect(frame.control.kind).toBe('UI');
    expect(frame.info.length).toBe(0xe3 - 9); // length counts format, two addresses, control, HCS and FCS
    const broken = kamstrupHanPush.slice();
    broken[40] = (broken[40] ?? 0) ^ 1;
    expect(() => decodeFrame(broken)).toThrow(expect.objectContaining({ reason: 'dlms.fcs' }));
    const header = kamstrupHanPush.slice();
    header[3] = 0x2d;
    expect(() => decodeFrame(header)).toThrow(expect.objectContaining({ reason: 'dlms.fcs' }));
  });

  it('refuses a wrong header check sequence when the FCS is recomputed (a header altered in transit)', () => {
    const info = Uint8Array.of(0xe6, 0xe6, 0x00, 0xc0, 0x01);
    const frame = encodeFrame({ destination: server, source: client, control: { kind: 'I', send: 0, receive: 0, poll: true }, info });
    frame[6] = (frame[6] ?? 0) ^ 0xff; // HCS low byte
    const fcs = crc16X25(frame, 1, frame.length - 3);
    [frame[frame.length - 3], frame[frame.length - 2]] = [fcs & 0xff, fcs >> 8];
    expect(() => decodeFrame(frame)).toThrow(expect.objectContaining({ reason: 'dlms.hcs' }));
  });

  it('encodes 2- and 4-byte server addresses (upper and lower HDLC address)', () => {
    for (const destination of [
      { upper: 1, lower: 17, size: 2 },
      { upper: 1, lower: 0x3fff, size: 4 },
    ] satisfies HdlcAddress[]) {
      const bytes = encodeFrame({ destination, source: client, control: { kind: 'DISC', poll: true } });
      expect(decodeFrame(bytes).frame.destination).toEqual(destination);
    }
    // 4-byte form: 0x0002 0x0023 on the wire for upper 1, lower 17 (Green Book §8.4.2.2 example)
    expect([
      ...encodeFrame({
        destination: { upper: 1, lower: 17, size: 4 },
        source: { upper: 120, lower: null, size: 1 },
        control: { kind: 'SNRM', poll: true },
      }).subarray(3, 8),
    ]).toEqual([0x00, 0x02, 0x00, 0x23, 0xf1]);
  });

  it('encodes and decodes every control field kind', () => {
    const controls: [Control, number][] = [
      [{ kind: 'I', send: 3, receive: 5, poll: true }, 0xb6],
      [{ kind: 'RR', receive: 2, poll: true }, 0x51],
      [{ kind: 'RNR', receive: 2, poll: false }, 0x45],
      [{ kind: 'SNRM', poll: true }, 0x93],
      [{ kind: 'UA', poll: true }, 0x73],
      [{ kind: 'DISC', poll: true }, 0x53],
      [{ kind: 'DM', poll: true }, 0x1f],
      [{ kind: 'FRMR', poll: true }, 0x97],
      [{ kind: 'UI', poll: true }, 0x13],
    ];
    for (const [control, byte] of controls) {
      expect(encodeControl(control)).toBe(byte);
      expect(decodeControl(byte)).toEqual(control);
    }
  });

  it('negotiates SNRM/UA parameters: the common 81 80 14 … field, defaults when empty, windows past 7 refused', () => {
    const field = hex('818014 0502 0080 0602 0080 0704 00000001 0804 00000001');
    expect(decodeLinkParameters(field)).toEqual({ maxInfoTransmit: 128, maxInfoReceive: 128, windowTransmit: 1, windowReceive: 1 });
    const mine = { maxInfoTransmit: 0x400, maxInfoReceive: 0x80, windowTransmit: 7, windowReceive: 1 };
    expect(decodeLinkParameters(encodeLinkParameters(mine))).toEqual(mine);
    expect(decodeLinkParameters(new Uint8Array(0)).windowReceive).toBe(1);
    expect(() => decodeLinkParameters(encodeLinkParameters({ ...mine, windowTransmit: 8 }))).toThrow(DlmsError);
  });

  it('joins segmented I-frames in order and refuses a segment out of order', () => {
    const segment = (send: number, segmented: boolean, info: Uint8Array) =>
      decodeFrame(
        encodeFrame({ destination: client, source: server, control: { kind: 'I', send, receive: 1, poll: false }, segmented, info }),
      ).frame;
    const joiner = new SegmentReassembler();
    expect(joiner.push(segment(6, true, hex('E6E700 C40281')))).toBeNull();
    expect(joiner.push(segment(7, true, hex('0102')))).toBeNull();
    expect(joiner.push(segment(0, false, hex('0304')))).toEqual(hex('C40281 0102 0304'));
    expect(joiner.push(segment(1, true, hex('E6E700 C4')))).toBeNull();
    expect(() => joiner.push(segment(3, false, hex('01')))).toThrow(expect.objectContaining({ reason: 'dlms.segment' }));
    expect(joiner.pending).toBe(false);
  });

  it('scans a stream of frames sharing flags and reports a broken one without losing the next', () => {
    const a = encodeFrame({ destination: server, source: client, control: { kind: 'SNRM', poll: true } });
    const b = encodeFrame({ destination: client, source: server, control: { kind: 'UA', poll: true } });
    const bad = a.slice();
    bad[bad.length - 2] = (bad[bad.length - 2] ?? 0) ^ 0x55;
    const stream = Uint8Array.from([...a, ...b.subarray(1), ...bad, ...b]);
    const scanned = [...scanFrames(stream)];
    expect(scanned.map((s) => (s.ok ? s.frame.control.kind : s.reason))).toEqual(['SNRM', 'UA', 'dlms.fcs', 'UA']);
  });
});
