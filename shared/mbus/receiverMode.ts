/**
 * Switching a USB receiver to the radio mode the route's meters send in (issue 23 §2), and the
 * stick's confirmation. Pure: the request bytes, what a reply means, and (for the simulator) what
 * a request asks. Both sticks keep the mode only until unplugged: nothing is written to their
 * memory, so another tool's setting is never overwritten for good.
 *
 * - IMST iM871A, WMBUS-HCI DEVMGMT_MSG_SET_CONFIG_REQ (0x03): payload `NVM 0 (volatile) |
 *   IIFlag1 0x02 (link mode follows) | link mode | IIFlag2 0x30 (RSSI, timestamp follow) | RSSI on |
 *   timestamp off`; the stick answers DEVMGMT_MSG_SET_CONFIG_RSP (0x04) with a status byte, 0 = OK.
 *   Link modes (WMBUS-HCI link mode table, IMST iM871A HCI user guide): S1 0x00, T1 0x03, C1 with
 *   telegram format A 0x06 (`C1`) and with format B 0x07 (`C1B`): the stick hears a C1 meter only
 *   in the format it was set to. As published in wmbusmeters src/wmbus_im871a.cc
 *   (deviceSetLinkModes) and lvogt/ioBroker.wireless-mbus src/lib/ImstReceiver.ts (modes CA and CB,
 *   frame type B for LINK_MODE_C1B). Either way the stick hands the frame over without its CRCs
 *   and the length byte is taken from the message (receivers.ts imstTelegram), so formats A and B
 *   decode alike from there.
 * - Amber/Würth AMB8465 command mode, CMD_SET_MODE_REQ (0x04) with one mode byte; the stick answers
 *   CMD_SET_MODE_CNF (0x84 = request | 0x80) with a status byte, 0 = success. A collector listens in
 *   the "other" receive modes of the manual's mode table (AMBER wM-Bus Modules manual v2.7, as
 *   wmbusmeters src/wmbus_amb8465.cc lists them): S2 0x03 hears S1 meters, T2-Other 0x08 hears T1,
 *   C2-Other 0x0E hears C1 in both frame formats (so `C1` and `C1B` ask the Amber the same).
 */
import {
  AMBER_SET_MODE_REQ,
  encodeAmberFrame,
  encodeImstFrame,
  IMST_DEVMGMT,
  IMST_SET_CONFIG_REQ,
  imstLinkModes,
  type AmberFrame,
  type ImstFrame,
} from './receivers';
import { AmberStream, ImstStream } from './receiverStream';
import type { StickKind } from './receiverSimulator';

/** `C1` is C1 with frame format A (the usual one), `C1B` C1 with frame format B (EN 13757-4 §5.5.2). */
export const radioModes = ['T1', 'C1', 'C1B', 'S1'] as const;
export type RadioMode = (typeof radioModes)[number];

export const IMST_SET_CONFIG_RSP = 0x04;
export const AMBER_SET_MODE_CNF = 0x84;

const imstModeOf: Readonly<Record<RadioMode, number>> = {
  T1: imstLinkModes.T1,
  C1: imstLinkModes.C1A,
  C1B: imstLinkModes.C1B,
  S1: imstLinkModes.S1,
};
const amberModeOf: Readonly<Record<RadioMode, number>> = { T1: 0x08, C1: 0x0e, C1B: 0x0e, S1: 0x03 };

/**
 * Whether a stick set to `listening` hears meters sending in `sent`: the same mode, and on the
 * Amber, C1 meters in either frame format (one receive mode for both).
 */
export function hearsMode(receiver: StickKind, listening: RadioMode | null, sent: RadioMode): boolean {
  if (listening === null) return false;
  return receiver === 'amber' ? amberModeOf[listening] === amberModeOf[sent] : listening === sent;
}

const modeFor = (table: Readonly<Record<RadioMode, number>>, byte: number | undefined): RadioMode | null =>
  radioModes.find((m) => table[m] === byte) ?? null;

/** The bytes that switch the stick to listen in `mode`. */
export function modeRequest(receiver: StickKind, mode: RadioMode): Uint8Array {
  return receiver === 'im871a'
    ? encodeImstFrame({
        endpoint: IMST_DEVMGMT,
        messageId: IMST_SET_CONFIG_REQ,
        payload: Uint8Array.of(0x00, 0x02, imstModeOf[mode], 0x30, 0x01, 0x00),
        timestamp: null,
        rssi: null,
      })
    : encodeAmberFrame({ command: AMBER_SET_MODE_REQ, payload: Uint8Array.of(amberModeOf[mode]) });
}

/** What a frame from the stick says about the mode request: confirmed, refused, or nothing (another frame). */
export function imstModeReply(frame: ImstFrame): 'confirmed' | 'refused' | null {
  if (frame.endpoint !== IMST_DEVMGMT || frame.messageId !== IMST_SET_CONFIG_RSP) return null;
  return frame.payload[0] === 0x00 ? 'confirmed' : 'refused';
}

export function amberModeReply(frame: AmberFrame): 'confirmed' | 'refused' | null {
  if (frame.command !== AMBER_SET_MODE_CNF) return null;
  return frame.payload[0] === 0x00 ? 'confirmed' : 'refused';
}

/** The simulator's side: the mode an iM871A request asks for, or null for any other frame (or a mode not listed). */
export function imstModeAsked(frame: ImstFrame): RadioMode | null {
  if (frame.endpoint !== IMST_DEVMGMT || frame.messageId !== IMST_SET_CONFIG_REQ) return null;
  const flags = frame.payload[1] ?? 0;
  if (!(flags & 0x02)) return null;
  // Device mode (IIFlag1 bit 0) comes before the link mode when present.
  return modeFor(imstModeOf, frame.payload[flags & 0x01 ? 3 : 2]);
}

export function amberModeAsked(frame: AmberFrame): RadioMode | null {
  return frame.command === AMBER_SET_MODE_REQ ? modeFor(amberModeOf, frame.payload[0]) : null;
}

/** The stick's answer to a mode request (status 0 = done, 1 = refused). */
export function modeAnswer(receiver: StickKind, ok: boolean): Uint8Array {
  const status = Uint8Array.of(ok ? 0x00 : 0x01);
  return receiver === 'im871a'
    ? encodeImstFrame({ endpoint: IMST_DEVMGMT, messageId: IMST_SET_CONFIG_RSP, payload: status, timestamp: null, rssi: null })
    : encodeAmberFrame({ command: AMBER_SET_MODE_CNF, payload: status });
}

/** What mode frames a byte stream from one side holds: the modes asked (stick's side) and the replies (app's side). */
export function modeFrameReader(
  receiver: StickKind,
): (bytes: Uint8Array) => { asked: RadioMode | null; reply: 'confirmed' | 'refused' | null }[] {
  if (receiver === 'im871a') {
    const stream = new ImstStream();
    return (bytes) => stream.feed(bytes).frames.map((f) => ({ asked: imstModeAsked(f), reply: imstModeReply(f) }));
  }
  const stream = new AmberStream();
  return (bytes) => stream.feed(bytes).frames.map((f) => ({ asked: amberModeAsked(f), reply: amberModeReply(f) }));
}
