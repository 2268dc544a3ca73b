/**
 * Why a telegram could not be read, as codes the renderer translates (errors.reason.mbus.*).
 * A telegram that fails is never half-shown: the caller gets the code and, where the link layer
 * was read, who sent it ("heard, cannot decrypt"), never values.
 */
export const mbusReasons = [
  'mbus.crc', // a frame-format A/B CRC (EN 13757-4 §5.5.x) or the wired checksum does not match
  'mbus.length', // the length byte disagrees with the bytes received
  'mbus.truncated', // a header or a data record ends before its bytes do
  'mbus.vifChain', // a VIF/DIF extension chain that never ends (more than 10 extensions, EN 13757-3 §6.3)
  'mbus.noKey', // the telegram is encrypted and no key was given
  'mbus.decrypt', // the key does not decrypt it (no 2F2F verification bytes, OMS Vol.2 §9.2.4)
  'mbus.replay', // the access number is the one last seen from this meter
  'mbus.unsupported', // a CI field, security mode or data coding this decoder does not read
  'mbus.notHex', // a text file that is not hex
  'mbus.unknownFormat', // a compact frame whose format signature was not seen in a full frame from this meter (EN 13757-3 Annex G)
  'mbus.fragment', // an AFL fragment out of order, one missing, or fragments that do not add up to ML (EN 13757-7 §6)
  'mbus.fragmentPending', // a fragment of a longer message: the rest is still to come (EN 13757-7 §6)
] as const;
export type MbusReason = (typeof mbusReasons)[number];

export class MbusError extends Error {
  constructor(
    readonly reason: MbusReason,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
  }
}

export const fail = (reason: MbusReason, detail?: string): never => {
  throw new MbusError(reason, detail);
};
