/**
 * Switching a receiver's radio mode (shared/mbus/receiverMode.ts). The byte values are the
 * published ones: the AMB8465 CMD_SET_MODE_REQ for T2-Other (T1 meters) is FF 04 01 08 F2, the
 * request wmbusmeters sends (src/wmbus_amb8465.cc deviceSetLinkModes, mode table of the AMBER
 * wM-Bus manual v2.7); the iM871A DEVMGMT_MSG_SET_CONFIG_REQ payload 00 02 <mode> 30 01 00 is the
 * one wmbusmeters sends (src/wmbus_im871a.cc), link mode T1 = 0x03 (WMBUS-HCI).
 */
import { describe, expect, it } from 'vitest';
import {
  AmberStream,
  amberModeAsked,
  amberModeReply,
  crc16X25,
  hearsMode,
  ImstStream,
  imstModeAsked,
  imstModeReply,
  modeAnswer,
  modeFrameReader,
  modeRequest,
  radioModes,
  toHex,
} from '../../../shared/mbus';

describe('receiver radio mode', () => {
  it('asks the AMB8465 for the collector receive mode of each meter mode', () => {
    expect(toHex(modeRequest('amber', 'T1'))).toBe('FF040108F2');
    expect(toHex(modeRequest('amber', 'C1'))).toBe('FF04010EF4');
    expect(toHex(modeRequest('amber', 'S1'))).toBe('FF040103F9');
  });

  it('asks the iM871A for the link mode with RSSI on, not stored in its memory, under a valid FCS', () => {
    const request = modeRequest('im871a', 'T1');
    expect(toHex(request.subarray(0, 10))).toBe('A5810306000203300100');
    const fcs = crc16X25(request, 1, request.length - 2);
    expect([request[request.length - 2], request[request.length - 1]]).toEqual([fcs & 0xff, fcs >> 8]);
    expect(toHex(modeRequest('im871a', 'C1').subarray(6, 7))).toBe('06');
    expect(toHex(modeRequest('im871a', 'S1').subarray(6, 7))).toBe('00');
    // WMBUS-HCI link mode C1 with telegram format B (ioBroker.wireless-mbus LINK_MODE_C1B = 0x07).
    expect(toHex(modeRequest('im871a', 'C1B').subarray(6, 7))).toBe('07');
    // The Amber hears C1 meters of both frame formats in one receive mode, C2-Other.
    expect(toHex(modeRequest('amber', 'C1B'))).toBe(toHex(modeRequest('amber', 'C1')));
  });

  it('a stick hears the meters of the mode it was set to; an iM871A set to C1 format A does not hear format B meters', () => {
    for (const mode of radioModes) expect(hearsMode('im871a', mode, mode)).toBe(true);
    expect(hearsMode('im871a', 'C1', 'C1B')).toBe(false);
    expect(hearsMode('im871a', 'C1B', 'C1')).toBe(false);
    expect(hearsMode('im871a', 'T1', 'S1')).toBe(false);
    expect(hearsMode('im871a', null, 'T1')).toBe(false);
    expect(hearsMode('amber', 'C1', 'C1B')).toBe(true);
    expect(hearsMode('amber', 'T1', 'C1')).toBe(false);
  });

  it('reads back every mode it asks for, as the simulated stick does', () => {
    for (const mode of radioModes) {
      expect(imstModeAsked(new ImstStream().feed(modeRequest('im871a', mode)).frames[0]!)).toBe(mode);
      expect(amberModeAsked(new AmberStream().feed(modeRequest('amber', mode)).frames[0]!)).toBe(mode === 'C1B' ? 'C1' : mode);
    }
  });

  it("tells the stick's confirmation from its refusal and from any other frame", () => {
    expect(toHex(modeAnswer('amber', true))).toBe('FF8401007A');
    expect(amberModeReply(new AmberStream().feed(modeAnswer('amber', true)).frames[0]!)).toBe('confirmed');
    expect(amberModeReply(new AmberStream().feed(modeAnswer('amber', false)).frames[0]!)).toBe('refused');
    expect(imstModeReply(new ImstStream().feed(modeAnswer('im871a', true)).frames[0]!)).toBe('confirmed');
    expect(imstModeReply(new ImstStream().feed(modeAnswer('im871a', false)).frames[0]!)).toBe('refused');
    // A request is not a reply (the stick's own echo must not count as its confirmation).
    expect(modeFrameReader('amber')(modeRequest('amber', 'T1'))).toEqual([{ asked: 'T1', reply: null }]);
    expect(modeFrameReader('im871a')(modeRequest('im871a', 'T1'))).toEqual([{ asked: 'T1', reply: null }]);
  });
});
