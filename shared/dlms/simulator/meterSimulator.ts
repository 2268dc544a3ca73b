/**
 * A DLMS/COSEM meter as a pure state machine over HDLC (IEC 62056-46): feed it the bytes a client
 * sends, it returns the frames to write back. SNRM → UA with the negotiated parameters; AARQ with
 * the LLS password → AARE (refused with diagnostic 13 for a wrong one); GET (with range access on
 * the profile, and block transfer when a response passes the PDU size); SET of the clock; ACTION
 * on the disconnect control; RLRQ → RLRE; DISC → UA. Long responses leave in segmented I-frames,
 * one per RR from the client. The medium (a PTY, a test) is the caller's.
 */
import { decodeAarq, encodeAare, DIAGNOSTIC_AUTHENTICATION_FAILURE, RLRE } from '../acse';
import { encodeValue } from '../axdr';
import { concat } from '../bytes';
import { enumValue, octets, u32, type DlmsValue } from '../dataTypes';
import { encodeDateTime, dateTimeEpoch, parseDateTime } from '../dateTime';
import { DlmsError } from '../errors';
import { decodeFrame, encodeFrame, FLAG, LLC_RESPONSE, type Control, type HdlcAddress, type HdlcFrame } from '../hdlc';
import { decodeLinkParameters, encodeLinkParameters, SegmentReassembler } from '../hdlcLink';
import { HlsServer, type HlsMeterKeys } from './hlsServer';
import { DemandObjects } from './demandObjects';
import { EventLogObjects } from './eventLogObjects';
import { decodeApdu, encodeApdu, type CosemReference, type GetResult, type XdlmsApdu } from '../xdlms';
import {
  CHANNELS,
  CLOCK_OBIS,
  DEVIATION,
  DISCONNECT_OBIS,
  ASSOCIATION_OBIS,
  SERIAL_OBIS,
  MeterObjects,
  PROFILE_OBIS,
  sameName,
  scalerUnit,
  CAPTURE_PERIOD_S,
} from './meterObjects';

export interface MeterSimulatorOptions {
  readonly address?: HdlcAddress;
  readonly password: string;
  readonly days: number;
  /** The simulated meter's sense of time (injected: tests and the bench fix it). */
  readonly now: () => number;
  /** Largest information field this meter sends (before the client's SNRM says less). */
  readonly maxInfo?: number;
  /** Largest xDLMS PDU before GET answers in blocks. */
  readonly maxPdu?: number;
  /** The serial number in Data 0-0:96.1.0.255 (printed on the nameplate). */
  readonly serial?: string;
  /** The meter asks for HLS mechanism 5 with these keys instead of a password (./hlsServer). */
  readonly hls?: HlsMeterKeys;
}

/** data-access-result codes (Green Book Table 84). */
const OBJECT_UNDEFINED = 4;
const READ_WRITE_DENIED = 3;

export class DlmsMeterSimulator {
  readonly objects: MeterObjects;
  readonly demand: DemandObjects;
  readonly eventLog: EventLogObjects;
  private input: Uint8Array = new Uint8Array(0);
  private connected = false;
  private associated = false;
  private client: HdlcAddress = { upper: 0x10, lower: null, size: 1 };
  private readonly address: HdlcAddress;
  private maxInfo: number;
  private readonly maxPdu: number;
  private sendSeq = 0;
  private receiveSeq = 0;
  private readonly reassembler = new SegmentReassembler();
  private pendingSegments: Uint8Array[] = [];
  private pendingBlocks: Uint8Array[] = [];
  private blockInvoke = 0;
  /** Refused associations in a row: a real meter would lock; the simulator reports them. */
  refusals = 0;
  /** The authentication mechanism of each association asked for, and whether it carried a secret. */
  readonly associations: { mechanism: string; secret: boolean }[] = [];
  readonly hlsServer: HlsServer | null;

  constructor(private readonly options: MeterSimulatorOptions) {
    this.address = options.address ?? { upper: 1, lower: 17, size: 2 };
    this.maxInfo = options.maxInfo ?? 128;
    this.maxPdu = options.maxPdu ?? 1024;
    this.objects = new MeterObjects(options.now, options.days);
    this.demand = new DemandObjects(() => this.objects.meterTime());
    this.eventLog = new EventLogObjects(() => this.objects.meterTime());
    this.hlsServer = options.hls ? new HlsServer(options.hls) : null;
  }

  /** True between SNRM/UA and DISC (normal response mode, IEC 62056-46 §6.4.4.3). */
  get linked(): boolean {
    return this.connected;
  }

  /** Back to the disconnected state without a DISC (the inactivity time-out ran out). */
  dropLink(): void {
    this.connected = false;
    this.associated = false;
    this.input = new Uint8Array(0);
    this.pendingSegments = [];
    this.reassembler.reset();
  }

