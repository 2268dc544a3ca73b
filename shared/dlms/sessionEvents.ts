/**
 * What the mode E session (./modeESession) asks of its driver and tells it. The session never
 * throws and never waits: it yields these, the driver owns the port and the clock.
 */
import type { Identification } from '../iec62056/identification';
import type { CosemRequest, CosemResponse, DataAccessResult } from './cosemRequest';
import type { LinkParameters } from './hdlcLink';

export type DlmsSessionErrorCode =
  | 'NO_IDENTIFICATION' // nothing (or no line) came back to the sign-on
  | 'BAD_IDENTIFICATION' // noise where the identification should be
  | 'NOT_MODE_E' // the meter identified itself without `\2`: it reads in mode C only
  | 'NO_LINK' // no UA to the SNRM after every retry (the rate switch failed, or no HDLC)
  | 'LINK_REFUSED' // the meter answered DM or FRMR
  | 'PASSWORD_REJECTED' // AARE: authentication failure (Green Book Table 75, diagnostic 13)
  | 'ASSOCIATION_REFUSED' // AARE refused for another reason
  | 'NO_RESPONSE' // a request went unanswered after every retry
  | 'PROTOCOL_ERROR' // an answer that is not what the request asks for
  | 'TOO_LONG'; // more bytes than any read holds

export type DlmsSessionPhase = 'identification' | 'link' | 'association' | 'reading' | 'release' | 'done';

export type DlmsSessionEvent =
  /** Write `bytes`; when `awaitMs` is set, call `timeout()` if nothing completes the step within it. */
  | {
      type: 'send';
      purpose: 'signOn' | 'snrm' | 'aarq' | 'request' | 'rr' | 'segment' | 'release' | 'disc' | 'repeat';
      bytes: Uint8Array;
      awaitMs: number | null;
    }
  | { type: 'identification'; identification: Identification }
  /**
   * Annex E: wait the meter's reaction time, write `send` (ACK 2 Z 2) at the sign-on rate, let it
   * drain, then switch the port to `baud` 8N1. The next event sends the SNRM at the new rate.
   */
  | { type: 'switchLine'; send: Uint8Array; baud: number; reactionTimeMs: number }
  | { type: 'progress'; phase: DlmsSessionPhase; bytes: number }
  | {
      type: 'complete';
      /** Null on a direct HDLC line: the meter sends no IEC 62056-21 identification there. */
      identification: Identification | null;
      baud: number;
      link: LinkParameters;
      responses: readonly CosemResponse[];
      /** False when the meter did not confirm the release (it drops the link after its inactivity time-out). */
      released: boolean;
    }
  | {
      type: 'error';
      code: DlmsSessionErrorCode;
      message: string;
      detail?: { diagnostic?: number; accessResult?: DataAccessResult; request?: CosemRequest };
    };
