/**
 * The bytes of a HAN/P1 customer port, cut into the APDUs the meter pushes. A port carries one
 * of three framings, told apart by their first byte:
 * - HDLC UI frames `7E A0…` (IEC 62056-46; Norwegian and Swedish HAN of Kaifa, Aidon, Kamstrup,
 *   NVE "AMS HAN-grensesnitt" and its published captures in github.com/roarfred/AmsToMqttBridge);
 * - wired M-Bus long frames `68 L L 68` with the DLMS segment CI (Austrian meters: ./mbusTransport);
 * - a bare general-glo-ciphering APDU `DB 08 …` (Luxembourg Smarty on P1, Gurux's "Smarty" notes).
 * Noise between frames is skipped; a frame that fails its check is reported once and skipped.
 */
import { ByteReader, concat } from './bytes';
import { DlmsError, type DlmsReason } from './errors';
import { decodeFrame, FLAG } from './hdlc';
import { SegmentReassembler } from './hdlcLink';
import { GENERAL_GLO_CIPHERING } from './ciphering';
import { MbusSegmentJoiner, readMbusSegment } from './mbusTransport';

export type HanChunk = { readonly ok: true; readonly apdu: Uint8Array } | { readonly ok: false; readonly reason: DlmsReason };

/** Longer than any frame of the three framings (HDLC 2049, M-Bus 261) and a Smarty APDU (about 1.2 kB). */
const MAX_PENDING = 4096;
const MBUS_START = 0x68;

export class HanStream {
  private buffer: Uint8Array = new Uint8Array(0);
  private readonly hdlc = new SegmentReassembler(1 << 16);
  private readonly mbus = new MbusSegmentJoiner();

  feed(bytes: Uint8Array): HanChunk[] {
    this.buffer = concat(this.buffer, bytes);
    const out: HanChunk[] = [];
    let at = 0;
    while (at < this.buffer.length) {
      const step = this.readAt(at, out);
      if (step === null) break; // wait for more bytes
      at = step;
    }
    this.buffer = this.buffer.slice(at);
    if (this.buffer.length > MAX_PENDING) this.buffer = this.buffer.slice(this.buffer.length - MAX_PENDING);
    return out;
  }

  /** Where to go on after the byte at `at`, or null when the frame starting there is not complete yet. */
  private readAt(at: number, out: HanChunk[]): number | null {
    const b = this.buffer;
    const first = b[at];
    if (first === FLAG && ((b[at + 1] ?? 0xa0) & 0xf0) === 0xa0) {
      if (at + 3 > b.length) return null;
      const length = (((b[at + 1] ?? 0) & 0x07) << 8) | (b[at + 2] ?? 0);
      if (at + length + 2 > b.length) return b.length - at > MAX_PENDING ? at + 1 : null;
      try {
        const { frame, next } = decodeFrame(b, at);
        const apdu = this.hdlc.push(frame);
        if (apdu) out.push({ ok: true, apdu });
        return next;
      } catch (error) {
        if (!(error instanceof DlmsError)) throw error;
        if (error.reason === 'dlms.format') return at + 1;
        // The frame ended where its length said but failed its check: skip it whole (its bytes are no new frame).
        out.push({ ok: false, reason: error.reason });
        return at + 1 + length;
      }
    }
    if (first === MBUS_START && (at + 4 > b.length || (b[at + 3] === MBUS_START && b[at + 1] === b[at + 2]))) {
      if (at + 4 > b.length || at + (b[at + 1] ?? 0) + 6 > b.length) return null;
      const { segment, reason, next } = readMbusSegment(b, at);
      if (!segment) {
        if (reason !== 'dlms.format') out.push({ ok: false, reason: reason ?? 'dlms.format' });
        return reason === 'dlms.format' ? at + 1 : next;
      }
      try {
        const apdu = this.mbus.push(segment);
        if (apdu) out.push({ ok: true, apdu });
      } catch (error) {
        if (!(error instanceof DlmsError)) throw error;
        out.push({ ok: false, reason: error.reason });
      }
      return next;
    }
    if (first === GENERAL_GLO_CIPHERING && (b[at + 1] ?? 8) === 8) {
      try {
        const r = new ByteReader(b, at + 1);
        r.take(r.length('system title'), 'system title');
        const content = r.length('ciphered content');
        if (content > MAX_PENDING) return at + 1;
        r.take(content, 'ciphered content');
        out.push({ ok: true, apdu: b.slice(at, r.pos) });
        return r.pos;
      } catch (error) {
        if (!(error instanceof DlmsError)) throw error;
        return null;
      }
    }
    return at + 1;
  }
}