  /** Bytes from the client in, frames to send back out (in order). Broken frames are dropped, as a meter does. */
  receive(bytes: Uint8Array): Uint8Array[] {
    this.input = concat(this.input, bytes);
    const out: Uint8Array[] = [];
    for (;;) {
      const start = this.input.indexOf(FLAG);
      if (start < 0) {
        this.input = new Uint8Array(0);
        break;
      }
      if (start + 3 > this.input.length) break;
      const length = (((this.input[start + 1] ?? 0) & 0x07) << 8) | (this.input[start + 2] ?? 0);
      if (((this.input[start + 1] ?? 0) & 0xf0) !== 0xa0) {
        this.input = this.input.subarray(start + 1);
        continue;
      }
      if (start + length + 2 > this.input.length) break;
      let frame: HdlcFrame | null = null;
      try {
        frame = decodeFrame(this.input, start).frame;
      } catch {
        frame = null; // a damaged frame gets no answer; the client repeats it
      }
      this.input = this.input.subarray(start + length + 2);
      if (frame) out.push(...this.handleFrame(frame));
    }
    return out;
  }

  private frame(control: Control, info?: Uint8Array, segmented = false): Uint8Array {
    return encodeFrame({ destination: this.client, source: this.address, control, info, segmented });
  }

  private handleFrame(frame: HdlcFrame): Uint8Array[] {
    const c = frame.control;
    if (frame.destination.upper !== this.address.upper) return [];
    this.client = frame.source;
    switch (c.kind) {
      case 'SNRM': {
        const asked = decodeLinkParameters(frame.info);
        this.maxInfo = Math.min(this.maxInfo, asked.maxInfoReceive);
        this.connected = true;
        this.associated = false;
        this.sendSeq = 0;
        this.receiveSeq = 0;
        this.pendingSegments = [];
        this.reassembler.reset();
        return [
          this.frame(
            { kind: 'UA', poll: true },
            encodeLinkParameters({ maxInfoTransmit: this.maxInfo, maxInfoReceive: this.maxInfo, windowTransmit: 1, windowReceive: 1 }),
          ),
        ];
      }
      case 'DISC': {
        const was = this.connected;
        this.connected = false;
        this.associated = false;
        return [this.frame({ kind: was ? 'UA' : 'DM', poll: true })];
      }
      case 'RR':
        return this.connected && this.pendingSegments.length ? [this.nextSegment()] : [];
      case 'I': {
        if (!this.connected) return [this.frame({ kind: 'DM', poll: true })];
        this.receiveSeq = (c.send + 1) & 7;
        let apdu: Uint8Array | null;
        try {
          apdu = this.reassembler.push(frame);
        } catch {
          return [this.frame({ kind: 'FRMR', poll: true })];
        }
        if (!apdu) return [this.frame({ kind: 'RR', receive: this.receiveSeq, poll: true })];
        this.startSegments(this.answer(apdu));
        return [this.nextSegment()];
      }
      default:
        return [];
    }
  }

  private startSegments(apdu: Uint8Array): void {
    const info = concat(LLC_RESPONSE, apdu);
    this.pendingSegments = [];
    for (let at = 0; at < info.length; at += this.maxInfo) this.pendingSegments.push(info.subarray(at, at + this.maxInfo));
  }

  private nextSegment(): Uint8Array {
    const info = this.pendingSegments.shift() ?? new Uint8Array(0);
    const control: Control = { kind: 'I', send: this.sendSeq, receive: this.receiveSeq, poll: true };
    this.sendSeq = (this.sendSeq + 1) & 7;
    return this.frame(control, info, this.pendingSegments.length > 0);
  }

  private answer(apdu: Uint8Array): Uint8Array {
    if (apdu[0] === 0x60) return this.associate(apdu);
    if (apdu[0] === 0x62) {
      this.associated = false;
      return RLRE;
    }
    const hls = this.associated ? null : this.hlsServer?.reply(apdu);
    if (hls) {
      this.associated = hls.open;
      return hls.answer;
    }
    if (!this.associated) return encodeApdu({ kind: 'exception-response', stateError: 1, serviceError: 2 });
    let request: XdlmsApdu;
    try {
      request = decodeApdu(apdu);
    } catch (error) {
      if (!(error instanceof DlmsError)) throw error;
      return encodeApdu({ kind: 'exception-response', stateError: 2, serviceError: 3 });
    }
    return this.serve(request);
  }

  private associate(apdu: Uint8Array): Uint8Array {
    const aarq = decodeAarq(apdu);
    this.associations.push({ mechanism: aarq.mechanism, secret: Boolean(aarq.secret?.length) });
    if (this.hlsServer) {
      const { aare, refused } = this.hlsServer.associate(aarq, this.maxPdu);
      if (refused) this.refusals++;
      this.associated = false;
      return aare;
    }
    const password = aarq.secret ? new TextDecoder().decode(aarq.secret) : null;
    if (aarq.mechanism !== 'low' || password !== this.options.password) {
      this.refusals++;
      return encodeAare({ result: 1, diagnostic: DIAGNOSTIC_AUTHENTICATION_FAILURE });
    }
    this.refusals = 0;
    this.associated = true;
    return encodeAare({ result: 0, diagnostic: 0, maxPdu: this.maxPdu });
  }

