/**
 * Why a DLMS/COSEM input was refused, as a code (never English prose across a boundary): the
 * renderer and the CLI say the code from the catalogs (errors.reason.dlms.*, shared/i18n/dlmsReasonWords.ts);
 * the message is for the log and the transcript.
 */
export const dlmsReasons = [
  'dlms.truncated', // the bytes end inside a frame, an APDU or a value
  'dlms.format', // a field holds something the standard does not allow there
  'dlms.hcs', // HDLC header check sequence wrong (IEC 62056-46 §6.4.4.7)
  'dlms.fcs', // HDLC frame check sequence wrong (IEC 62056-46 §6.4.4.8)
  'dlms.segment', // a segmented I-frame arrived out of order or without its start
  'dlms.limit', // nesting, element count or length past the decoder's limits
  'dlms.unsupported', // a tag or choice this decoder does not handle
  'dlms.decrypt', // AES-GCM authentication failed: wrong key or altered bytes
  'dlms.no-key', // a ciphered APDU and no key to open it
  'dlms.replay', // the invocation counter did not go forward (Green Book §9.2.7.2.4.4)
  'dlms.refused', // the meter refused the association or the request
] as const;
export type DlmsReason = (typeof dlmsReasons)[number];

export class DlmsError extends Error {
  constructor(
    readonly reason: DlmsReason,
    message: string,
  ) {
    super(message);
    this.name = 'DlmsError';
  }
}

export const isDlmsError = (error: unknown): error is DlmsError => error instanceof DlmsError;
