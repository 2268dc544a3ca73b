/**
 * The authentication and fragmentation layer (AFL, CI 0x90; EN 13757-7:2018 §6, OMS Vol.2 Issue 4
 * §6.3): a message too long for one link frame is sent in fragments, each its own telegram with an
 * AFL header, and the first fragment authenticates the whole message with its MAC.
 *
 *   CI 0x90 | AFLL | FCL (2, LSB first) | [MCL 1] | [KI 2] | [MCR 4] | [MAC n] | [ML 2]
 *
 * FCL bits: 14 more fragments follow, 13 MCL present, 12 ML present, 11 MCR present, 10 MAC present,
 * 9 KI present, 7–0 the fragment id. The fields follow in that order; ML is the length of the whole
 * message (its transport layer from the CI on), sent in the first fragment.
 *
 * Reassembly (`fragmentBook`): fragments of one meter are joined in the order sent, each fragment id
 * one more than the one before. A fragment that does not follow (out of order, or one lost on the
 * air) ends the message with the coded reason `mbus.fragment`, and a message whose length is not
 * its ML likewise: never half a message. No published fragmented capture was found; the tests
 * build fragments from the spec's structure around the published OMS Annex N.2.2 message.
 */
import { concat } from './bytes';
import { fail } from './reasons';

export interface AflHeader {
  /** Offset after the AFL header: the message (or this fragment's part of it). */
  readonly end: number;
  readonly moreFragments: boolean;
  readonly fragmentId: number;
  /** MCL (message control: authentication type, EN 13757-7 Table 6) when present. */
  readonly control: number | null;
  readonly messageCounter: Uint8Array | null;
  readonly mac: Uint8Array | null;
  /** ML: the whole message's length, when present. */
  readonly messageLength: number | null;
  /** ML as sent (2 bytes), for the MAC input. */
  readonly messageLengthBytes: Uint8Array | null;
}

const need = (b: Uint8Array, at: number, count: number) => {
  if (at + count > b.length) fail('mbus.truncated', 'AFL');
};

/** The AFL header whose CI (0x90) is at `at`. */
export function aflHeader(b: Uint8Array, at: number): AflHeader {
  need(b, at, 4);
  const afll = b[at + 1] ?? 0;
  need(b, at, 2 + afll);
  const end = at + 2 + afll;
  const fcl = (b[at + 2] ?? 0) | ((b[at + 3] ?? 0) << 8);
  let field = at + 4;
  const take = (present: boolean, count: number): Uint8Array | null => {
    if (!present) return null;
    if (field + count > end) fail('mbus.length', 'AFL fields longer than AFLL');
    const bytes = b.slice(field, field + count);
    field += count;
    return bytes;
  };
  const mcl = take((fcl & 0x2000) !== 0, 1);
  take((fcl & 0x0200) !== 0, 2); // KI: which key, for key changes; we hold one key per meter
  const messageCounter = take((fcl & 0x0800) !== 0, 4);
  const messageLengthBytes = fcl & 0x1000 ? b.slice(end - 2, end) : null;
  // The MAC fills what is left between the counter and ML (its length follows from the MCL's authentication type).
  const mac = fcl & 0x0400 ? b.slice(field, end - (messageLengthBytes ? 2 : 0)) : null;
  return {
    end,
    moreFragments: (fcl & 0x4000) !== 0,
    fragmentId: fcl & 0xff,
    control: mcl ? (mcl[0] ?? 0) : null,
    messageCounter,
    mac,
    messageLength: messageLengthBytes ? (messageLengthBytes[0] ?? 0) | ((messageLengthBytes[1] ?? 0) << 8) : null,
    messageLengthBytes,
  };
}

/** Whether this AFL is part of a fragmented message: more follow, or it continues one under way. */
export const isFragment = (afl: AflHeader, pending: boolean): boolean =>
  afl.moreFragments || (pending && afl.control === null && afl.messageLength === null);

export interface FragmentBook {
  /** Whether a message of this meter is being reassembled. */
  pending(meter: string): boolean;
  /**
   * Adds one fragment (its AFL header and its part of the message); the whole message and the
   * first fragment's header once the last fragment came, null while more are to come.
   */
  add(meter: string, afl: AflHeader, part: Uint8Array): { message: Uint8Array; first: AflHeader } | null;
}

/** Bytes kept for one meter's message at most: a message is at most 16 fragments of one frame each. */
const MAX_MESSAGE = 16 * 255;

export function fragmentBook(): FragmentBook {
  const byMeter = new Map<string, { first: AflHeader; lastId: number; parts: Uint8Array[]; length: number }>();
  return {
    pending: (meter) => byMeter.has(meter),
    add(meter, afl, part) {
      const under = byMeter.get(meter);
      // A fragment that carries the message's control field starts a message; one started before and not finished is lost.
      if (afl.control !== null || afl.messageLength !== null || !under) {
        byMeter.delete(meter);
        if (afl.control === null && afl.messageLength === null)
          fail('mbus.fragment', `fragment ${afl.fragmentId} without the start of its message`);
        if (!afl.moreFragments) return { message: part, first: afl };
        byMeter.set(meter, { first: afl, lastId: afl.fragmentId, parts: [part], length: part.length });
        return null;
      }
      if (afl.fragmentId !== ((under.lastId + 1) & 0xff)) {
        byMeter.delete(meter);
        fail('mbus.fragment', `fragment ${afl.fragmentId} after ${under.lastId}`);
      }
      under.parts.push(part);
      under.lastId = afl.fragmentId;
      under.length += part.length;
      if (under.length > MAX_MESSAGE) {
        byMeter.delete(meter);
        fail('mbus.fragment', 'message longer than any meter sends');
      }
      if (afl.moreFragments) return null;
      byMeter.delete(meter);
      const message = concat(...under.parts);
      if (under.first.messageLength !== null && under.first.messageLength !== message.length)
        fail('mbus.fragment', `ML says ${under.first.messageLength} bytes, the fragments hold ${message.length}`);
      return { message, first: under.first };
    },
  };
}
