/**
 * A DLMS/COSEM read over the optical port as a pure state machine: IEC 62056-21 sign-on with
 * protocol mode E (§6.4.5, Annex E), IEC 62056-46 HDLC (SNRM/UA, I-frames, RR, DISC), the
 * association (AARQ/AARE, LN referencing, lowest or low-level security, or HLS-GMAC with the
 * meter's keys: Green Book §9.4.2, §9.2.7.4 in ./hlsAssociation),
 * the reading plan's GET/SET/ACTION requests with block transfer (§9.3.5.3), and the release
 * (RLRQ/RLRE). Feed it bytes and time-outs, it yields events (./sessionEvents); the driver owns
 * the port and the clock, as for the mode C session in shared/iec62056/session.ts.
 *
 * Retries follow IEC 62056-46 §6.4.4.4.3.8 (the primary repeats a frame after its response
 * time-out, a limited number of times, then gives up): never endlessly. A refused association is
 * never repeated: a meter locks its optical port after a few wrong passwords.
 */
import { parseIdentification, signOnRequest, type Identification } from '../iec62056/identification';
import { decodeAare, encodeAarq, RLRQ, type Authentication } from './acse';
import { decodeValue } from './axdr';
import { concat } from './bytes';
import type { CosemRequest, CosemResponse, ReadPlan } from './cosemRequest';
import { defaultLimits, type DecodeLimits } from './dataTypes';
import { DlmsError } from './errors';
import { hlsAuthentication, hlsReply, meterProved, type HlsClient } from './hlsAssociation';
import { HdlcClient } from './hdlcClient';
import type { HdlcAddress } from './hdlc';
import { modeEOptionSelect, modeERate, withEvenParity } from './modeE';
import type { DlmsSessionErrorCode, DlmsSessionEvent, DlmsSessionPhase } from './sessionEvents';
import { decodeApdu, encodeApdu, type XdlmsApdu } from './xdlms';

export interface DlmsSessionTimeouts {
  /** Sign-on sent → identification complete (reaction ≤ 1.5 s, §6.3.14, plus the line at 300 baud). */
  readonly identificationMs: number;
  /** A frame sent → the meter's answer begins to end (its turnaround); the line time of the longest frame is added. */
  readonly responseMs: number;
}

export const defaultDlmsTimeouts: DlmsSessionTimeouts = { identificationMs: 2500, responseMs: 2000 };

export interface DlmsSessionOptions {
  readonly plan: ReadPlan;
  /** LLS password (Green Book §9.2.7.2.2); none: lowest-level security (the public client). */
  readonly password?: Uint8Array | null;
  /** HLS mechanism 5 with the meter's keys (taken before a password when given). */
  readonly hls?: HlsClient | null;
  /** The client SAP: 16 public client, 1 management (§6.4.2.2, Green Book Table 1). */
  readonly client?: number;
  /** The server: upper (logical device, 1 management) and lower (physical, 17 + last digits on many meters). */
  readonly server?: HdlcAddress;
  readonly address?: string;
  readonly maxBaud?: number;
  /**
   * Direct HDLC on a serial/RS-485 line (IEC 62056-46, the Green Book's "three-layer,
   * connection-oriented, HDLC based profile"): no IEC 62056-21 sign-on, the line already runs at
   * `baud` 8N1 and the session opens with the SNRM. Absent: the optical port's mode E opening.
   */
  readonly direct?: { readonly baud: number } | null;
  readonly timeouts?: Partial<DlmsSessionTimeouts>;
  /** Repeats of an unanswered frame (IEC 62056-46 "max retries"; default 3). */
  readonly retries?: number;
  readonly now: () => number;
  readonly maxBytes?: number;
  readonly limits?: DecodeLimits;
}

type State = 'ident' | 'link' | 'association' | 'reading' | 'release' | 'disconnect' | 'done';
const LF = 0x0a;
const MAX_IDENT_NOISE = 2048;

export class DlmsModeESession {
  private state: State = 'ident';
  private line = '';
  private noise = 0;
  private received = 0;
  private identification: Identification | null = null;
  private baud = 300;
  private readonly hdlc: HdlcClient;
  private readonly timeouts: DlmsSessionTimeouts;
  private lastSent: { bytes: Uint8Array; purpose: 'snrm' | 'aarq' | 'request' | 'rr' | 'segment' | 'release' | 'disc' } | null = null;
  private repeats = 0;
  private request: CosemRequest | null = null;
  private invoke = 0;
  private blocks: Uint8Array[] = [];
  private readonly responses: CosemResponse[] = [];
  private released = false;
  /** HLS pass 3 sent, pass 4 awaited: the meter's system title, to check its proof. */
  private authenticating: Uint8Array | null = null;

