/**
 * Serial framing of the two common wM-Bus USB receivers, pure encoders and stream readers:
 *
 * - IMST iM871A, WMBUS-HCI: `A5 | control·endpoint | message id | length | payload | [timestamp 4]
 *   [RSSI 1] [FCS 2]`; control bits 0x20 timestamp, 0x40 RSSI, 0x80 FCS (CRC-16/X-25 over the
 *   bytes after A5, low byte first). A received telegram (endpoint 2, RADIOLINK_MSG_WMBUSMSG_IND)
 *   carries the frame from its C field; the HCI length is the frame's L.
 * - Amber/Würth AMB8465 command mode: `FF | command | length | payload | CS`, CS the XOR of all
 *   bytes before it; CMD_DATA_IND (0x03) carries the frame from its C field, then the RSSI byte
 *   when RSSI output is on (counted in the length).
 *
 * Sources: the IMST WMBUS-HCI constants and link modes as published in lvogt/ioBroker.wireless-mbus
 * (lib/im871a.js); the Amber frame and RSSI formula in wmbusmeters src/wmbus_amb8465.cc.
 */
const IMST_SOF = 0xa5;
const AMBER_SOF = 0xff;
export const IMST_RADIOLINK = 0x02;
export const IMST_DEVMGMT = 0x01;
export const IMST_WMBUSMSG_IND = 0x03;
export const IMST_SET_CONFIG_REQ = 0x03;
export const AMBER_DATA_IND = 0x03;
export const AMBER_SET_MODE_REQ = 0x04;

/** iM871A link modes (WMBUS-HCI "Link Mode" values). */
export const imstLinkModes = {
  S1: 0x00,
  S1m: 0x01,
  S2: 0x02,
  T1: 0x03,
  T2: 0x04,
  R2: 0x05,
  C1A: 0x06,
  C1B: 0x07,
  C2A: 0x08,
  C2B: 0x09,
} as const;

/** CRC-16/X-25 (reflected 0x1021, init and final XOR 0xFFFF): "123456789" → 0x906E. */
export function crc16X25(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let crc = 0xffff;
  for (let i = from; i < to; i++) {
    crc ^= bytes[i] ?? 0;
    for (let b = 0; b < 8; b++) crc = crc & 1 ? (crc >>> 1) ^ 0x8408 : crc >>> 1;
  }
  return crc ^ 0xffff;
}

export const xorChecksum = (bytes: Uint8Array, from = 0, to = bytes.length): number => {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i] ?? 0;
  return x;
};

export interface ImstFrame {
  readonly endpoint: number;
  readonly messageId: number;
  readonly payload: Uint8Array;
  readonly timestamp: number | null;
  /** Raw RSSI byte as the stick reports it. */
  readonly rssi: number | null;
}

export function encodeImstFrame(frame: ImstFrame, withFcs = true): Uint8Array {
  const control = (frame.timestamp !== null ? 0x20 : 0) | (frame.rssi !== null ? 0x40 : 0) | (withFcs ? 0x80 : 0);
  const length = 4 + frame.payload.length + (frame.timestamp !== null ? 4 : 0) + (frame.rssi !== null ? 1 : 0);
  const out = new Uint8Array(length + (withFcs ? 2 : 0));
  out.set([IMST_SOF, control | (frame.endpoint & 0x0f), frame.messageId, frame.payload.length]);
  out.set(frame.payload, 4);
  let at = 4 + frame.payload.length;
  if (frame.timestamp !== null) {
    new DataView(out.buffer).setUint32(at, frame.timestamp >>> 0, true);
    at += 4;
  }
  if (frame.rssi !== null) out[at++] = frame.rssi;
  if (withFcs) {
    const fcs = crc16X25(out, 1, at);
    out[at] = fcs & 0xff;
    out[at + 1] = fcs >> 8;
  }
  return out;
}

/** iM871A DEVMGMT_MSG_SET_CONFIG_REQ setting the link mode (not saved to the stick's memory). */
export const imstSetLinkMode = (mode: number): Uint8Array =>
  encodeImstFrame({
    endpoint: IMST_DEVMGMT,
    messageId: IMST_SET_CONFIG_REQ,
    payload: Uint8Array.of(0x00, 0x03, 0x00, mode, 0x08, 0x00),
    timestamp: null,
    rssi: null,
  });

export interface AmberFrame {
  readonly command: number;
  readonly payload: Uint8Array;
}

export function encodeAmberFrame(frame: AmberFrame): Uint8Array {
  const out = new Uint8Array(frame.payload.length + 4);
  out.set([AMBER_SOF, frame.command, frame.payload.length]);
  out.set(frame.payload, 3);
  out[out.length - 1] = xorChecksum(out, 0, out.length - 1);
  return out;
}

/** AMB8465 CMD_SET_MODE_REQ with the stick's mode byte (its manual's table; not saved). */
export const amberSetMode = (mode: number): Uint8Array => encodeAmberFrame({ command: AMBER_SET_MODE_REQ, payload: Uint8Array.of(mode) });

/** AMB8465 RSSI byte to dBm (two's complement, half-dB steps, −74 dB offset). */
export const amberRssiDbm = (raw: number): number => (raw >= 128 ? raw - 256 : raw) / 2 - 74;

/** The wM-Bus frame (with its L field, without CRCs) a received-telegram frame carries, or null for any other frame. */
export function imstTelegram(frame: ImstFrame): Uint8Array | null {
  if (frame.endpoint !== IMST_RADIOLINK || frame.messageId !== IMST_WMBUSMSG_IND) return null;
  const out = new Uint8Array(frame.payload.length + 1);
  out[0] = frame.payload.length;
  out.set(frame.payload, 1);
  return out;
}

export function amberTelegram(frame: AmberFrame, rssiOn: boolean): { telegram: Uint8Array; rssiDbm: number | null } | null {
  if (frame.command !== AMBER_DATA_IND) return null;
  const body = rssiOn ? frame.payload.subarray(0, frame.payload.length - 1) : frame.payload;
  const telegram = new Uint8Array(body.length + 1);
  telegram[0] = body.length;
  telegram.set(body, 1);
  return { telegram, rssiDbm: rssiOn ? amberRssiDbm(frame.payload[frame.payload.length - 1] ?? 0) : null };
}
