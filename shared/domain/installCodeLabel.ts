/**
 * The EUI-64 and install code printed on a Zigbee PAN device's label, read from the text of its
 * QR code (or of any scanned label text). Pure: the result is checked afterwards by the same
 * checks as typed entry (installCode.ts: EUI-64 form and the install code's CRC-16/X-25).
 *
 * Label payloads in the field, as published by zigbee-herdsman
 * (Koenkk/zigbee-herdsman, src/controller/helpers/installCodes.ts, `parseInstallCode`):
 * - "Z:<eui64>$I:<code>" with further `%`/`$` fields (Zigbee 3.0 labels, used by Ubisys,
 *   Danfoss, Inovelli, Ledvance …), e.g. `Z:F4CE36D88AB8B6FD$I:0011…528F%M:FFFE$D:AABBCCDD`;
 * - "G$M:<model>$A:<eui64>$I:<code>" (Aqara);
 * - "HUE:Z:<code> M:<eui64> …" (Philips Hue);
 * - "<eui64>|<code>" (Müller-Licht, Innr);
 * - the 91- or 95-character Smart Energy label string "ZB…<eui64>DLK<code>", where the EUI-64
 *   stands just before "DLK" and the code (32 or 36 hex digits) ends the string.
 * And printed text, as on Smart Energy in-home displays: "EUI64: 0123 4567 89AB CDEF" with
 * "Install code: …", or the two values on two lines.
 */
import { normalizeHex } from './installCode';

export type InstallCodeLabelFormat = 'zigbee3' | 'aqara' | 'hue' | 'pipe' | 'smartEnergy' | 'text';

export interface InstallCodeLabel {
  readonly eui64: string;
  readonly installCode: string;
  readonly format: InstallCodeLabelFormat;
}

const HEX16 = '([0-9A-Fa-f]{16})';
const CODE = '([0-9A-Fa-f]{16,36})';

const patterns: ReadonlyArray<{ format: InstallCodeLabelFormat; re: RegExp; eui: 1 | 2; code: 1 | 2 }> = [
  { format: 'zigbee3', re: new RegExp(`Z:${HEX16}\\$I:${CODE}`), eui: 1, code: 2 },
  { format: 'aqara', re: new RegExp(`^G\\$M:[^$]+\\$A:${HEX16}\\$I:${CODE}$`), eui: 1, code: 2 },
  { format: 'hue', re: new RegExp(`^HUE:Z:${CODE} M:${HEX16}`), eui: 2, code: 1 },
  { format: 'pipe', re: new RegExp(`^${HEX16}\\|${CODE}$`), eui: 1, code: 2 },
  // 16 or 32 code digits plus the 4 CRC digits; the EUI-64 sits right before "DLK".
  { format: 'smartEnergy', re: new RegExp(`^ZB[0-9A-Za-z]*?${HEX16}DLK([0-9A-Fa-f]{36}|[0-9A-Fa-f]{32})$`), eui: 1, code: 2 },
];

/** A hex group as printers space it: "0123 4567 89AB CDEF", "01-23-…", "01:23:…". */
const SPACED_HEX = '((?:[0-9A-Fa-f]{2,4}[\\s:-]?){4,18})';
const textEui = new RegExp(`(?:EUI[\\s-]?64|MAC|IEEE)[^0-9A-Fa-f]{0,12}${SPACED_HEX}`, 'i');
const textCode = new RegExp(`(?:install(?:ation)?[\\s-]?code|IC)[^0-9A-Fa-f]{0,12}${SPACED_HEX}`, 'i');

function fromText(text: string): InstallCodeLabel | null {
  const eui = textEui.exec(text);
  const code = textCode.exec(text);
  if (eui?.[1] && code?.[1]) {
    const eui64 = normalizeHex(eui[1]);
    const installCode = normalizeHex(code[1]);
    if (eui64.length === 16) return { eui64, installCode, format: 'text' };
  }
  // Two values alone, one per line: the 16-digit one is the EUI-64.
  const lines = text.split(/\r?\n/).map(normalizeHex).filter(Boolean);
  if (lines.length === 2 && lines.every((l) => /^[0-9A-F]+$/.test(l))) {
    const [a = '', b = ''] = lines;
    if (a.length === 16 && b.length !== 16) return { eui64: a, installCode: b, format: 'text' };
    if (b.length === 16 && a.length !== 16) return { eui64: b, installCode: a, format: 'text' };
  }
  return null;
}

/** The EUI-64 and install code of a label, upper-case hex without separators; null when the text is none of the known formats. */
export function parseInstallCodeLabel(scanned: string): InstallCodeLabel | null {
  const text = scanned.trim();
  for (const { format, re, eui, code } of patterns) {
    const match = re.exec(text);
    const e = match?.[eui];
    const c = match?.[code];
    if (e && c) return { eui64: e.toUpperCase(), installCode: c.toUpperCase(), format };
  }
  return fromText(text);
}