  constructor(private readonly options: DlmsSessionOptions) {
    this.timeouts = { ...defaultDlmsTimeouts, ...options.timeouts };
    this.hdlc = new HdlcClient(
      { upper: options.client ?? 16, lower: null, size: 1 },
      options.server ?? { upper: 1, lower: 17, size: 2 },
      options.maxBytes,
    );
  }

  get phase(): DlmsSessionPhase {
    return this.state === 'ident' ? 'identification' : this.state === 'disconnect' ? 'release' : this.state;
  }
  get bytesReceived(): number {
    return this.received;
  }

  /** The link parameters in force (the UA's, IEC 62056-46 §6.4.4.9.3): the progress estimate's frame size. */
  get link(): HdlcClient['link'] {
    return this.hdlc.link;
  }

  /**
   * The user cancelled: the session ends, and where the link is (or may be) up the DISC to send is
   * returned, so the meter leaves HDLC now instead of after its inactivity time-out (IEC 62056-46
   * §6.4.4.4.3.5, IEC 62056-21 Annex E.2) and the next sign-on finds it listening.
   */
  cancel(): Uint8Array | null {
    const linked = this.state !== 'ident' && this.state !== 'done';
    this.state = 'done';
    return linked ? this.hdlc.disc() : null;
  }

  /** A method, not an inline test: TypeScript would narrow `state` across the calls that change it. */
  private isDone(): boolean {
    return this.state === 'done';
  }

  start(): DlmsSessionEvent[] {
    const direct = this.options.direct;
    if (direct) {
      this.baud = direct.baud;
      this.state = 'link';
      const out: DlmsSessionEvent[] = [];
      this.send(out, 'snrm', this.hdlc.snrm());
      return out;
    }
    return [
      {
        type: 'send',
        purpose: 'signOn',
        bytes: withEvenParity(signOnRequest(this.options.address ?? '')),
        awaitMs: this.timeouts.identificationMs,
      },
    ];
  }

  feed(chunk: Uint8Array): DlmsSessionEvent[] {
    const out: DlmsSessionEvent[] = [];
    if (this.state === 'done') return out;
    this.received += chunk.length;
    if (this.received > (this.options.maxBytes ?? 1 << 24))
      return this.fail(out, 'TOO_LONG', `more than ${this.received} bytes: not a meter answering`);
    try {
      if (this.state === 'ident') this.onIdentBytes(chunk, out);
      else for (const input of this.hdlc.take(chunk)) if (!this.isDone()) this.onLink(input, out);
    } catch (error) {
      if (!(error instanceof DlmsError)) throw error;
      this.fail(out, 'PROTOCOL_ERROR', `${error.reason}: ${error.message}`);
    }
    if (!this.isDone()) out.push({ type: 'progress', phase: this.phase, bytes: this.received });
    return out;
  }

  /** The driver's timer for the last `send` ran out. */
  timeout(): DlmsSessionEvent[] {
    const out: DlmsSessionEvent[] = [];
    if (this.state === 'done') return out;
    if (this.state === 'ident')
      return this.fail(
        out,
        this.received ? 'BAD_IDENTIFICATION' : 'NO_IDENTIFICATION',
        `no identification after the sign-on (${this.received} bytes)`,
      );
    const last = this.lastSent;
    if (last && this.repeats < (this.options.retries ?? 3)) {
      this.repeats++;
      out.push({ type: 'send', purpose: 'repeat', bytes: last.bytes, awaitMs: this.awaitMs() });
      return out;
    }
    // The release is a courtesy: what was read stands; the meter ends the link after its inactivity time-out.
    if (this.state === 'release' || this.state === 'disconnect') return this.complete(out);
    if (this.state === 'link') return this.fail(out, 'NO_LINK', `no UA to the SNRM at ${this.baud} baud after ${this.repeats + 1} tries`);
    return this.fail(out, 'NO_RESPONSE', `no answer in the ${this.state} phase after ${this.repeats + 1} tries`);
  }

  /** Response time-out: the meter's turnaround plus the longest frame at the current rate (10 bits a byte). */
  private awaitMs(): number {
    return this.timeouts.responseMs + Math.ceil(((this.hdlc.link.maxInfoTransmit + 16) * 10 * 1000) / this.baud);
  }

  private send(out: DlmsSessionEvent[], purpose: NonNullable<DlmsModeESession['lastSent']>['purpose'], bytes: Uint8Array): void {
    this.lastSent = { bytes, purpose };
    this.repeats = 0;
    out.push({ type: 'send', purpose, bytes, awaitMs: this.awaitMs() });
  }

