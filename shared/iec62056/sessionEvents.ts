/** What an IEC 62056-21 session tells its driver. The session never throws; it yields these. */
import type { DataSet } from './dataSets';
import type { Identification, ProtocolMode } from './identification';

export type Checksum = 'ok' | 'bad' | 'absent';

export type SessionErrorCode =
  | 'NO_IDENTIFICATION' // input ended (or timed out) before a `/XXXZ…` identification
  | 'BAD_IDENTIFICATION' // only noise where the identification should be
  | 'INCOMPLETE' // input ended inside the data message
  | 'TOO_LONG' // more bytes than any readout holds: not a meter talking
  | 'BLOCK_REJECTED' // a partial block failed its BCC three times
  | 'INTERNAL';

export type SessionEvent =
  | { type: 'send'; purpose: 'wakeUp' | 'signOn' | 'ack' | 'nak'; bytes: Uint8Array; pauseAfterMs: number }
  | { type: 'identification'; identification: Identification }
  /**
   * Wait `reactionTimeMs` after the identification, write `send` (if any) at the current rate, let
   * it drain, then switch to `baud` (§6.3.3, §6.4.2). The wait is the meter's reaction time tr
   * (§6.3.14 item 12): a meter does not listen sooner.
   */
  | { type: 'baudSwitch'; baud: number; send: Uint8Array | null; reactionTimeMs: number }
  | { type: 'progress'; bytes: number }
  | { type: 'dataLine'; line: string; dataSets: DataSet[] }
  | {
      type: 'complete';
      dataSets: DataSet[];
      checksum: Checksum;
      identification: Identification | null;
      mode: ProtocolMode | null;
      /** Whether the data ended with `!` (a block may end at ETX without it). */
      endMark: boolean;
      /** The P1 CRC came with fewer than 4 hex digits (DSMR 5.0.2 §6.2 asks for 4): compared as a number, flagged. */
      shortCrc?: true;
    }
  | { type: 'error'; code: SessionErrorCode; message: string };
