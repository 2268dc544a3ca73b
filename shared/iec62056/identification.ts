/**
 * Messages of the IEC 62056-21:2002 opening handshake (§6.3.1 request, §6.3.2 identification,
 * §6.3.3 acknowledgement/option select) and the baud-rate tables of §6.3.14 items 13–14.
 */
import { ACK, asciiBytes, concatBytes, NUL } from './frames';

export type ProtocolMode = 'A' | 'B' | 'C' | 'D' | 'E';

export interface Identification {
  /** Three-letter manufacturer id (FLAG registry), e.g. "ISK", "LGZ", "ELS". */
  readonly manufacturer: string;
  /** The baud-rate character Z as sent. */
  readonly baudChar: string;
  /** The identification text after Z, enhanced-capability escapes included, as sent. */
  readonly ident: string;
  /** `\2` in the identification: the meter offers mode E (HDLC / DLMS), §6.3.14 item 15. */
  readonly modeE: boolean;
  /** Third manufacturer letter in lower case: reaction time 20 ms instead of 200 ms (§6.3.14 item 12). */
  readonly reactionTimeMs: 20 | 200;
  /** The mode a readout would use, from the baud character (push meters report 'D' in the session). */
  readonly mode: ProtocolMode;
  /** Highest baud rate the meter offers; 300 in mode A. */
  readonly maxBaud: number;
}

/** §6.3.14 item 13: mode B baud characters. */
export const modeBBaud: Readonly<Record<string, number>> = { A: 600, B: 1200, C: 2400, D: 4800, E: 9600, F: 19200 };
/** §6.3.14 item 14: mode C and E baud characters. */
export const modeCBaud: Readonly<Record<string, number>> = { '0': 300, '1': 600, '2': 1200, '3': 2400, '4': 4800, '5': 9600, '6': 19200 };

/** The initial rate of modes A–C and E, 7E1 (§6.1). */
export const INITIAL_BAUD = 300;

/** Request message `/? address ! CR LF` (§6.3.1). The address is optional; at most 32 characters. */
export function signOnRequest(address = ''): Uint8Array {
  return asciiBytes(`/?${address}!\r\n`);
}

/** A device address may hold digits, letters and spaces (§6.3.1 note); anything else is refused. */
export function isValidAddress(address: string): boolean {
  return /^[0-9A-Za-z ]{0,32}$/.test(address);
}

/**
 * Wake-up of battery-powered meters (§6.4.4, "battery operated tariff devices"): NUL characters
 * at 300 baud for 2.1–2.3 s, then a pause of 1.5–1.7 s before the request.
 */
export const WAKE_UP_PAUSE_MS = 1600;
export function wakeUpSequence(durationMs = 2200, baud = INITIAL_BAUD): Uint8Array {
  return new Uint8Array(Math.ceil(((durationMs / 1000) * baud) / 10)).fill(NUL);
}

/** Option select `ACK V Z Y CR LF` (§6.3.3): V '0' normal protocol, Y '0' readout or '1' programming. */
export function optionSelect(baudChar: string, purpose: 'readout' | 'programming' = 'readout'): Uint8Array {
  const y = purpose === 'programming' ? '1' : '0';
  return concatBytes(Uint8Array.of(ACK), asciiBytes(`0${baudChar}${y}\r\n`));
}

/** Parses `/XXXZ ident` (without CR LF; leading noise before '/' is skipped). Null when it is not one. */
export function parseIdentification(line: string): Identification | null {
  const start = line.lastIndexOf('/');
  if (start < 0) return null;
  const text = line.slice(start);
  const match = /^\/([A-Za-z]{2}[A-Za-z])([\x21-\x7e])([\x20-\x7e]{0,64})$/.exec(text);
  if (!match) return null;
  const [, manufacturer = '', baudChar = '', ident = ''] = match;
  if (baudChar === '/' || baudChar === '!' || ident.includes('/') || ident.includes('!')) return null;
  const third = manufacturer.charAt(2);
  const modeE = /\\2/.test(ident);
  const mode: ProtocolMode = baudChar in modeCBaud ? (modeE ? 'E' : 'C') : baudChar in modeBBaud ? 'B' : 'A';
  const maxBaud =
    mode === 'B' ? (modeBBaud[baudChar] ?? INITIAL_BAUD) : mode === 'A' ? INITIAL_BAUD : (modeCBaud[baudChar] ?? INITIAL_BAUD);
  return {
    manufacturer,
    baudChar,
    ident,
    modeE,
    reactionTimeMs: third >= 'a' && third <= 'z' ? 20 : 200,
    mode,
    maxBaud,
  };
}

/** The mode C/E baud character to propose: the meter's offer capped by what the probe can do. */
export function chooseBaudChar(offered: Identification, maxBaud: number): { baudChar: string; baud: number } {
  let best = { baudChar: '0', baud: INITIAL_BAUD };
  for (const [char, baud] of Object.entries(modeCBaud)) {
    if (baud <= offered.maxBaud && baud <= maxBaud && baud > best.baud) best = { baudChar: char, baud };
  }
  return best;
}