  private onIdentBytes(chunk: Uint8Array, out: DlmsSessionEvent[]): void {
    for (const raw of chunk) {
      const b = raw & 0x7f; // 7E1 carried on an 8N1 line (./modeE withEvenParity)
      if (b !== LF) {
        if (b !== 0x0d && b !== 0) this.line += String.fromCharCode(b);
        if (this.line.length > 256) this.line = this.line.slice(-128);
        continue;
      }
      const id = this.line.includes('/?') ? null : parseIdentification(this.line);
      this.noise += this.line.length + 1;
      this.line = '';
      if (!id) {
        if (this.noise > MAX_IDENT_NOISE) return void this.fail(out, 'BAD_IDENTIFICATION', 'only noise where the identification should be');
        continue;
      }
      out.push({ type: 'identification', identification: id });
      if (!id.modeE)
        return void this.fail(
          out,
          'NOT_MODE_E',
          `the meter ${id.manufacturer} ${id.ident} offers no mode E (no \\2 in its identification)`,
        );
      this.identification = id;
      const { baudChar, baud } = modeERate(id, this.options.maxBaud ?? 19200);
      out.push({ type: 'switchLine', send: withEvenParity(modeEOptionSelect(baudChar)), baud, reactionTimeMs: id.reactionTimeMs });
      this.baud = baud;
      this.state = 'link';
      this.send(out, 'snrm', this.hdlc.snrm());
      return;
    }
  }

  private onLink(input: ReturnType<HdlcClient['take']>[number], out: DlmsSessionEvent[]): void {
    switch (input.kind) {
      case 'ua':
        if (this.state === 'link') {
          this.state = 'association';
          const hls = this.options.hls;
          const authentication: Authentication = hls
            ? hlsAuthentication(hls)
            : this.options.password?.length
              ? { mechanism: 'low', password: this.options.password }
              : { mechanism: 'none' };
          this.send(out, 'aarq', this.hdlc.request(encodeAarq({ authentication, ...(hls ? { clientSystemTitle: hls.systemTitle } : {}) })));
        } else if (this.state === 'disconnect') this.complete(out);
        return;
      case 'dm':
      case 'frmr':
        if (this.state === 'disconnect') return void this.complete(out);
        return void this.fail(out, 'LINK_REFUSED', `the meter answered ${input.kind.toUpperCase()} in the ${this.state} phase`);
      case 'segment':
        if (input.reply) this.send(out, 'rr', input.reply);
        return;
      case 'ready':
        return this.send(out, 'segment', input.next);
      case 'apdu':
        return this.onApdu(input.apdu, out);
      case 'ignored':
        return;
    }
  }

  private onApdu(apdu: Uint8Array, out: DlmsSessionEvent[]): void {
    if (this.state === 'association') {
      const aare = decodeAare(apdu);
      if (!aare.accepted) {
        // Say so and leave the link; never repeat the AARQ (the meter counts wrong passwords).
        out.push({ type: 'send', purpose: 'disc', bytes: this.hdlc.disc(), awaitMs: null });
        const code: DlmsSessionErrorCode = aare.diagnostic === 13 ? 'PASSWORD_REJECTED' : 'ASSOCIATION_REFUSED';
        return void this.fail(out, code, `the meter refused the association (result ${aare.result}, diagnostic ${aare.diagnostic})`, {
          diagnostic: aare.diagnostic,
        });
      }
      this.state = 'reading';
      const hls = this.options.hls;
      if (hls) {
        if (!aare.challenge || !aare.serverSystemTitle)
          return void this.fail(out, 'PROTOCOL_ERROR', 'the meter accepted HLS without a challenge');
        this.authenticating = aare.serverSystemTitle;
        return this.sendRequest(out, hlsReply(hls, aare.challenge));
      }
      return this.nextRequest(out, this.options.plan.next());
    }
    if (this.state === 'release') {
      this.released = apdu[0] === 0x63;
      this.state = 'disconnect';
      return this.send(out, 'disc', this.hdlc.disc());
    }
    if (this.state !== 'reading' || !this.request) return;
    this.onResponse(decodeApdu(apdu, this.options.limits ?? defaultLimits), out);
  }

