/**
 * Per-model facts programming mode needs, because vendors differ: which registers hold the date
 * and the time (OBIS 0.9.2 / 0.9.1 in IEC 62056-61 §5.6, but formats, addresses and the time basis
 * vary), the password kind (P1 clear, P2 derived from the P0 operand, IEC 62056-21 §6.3.14), and how
 * a demand (maximum) reset is triggered (E2 execute or W1 to a register), or not at all.
 *
 * Models are data: one JSON file each (./meterModelFile, docs/METER_MODELS.md), the shipped ones in
 * ./models and the utility's own in a folder it adds to. A model is used only for the meter types
 * the utility or installer assigned it to (./modelAssignment), never guessed from the manufacturer.
 */
import type { DlmsDemandReset } from './dlmsDemandReset';

export type DateFormat = 'YYMMDD' | 'YY-MM-DD' | '0YYMMDD';
export type TimeFormat = 'hhmmss' | 'hh:mm:ss';
/**
 * What the meter's clock shows: local standard time all year, local time with daylight saving, or
 * UTC (IEC 62056-62 clock class: time zone deviation and DST status are per meter).
 */
export type TimeBasis = 'localStandard' | 'localDst' | 'utc';

export interface ClockRegisters {
  readonly date: { readonly address: string; readonly format: DateFormat };
  readonly time: { readonly address: string; readonly format: TimeFormat };
  readonly timeBasis: TimeBasis;
}

export interface DemandReset {
  readonly command: 'E2' | 'W1';
  readonly address: string;
  readonly data: string;
  /** Register holding the maximum demand, read before and after (e.g. 1.6.0). */
  readonly demandRegister: string;
  /** Billing-period reset counter (OBIS 0.1.0) when the meter counts resets. */
  readonly resetCounter: string | null;
}

/** A bit of the status word C.5.0 that tells an event (bit 0 = least significant), and the event when it clears. */
export interface StatusBit {
  readonly bit: number;
  readonly event: 'coverOpened' | 'tamperDetected' | 'phaseFailure' | 'powerDown';
  readonly clearedEvent?: 'tamperCleared';
  readonly meaning: string;
}

/**
 * The status-word layout our simulator models (C.5.0 as hex). Vendors each have their own: a model
 * file gives its own list where it differs.
 */
export const defaultStatusBits: readonly StatusBit[] = [
  { bit: 0, event: 'coverOpened', meaning: 'terminal cover opened' },
  { bit: 1, event: 'tamperDetected', clearedEvent: 'tamperCleared', meaning: 'magnetic field or other tamper' },
  { bit: 2, event: 'phaseFailure', meaning: 'voltage missing on a phase' },
];

export interface MeterModel {
  readonly name: string;
  readonly description: string;
  /** Where the facts come from (a manual, a standard clause): every model file names its source. */
  readonly source: string;
  /** P1: the password in clear. P2: derived from the meter's P0 operand. */
  readonly password: 'P1' | 'P2';
  /** How the P2 answer is computed (`derivePassword`); 'clear' for P1. */
  readonly passwordAlgorithm: 'clear' | 'xorOperandHex';
  readonly clock: ClockRegisters;
  /** Null: the model's demand reset is not supported from the optical port (or not known to us). */
  readonly demandReset: DemandReset | null;
  /** A DLMS meter's demand reset by ACTION (./dlmsDemandReset); absent or null: none through DLMS. */
  readonly dlmsDemandReset?: DlmsDemandReset | null;
  /** How to read the status word C.5.0 for events. */
  readonly statusBits: readonly StatusBit[];
  /** The register with the meter's serial number, read (R1) before any write to check it is the expected meter. */
  readonly serialRegister: string;
  /** Pauses some meters need, beyond the reaction time every meter gets (IEC 62056-21 §6.3.14 item 12). */
  readonly pauses: MeterPauses;
}

/**
 * Pauses a model asks for. `afterOptionSelectMs`: after the option select (`ACK 0 Z Y CR LF`, §6.3.3)
 * has left, before the probe changes its rate — in a plain read as in programming; some meters
 * answer late at the new rate and lose the start of the readout otherwise. `interCharacterMs`:
 * between the characters of a programming command, for meters whose input buffer overruns at full
 * speed (§6.3.14 item 12 bounds the inter-character time at 1500 ms; a model stays well below).
 */
export interface MeterPauses {
  readonly afterOptionSelectMs: number;
  readonly interCharacterMs: number;
}

export const noPauses: MeterPauses = { afterOptionSelectMs: 0, interCharacterMs: 0 };

/**
 * P2 answer to the meter's operand. Vendors keep their algorithms to themselves; this stand-in
 * (each password character XOR the operand character, as two hex digits) shows where a vendor's
 * function plugs in, and is what our simulator checks.
 */
export function derivePassword(password: string, operand: string): string {
  let out = '';
  for (let i = 0; i < password.length; i++) {
    const o = operand.length ? operand.charCodeAt(i % operand.length) : 0;
    out += ((password.charCodeAt(i) ^ o) & 0xff).toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Wall-clock fields of a meter's local time. */
export interface ClockFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const two = (n: number) => String(n).padStart(2, '0');

export function formatDate(f: ClockFields, format: DateFormat): string {
  const parts = [two(f.year % 100), two(f.month), two(f.day)];
  if (format === '0YYMMDD') return `0${parts.join('')}`;
  return format === 'YY-MM-DD' ? parts.join('-') : parts.join('');
}

export function formatTime(f: ClockFields, format: TimeFormat): string {
  const parts = [two(f.hour), two(f.minute), two(f.second)];
  return format === 'hh:mm:ss' ? parts.join(':') : parts.join('');
}

const datePatterns: Readonly<Record<DateFormat, RegExp>> = {
  YYMMDD: /^(\d\d)(\d\d)(\d\d)$/,
  'YY-MM-DD': /^(\d\d)-(\d\d)-(\d\d)$/,
  // Iskra MT174 meters write the date as 7 digits, a 0 before YYMMDD (published readouts in obis_d0
  // configurations of the MT174 show `0.9.2(0230223)` for 2023-02-23).
  '0YYMMDD': /^0(\d\d)(\d\d)(\d\d)$/,
};

/** `YYMMDD` / `YY-MM-DD` / `0YYMMDD` → year (2000–2099), month, day; null when it is not a valid date. */
export function parseDate(text: string, format: DateFormat): { year: number; month: number; day: number } | null {
  const m = datePatterns[format].exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [2000 + Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { year, month, day };
}

/** `hhmmss` / `hh:mm:ss` → hour, minute, second; null when it is not a valid time. */
export function parseTime(text: string, format: TimeFormat): { hour: number; minute: number; second: number } | null {
  const m = (format === 'hh:mm:ss' ? /^(\d\d):(\d\d):(\d\d)$/ : /^(\d\d)(\d\d)(\d\d)$/).exec(text.trim());
  if (!m) return null;
  const [hour, minute, second] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return hour < 24 && minute < 60 && second < 60 ? { hour, minute, second } : null;
}

/** Epoch ms → the fields a meter running at UTC+offset shows. */
export function clockFields(epochMs: number, utcOffsetMinutes: number): ClockFields {
  const d = new Date(epochMs + utcOffsetMinutes * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The fields of a meter running at UTC+offset → epoch ms. */
export function clockEpoch(f: ClockFields, utcOffsetMinutes: number): number {
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - utcOffsetMinutes * 60_000;
}
