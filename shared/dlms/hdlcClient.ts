/**
 * The client (primary station) side of the HDLC link of IEC 62056-46, pure: it makes the frames
 * to send and takes the frames received, and keeps the sequence numbers. Segmented APDUs go out
 * in I-frames of at most the meter's max_info_field_length_receive (§6.4.4.9.3, as the UA
 * announced it) and come in as segments the client asks for with RR (§6.4.4.4.3.4); with a
 * receive window above 1 the meter may send several frames before the one with the poll/final
 * bit, and only that one is answered (§6.4.4.4.3.3).
 */
import { concat } from './bytes';
import { DlmsError } from './errors';
import { decodeFrame, encodeFrame, FLAG, LLC_COMMAND, type Control, type HdlcAddress, type HdlcFrame } from './hdlc';
import { decodeLinkParameters, defaultLinkParameters, encodeLinkParameters, SegmentReassembler, type LinkParameters } from './hdlcLink';

/** What the client proposes in its SNRM (the meter answers with what it accepts). */
export const proposedLinkParameters: LinkParameters = { maxInfoTransmit: 128, maxInfoReceive: 1024, windowTransmit: 1, windowReceive: 7 };

/** What a received frame means for the client. */
export type LinkInput =
  | { kind: 'ua'; parameters: LinkParameters }
  | { kind: 'apdu'; apdu: Uint8Array }
  /** A segment of a longer APDU: send `reply` (an RR) to get the next one, or null while the window is open. */
  | { kind: 'segment'; reply: Uint8Array | null }
  /** The meter acknowledged a segment of our request: send `next`. */
  | { kind: 'ready'; next: Uint8Array }
  | { kind: 'dm' | 'frmr' }
  | { kind: 'ignored' };

export class HdlcClient {
  private send = 0;
  private receive = 0;
  private outgoing: Uint8Array[] = [];
  private readonly reassembler: SegmentReassembler;
  private input: Uint8Array = new Uint8Array(0);
  /** The parameters in force after the UA (the defaults of §6.4.4.9.3 before it). */
  link: LinkParameters = defaultLinkParameters;

  constructor(
    readonly client: HdlcAddress,
    readonly server: HdlcAddress,
    maxApdu = 1 << 22,
  ) {
    this.reassembler = new SegmentReassembler(maxApdu);
  }

  private frame(control: Control, info?: Uint8Array, segmented = false): Uint8Array {
    return encodeFrame({ destination: this.server, source: this.client, control, info, segmented });
  }

  snrm(): Uint8Array {
    this.send = 0;
    this.receive = 0;
    this.outgoing = [];
    this.reassembler.reset();
    this.input = new Uint8Array(0);
    return this.frame({ kind: 'SNRM', poll: true }, encodeLinkParameters(proposedLinkParameters));
  }

  disc(): Uint8Array {
    return this.frame({ kind: 'DISC', poll: true });
  }

  /** The first I-frame of an APDU; further segments follow as the meter acknowledges (`ready`). */
  request(apdu: Uint8Array): Uint8Array {
    const info = concat(LLC_COMMAND, apdu);
    // The meter's receive limit is the UA's max_info_field_length_receive (from the meter's view).
    const size = Math.max(16, this.link.maxInfoReceive);
    this.outgoing = [];
    for (let at = 0; at < info.length; at += size) this.outgoing.push(info.subarray(at, at + size));
    return this.nextOutgoing();
  }

  private nextOutgoing(): Uint8Array {
    const info = this.outgoing.shift() ?? new Uint8Array(0);
    const control: Control = { kind: 'I', send: this.send, receive: this.receive, poll: true };
    this.send = (this.send + 1) & 7;
    return this.frame(control, info, this.outgoing.length > 0);
  }

  /** An RR with the current N(R): acknowledges, or asks again for what did not arrive. */
  receiveReady(): Uint8Array {
    return this.frame({ kind: 'RR', receive: this.receive, poll: true });
  }

  /** Received bytes in; every complete frame for this client out, in order. Noise and broken frames are dropped (a timeout then repeats). */
  take(bytes: Uint8Array): LinkInput[] {
    this.input = this.input.length ? concat(this.input, bytes) : bytes.slice();
    const out: LinkInput[] = [];
    for (;;) {
      const start = this.input.indexOf(FLAG);
      if (start < 0) {
        this.input = new Uint8Array(0);
        break;
      }
      if (start + 3 > this.input.length) {
        this.input = this.input.subarray(start);
        break;
      }
      if (((this.input[start + 1] ?? 0) & 0xf0) !== 0xa0) {
        this.input = this.input.subarray(start + 1);
        continue;
      }
      const length = (((this.input[start + 1] ?? 0) & 0x07) << 8) | (this.input[start + 2] ?? 0);
      if (start + length + 2 > this.input.length) {
        this.input = this.input.subarray(start);
        break;
      }
      let frame: HdlcFrame | null = null;
      try {
        frame = decodeFrame(this.input, start).frame;
      } catch (error) {
        if (!(error instanceof DlmsError)) throw error;
      }
      this.input = this.input.subarray(start + length + 2);
      if (frame) out.push(this.onFrame(frame));
    }
    return out;
  }

  private onFrame(frame: HdlcFrame): LinkInput {
    if (frame.destination.upper !== this.client.upper) return { kind: 'ignored' };
    const c = frame.control;
    switch (c.kind) {
      case 'UA':
        return { kind: 'ua', parameters: (this.link = frame.info.length ? decodeLinkParameters(frame.info) : defaultLinkParameters) };
      case 'DM':
        return { kind: 'dm' };
      case 'FRMR':
        return { kind: 'frmr' };
      case 'RR':
        // The meter took a segment of our request and waits for the next one.
        return this.outgoing.length ? { kind: 'ready', next: this.nextOutgoing() } : { kind: 'ignored' };
      case 'I': {
        if (c.send !== this.receive) return { kind: 'ignored' }; // a repeat of a frame we have
        this.receive = (c.send + 1) & 7;
        const whole = this.reassembler.push(frame);
        if (whole) return { kind: 'apdu', apdu: whole };
        return { kind: 'segment', reply: c.poll ? this.receiveReady() : null };
      }
      default:
        return { kind: 'ignored' };
    }
  }
}