  private onResponse(apdu: XdlmsApdu, out: DlmsSessionEvent[]): void {
    const request = this.request;
    if (!request) return;
    const at = this.options.now();
    if (this.authenticating) return this.onHlsProof(apdu, this.authenticating, out);
    if (apdu.kind === 'exception-response')
      return void this.fail(out, 'PROTOCOL_ERROR', `exception-response state ${apdu.stateError} service ${apdu.serviceError}`, { request });
    if (apdu.kind === 'get-response-block' && request.kind === 'get') {
      if (!apdu.raw) return this.answered(out, { request, at, ok: false, accessResult: apdu.accessResult ?? 250 });
      if (apdu.blockNumber !== this.blocks.length + 1)
        return void this.fail(out, 'PROTOCOL_ERROR', `block ${apdu.blockNumber} after ${this.blocks.length}`, { request });
      this.blocks.push(apdu.raw);
      if (!apdu.lastBlock)
        return this.send(
          out,
          'request',
          this.hdlc.request(encodeApdu({ kind: 'get-request-next', invokeId: this.invokeId(), blockNumber: apdu.blockNumber })),
        );
      const value = decodeValue(concat(...this.blocks), this.options.limits ?? defaultLimits);
      return this.answered(out, { request, at, ok: true, value });
    }
    if (apdu.kind === 'get-response' && request.kind === 'get') {
      return this.answered(
        out,
        apdu.result.ok
          ? { request, at, ok: true, value: apdu.result.value }
          : { request, at, ok: false, accessResult: apdu.result.accessResult },
      );
    }
    if ((apdu.kind === 'set-response' && request.kind === 'set') || (apdu.kind === 'action-response' && request.kind === 'action')) {
      if (apdu.result !== 0) return this.answered(out, { request, at, ok: false, accessResult: apdu.result });
      const returned = apdu.kind === 'action-response' && apdu.returned?.ok ? apdu.returned.value : null;
      return this.answered(out, { request, at, ok: true, value: returned });
    }
    this.fail(out, 'PROTOCOL_ERROR', `${apdu.kind} to a ${request.kind} request`, { request });
  }

  /** HLS pass 4: the meter accepted f(StoC) and proved itself with f(CtoS); else the link is left (never retried). */
  private onHlsProof(apdu: XdlmsApdu, meterTitle: Uint8Array, out: DlmsSessionEvent[]): void {
    this.authenticating = null;
    const hls = this.options.hls;
    const accepted = apdu.kind === 'action-response' && apdu.result === 0;
    const returned = apdu.kind === 'action-response' && apdu.returned?.ok ? apdu.returned.value : null;
    if (hls && accepted && meterProved(hls, meterTitle, returned)) return this.nextRequest(out, this.options.plan.next());
    out.push({ type: 'send', purpose: 'disc', bytes: this.hdlc.disc(), awaitMs: null });
    if (!accepted) return void this.fail(out, 'PASSWORD_REJECTED', 'the meter refused the HLS reply: its keys are not these');
    this.fail(out, 'PROTOCOL_ERROR', 'the meter did not prove it holds the keys (HLS pass 4)');
  }

  private invokeId(): number {
    // invoke-id-and-priority (Green Book §9.3.1): priority high, confirmed, a 4-bit id.
    return 0xc0 | (this.invoke & 0x0f);
  }

  private answered(out: DlmsSessionEvent[], response: CosemResponse): void {
    this.responses.push(response);
    this.nextRequest(out, this.options.plan.next(response));
  }

  private nextRequest(out: DlmsSessionEvent[], step: IteratorResult<CosemRequest, void>): void {
    this.blocks = [];
    if (step.done) {
      this.request = null;
      this.state = 'release';
      return this.send(out, 'release', this.hdlc.request(RLRQ));
    }
    this.sendRequest(out, step.value);
  }

  private sendRequest(out: DlmsSessionEvent[], request: CosemRequest): void {
    this.request = request;
    this.invoke++;
    const invokeId = this.invokeId();
    const apdu: XdlmsApdu =
      request.kind === 'get'
        ? { kind: 'get-request', invokeId, reference: request.reference, access: request.access ?? null }
        : request.kind === 'set'
          ? { kind: 'set-request', invokeId, reference: request.reference, access: null, value: request.value }
          : { kind: 'action-request', invokeId, reference: request.reference, parameters: request.parameters };
    this.send(out, 'request', this.hdlc.request(encodeApdu(apdu)));
  }

  private complete(out: DlmsSessionEvent[]): DlmsSessionEvent[] {
    const identification = this.identification;
    this.state = 'done';
    if (!identification && !this.options.direct) return out;
    out.push({
      type: 'complete',
      identification,
      baud: this.baud,
      link: this.hdlc.link,
      responses: this.responses,
      released: this.released,
    });
    return out;
  }

  private fail(
    out: DlmsSessionEvent[],
    code: DlmsSessionErrorCode,
    message: string,
    detail?: Extract<DlmsSessionEvent, { type: 'error' }>['detail'],
  ): DlmsSessionEvent[] {
    this.state = 'done';
    out.push({ type: 'error', code, message, ...(detail ? { detail } : {}) });
    return out;
  }
}
