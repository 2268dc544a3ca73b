/**
 * A simulated wired M-Bus segment (issue 23 §6): a few meters, each with a primary address and the
 * RSP_UD telegram(s) it answers, behaving as EN 13757-2/-3 says a meter does — E5 to SND_NKE and to
 * a selection that matches it, its telegram to REQ_UD2 (the same one again while the FCB does not
 * toggle, the next one when it does), silence to anything else. Several meters selected at once
 * answer together, and the master hears a garbled character (a collision). Pure: bytes in, bytes out.
 */
import { ACK, checksum, longFrame, wiredFrame } from './wiredFrame';
import {
  CI_APPLICATION_RESET,
  CI_DATA_SEND,
  CI_SELECT,
  FCB,
  maskMatches,
  REQ_UD2,
  secondaryAddressOf,
  SELECTED,
  SND_NKE,
  SND_UD,
} from './wiredRequests';

export interface WiredMeterProfile {
  readonly primary: number;
  /** RSP_UD long frames as the meter sends them (its primary address is written in). */
  readonly telegrams: readonly Uint8Array[];
}

interface MeterState {
  readonly primary: number;
  readonly secondary: string;
  readonly telegrams: readonly Uint8Array[];
  selected: boolean;
  lastFcb: boolean | null;
  next: number;
}

/** A collision as the master hears it: not E5, not a frame start. */
const GARBLED = Uint8Array.of(0xff);

/** The telegram with this primary address written into its A field (checksum recomputed). */
function addressed(frame: Uint8Array, primary: number): Uint8Array {
  const f = wiredFrame(frame);
  if (f.kind !== 'long') return frame;
  return longFrame(f.control, primary, f.ci, f.bytes.subarray(7));
}

export interface WiredBus {
  answer(request: Uint8Array): Uint8Array | null;
  /** Application resets (CI 0x50) each meter confirmed, by primary address: the subcode, or null without one. */
  resets(): ReadonlyMap<number, readonly (number | null)[]>;
}

export function wiredBus(profiles: readonly WiredMeterProfile[]): WiredBus {
  const resets = new Map<number, (number | null)[]>();
  const meters: MeterState[] = profiles.map((p) => ({
    primary: p.primary,
    secondary: secondaryAddressOf(p.telegrams[0] ?? new Uint8Array(0)) ?? '',
    telegrams: p.telegrams.map((t) => addressed(t, p.primary)),
    selected: false,
    lastFcb: null,
    next: 0,
  }));
  const at = (address: number) => meters.filter((m) => (address === SELECTED ? m.selected : m.primary === address));
  const together = (answering: readonly MeterState[], reply: (m: MeterState) => Uint8Array): Uint8Array | null =>
    answering.length === 0 ? null : answering.length === 1 ? reply(answering[0]!) : GARBLED;

  return {
    resets: () => resets,
    answer(request) {
      // Short frame 10 C A CS 16
      if (request[0] === 0x10 && request.length === 5 && checksum(request, 1, 3) === request[3]) {
        const control = request[1] ?? 0;
        const answering = at(request[2] ?? 0);
        if (control === SND_NKE)
          return together(answering, (m) => {
            m.lastFcb = null;
            m.next = 0;
            return Uint8Array.of(ACK);
          });
        if ((control & ~FCB) === REQ_UD2)
          return together(answering, (m) => {
            const fcb = (control & FCB) !== 0;
            // A toggled FCB asks for the next telegram; the same FCB asks for the last one again.
            const index = m.lastFcb !== null && fcb !== m.lastFcb ? (m.next + 1) % m.telegrams.length : m.next;
            m.lastFcb = fcb;
            m.next = index;
            return m.telegrams[index]!;
          });
        return null;
      }
      // Selection: 68 0B 0B 68 53|73 FD 52 ID₄ MAN₂ VER MED CS 16
      let frame;
      try {
        frame = wiredFrame(request);
      } catch {
        return null;
      }
      // A reset without subcode is a control frame (L = 3), with one a long frame.
      if ((frame.kind !== 'long' && frame.kind !== 'control') || (frame.control & ~FCB) !== SND_UD) return null;
      if (frame.ci === CI_APPLICATION_RESET || frame.ci === CI_DATA_SEND) {
        const reset = frame.ci === CI_APPLICATION_RESET;
        const subcode = frame.bytes.length > 7 ? (frame.bytes[7] ?? 0) : null;
        return together(at(frame.address), (m) => {
          // EN 13757-3: after an application reset the meter answers from its first telegram again.
          if (reset) {
            m.next = 0;
            m.lastFcb = null;
            resets.set(m.primary, [...(resets.get(m.primary) ?? []), subcode]);
          }
          return Uint8Array.of(ACK);
        });
      }
      if (frame.kind !== 'long' || frame.address !== SELECTED || frame.ci !== CI_SELECT) return null;
      const d = frame.bytes.subarray(7, 15);
      const hex = (from: number, count: number) =>
        Array.from(d.subarray(from, from + count))
          .reverse()
          .map((b) => b.toString(16).padStart(2, '0'))
          .join('')
          .toUpperCase();
      const mask = `${hex(0, 4)}${hex(4, 2)}${hex(6, 1)}${hex(7, 1)}`;
      for (const m of meters) m.selected = maskMatches(mask, m.secondary);
      return together(
        meters.filter((m) => m.selected),
        () => Uint8Array.of(ACK),
      );
    },
  };
}

/** Cuts a master's bytes into requests: short frames and long frames; anything else is skipped. */
export class WiredRequestReader {
  private buffer: number[] = [];

  feed(chunk: Uint8Array): Uint8Array[] {
    this.buffer.push(...chunk);
    const out: Uint8Array[] = [];
    for (;;) {
      const first = this.buffer[0];
      if (first === undefined) break;
      const length = first === 0x10 ? 5 : first === 0x68 && this.buffer.length >= 2 ? (this.buffer[1] ?? 0) + 6 : first === 0x68 ? null : 1;
      if (length === null || this.buffer.length < length) break;
      const bytes = this.buffer.splice(0, length);
      if (length > 1) out.push(Uint8Array.from(bytes));
    }
    return out;
  }
}
