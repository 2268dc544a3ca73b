/**
 * Checks a PAN device label (EUI-64 + install code) the way the installer and the back office
 * need it (issue 8 §6): valid or not, why, the CRC, and the link key the trust center will use.
 */
import { checkEui64, checkInstallCode, hexToBytes, type LabelProblem } from '../../../shared/domain/installCode';
import { linkKeyFromInstallCode } from './linkKey';

export interface PanLabelCheck {
  valid: boolean;
  /** The English of what is wrong, for the CLI and logs; the screen says `problems` in its own words. */
  reason: string | null;
  problems: LabelProblem[];
  eui64: string | null;
  /** The CRC the code's bytes give, as printed on a label (LSB first); null when the length is wrong. */
  crc: string | null;
  /** 32 hex digits; only when the install code is valid. */
  linkKey: string | null;
}

export function checkPanLabel(eui64Text: string, installCodeText: string): PanLabelCheck {
  const eui = checkEui64(eui64Text);
  const code = checkInstallCode(installCodeText);
  const linkKey = code.valid ? linkKeyFromInstallCode(hexToBytes(code.installCode)) : null;
  const reasons = [eui.valid ? null : eui.reason, code.valid ? null : code.reason].filter((r): r is string => r !== null);
  return {
    valid: reasons.length === 0,
    reason: reasons.length === 0 ? null : reasons.join(' '),
    problems: [eui.valid ? null : eui.problem, code.valid ? null : code.problem].filter((p): p is LabelProblem => p !== null),
    eui64: eui.valid ? eui.eui64 : null,
    crc: code.crc,
    linkKey,
  };
}