  private serve(request: XdlmsApdu): Uint8Array {
    switch (request.kind) {
      case 'get-request': {
        const result = this.get(request.reference, request.access?.parameters ?? null);
        const whole = encodeApdu({ kind: 'get-response', invokeId: request.invokeId, result });
        if (whole.length <= this.maxPdu || !result.ok) return whole;
        // Block transfer (Green Book §9.3.5.3): the encoded Data cut into raw-data blocks.
        const raw = encodeValue(result.value);
        const size = this.maxPdu - 16;
        this.pendingBlocks = [];
        for (let at = 0; at < raw.length; at += size) this.pendingBlocks.push(raw.subarray(at, at + size));
        this.blockInvoke = request.invokeId;
        return this.nextBlock(1);
      }
      case 'get-request-next':
        return this.nextBlock(request.blockNumber + 1);
      case 'get-request-list':
        return encodeApdu({
          kind: 'get-response-list',
          invokeId: request.invokeId,
          results: request.references.map((r) => this.get(r.reference, r.access?.parameters ?? null)),
        });
      case 'set-request': {
        const ok =
          request.reference.classId === 8 &&
          request.reference.index === 2 &&
          sameName(request.reference.logicalName, CLOCK_OBIS) &&
          this.setClock(request.value);
        return encodeApdu({ kind: 'set-response', invokeId: request.invokeId, result: ok ? 0 : READ_WRITE_DENIED });
      }
      case 'action-request': {
        const ref = request.reference;
        const demand = this.demand.action(ref, request.parameters);
        if (demand !== null) return encodeApdu({ kind: 'action-response', invokeId: request.invokeId, result: demand, returned: null });
        const ok = ref.classId === 70 && sameName(ref.logicalName, DISCONNECT_OBIS) && (ref.index === 1 || ref.index === 2);
        if (ok) this.objects.controlState = ref.index === 1 ? 0 : 1;
        return encodeApdu({ kind: 'action-response', invokeId: request.invokeId, result: ok ? 0 : READ_WRITE_DENIED, returned: null });
      }
      default:
        return encodeApdu({ kind: 'exception-response', stateError: 2, serviceError: 3 });
    }
  }

  private nextBlock(number: number): Uint8Array {
    const raw = this.pendingBlocks[number - 1];
    if (!raw)
      return encodeApdu({
        kind: 'get-response-block',
        invokeId: this.blockInvoke,
        lastBlock: true,
        blockNumber: number,
        raw: null,
        accessResult: 2,
      });
    return encodeApdu({
      kind: 'get-response-block',
      invokeId: this.blockInvoke,
      lastBlock: number === this.pendingBlocks.length,
      blockNumber: number,
      raw,
      accessResult: null,
    });
  }

  private setClock(value: DlmsValue): boolean {
    if (value.type !== 'octet-string' || value.bytes.length !== 12) return false;
    const epoch = dateTimeEpoch(parseDateTime(value.bytes));
    if (epoch === null) return false;
    this.objects.clockOffsetMs = epoch - this.options.now();
    return true;
  }

  private get(ref: CosemReference, access: DlmsValue | null): GetResult {
    const o = this.objects;
    const is = (classId: number, obis: string) => ref.classId === classId && sameName(ref.logicalName, obis);
    const ok = (value: DlmsValue): GetResult => ({ ok: true, value });
    if (is(8, CLOCK_OBIS) && ref.index === 2) return ok(octets(encodeDateTime(o.meterTime(), DEVIATION)));
    if (is(8, CLOCK_OBIS) && ref.index === 3) return ok({ type: 'int16', value: DEVIATION });
    for (const channel of CHANNELS) {
      if (is(3, channel) && ref.index === 2) return ok(u32(o.registerValue(channel)));
      if (is(3, channel) && ref.index === 3) return ok(scalerUnit(0, channel.includes(':3.') || channel.includes(':4.') ? 32 : 30));
    }
    if (is(7, PROFILE_OBIS) && ref.index === 2) return ok(o.buffer(access ? MeterObjects.rangeOf(access) : null));
    if (is(7, PROFILE_OBIS) && ref.index === 3) return ok(o.captureObjects());
    if (is(7, PROFILE_OBIS) && ref.index === 4) return ok(u32(CAPTURE_PERIOD_S));
    if (is(70, DISCONNECT_OBIS) && ref.index === 2) return ok({ type: 'boolean', value: o.controlState === 1 });
    if (is(70, DISCONNECT_OBIS) && ref.index === 3) return ok(enumValue(o.controlState));
    if (is(15, ASSOCIATION_OBIS) && ref.index === 2) return ok(o.objectList());
    if (is(1, SERIAL_OBIS) && ref.index === 2) return ok(octets(new TextEncoder().encode(this.options.serial ?? '')));
    return this.demand.get(ref) ?? this.eventLog.get(ref, access) ?? { ok: false, accessResult: OBJECT_UNDEFINED };
  }
}
