/**
 * Per-model facts programming mode needs, because vendors differ: which registers hold the date
 * and the time (OBIS 0.9.2 / 0.9.1 in IEC 62056-61 §5.6, but formats and addresses vary), the
 * password kind (P1 clear, P2 derived from the P0 operand, IEC 62056-21 §6.3.14), and how a
 * demand (maximum) reset is triggered (E2 execute or W1 to a register), or not at all.
 *
 * The register maps below are the ones our simulator models; check them against the vendor's
 * manual before a model is used on real meters. Pure data and pure functions.
 */
export type DateFormat = 'YYMMDD' | 'YY-MM-DD';
export type TimeFormat = 'hhmmss' | 'hh:mm:ss';

export interface ClockRegisters {
  readonly date: { readonly address: string; readonly format: DateFormat };
  readonly time: { readonly address: string; readonly format: TimeFormat };
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
 * The status-word layout our simulator models (C.5.0 as hex). Vendors each have their own: check
 * it against the manual before a model is used on real meters, and give that model its own list.
 */
export const defaultStatusBits: readonly StatusBit[] = [
  { bit: 0, event: 'coverOpened', meaning: 'terminal cover opened' },
  { bit: 1, event: 'tamperDetected', clearedEvent: 'tamperCleared', meaning: 'magnetic field or other tamper' },
  { bit: 2, event: 'phaseFailure', meaning: 'voltage missing on a phase' },
];

export interface MeterModel {
  readonly name: string;
  readonly description: string;
  /** FLAG manufacturer ids (identification §6.3.2) that select this model when none is named. */
  readonly manufacturers: readonly string[];
  /** P1: the password in clear. P2: derived from the meter's P0 operand (`derivePassword`). */
  readonly password: 'P1' | 'P2';
  readonly clock: ClockRegisters;
  /** Null: the model's demand reset is not supported from the optical port (or not known to us). */
  readonly demandReset: DemandReset | null;
  /** How to read the status word C.5.0 for events. */
  readonly statusBits: readonly StatusBit[];
  /** The register with the meter's serial number, read (R1) before any write to check it is the expected meter. */
  readonly serialRegister: string;
}

export const meterModels: readonly MeterModel[] = [
  {
    name: 'generic',
    description: 'IEC 62056-21 meter with P1 password, date 0.9.2 (YYMMDD) and time 0.9.1 (hhmmss); no demand reset',
    manufacturers: [],
    password: 'P1',
    clock: { date: { address: '0.9.2', format: 'YYMMDD' }, time: { address: '0.9.1', format: 'hhmmss' } },
    demandReset: null,
    statusBits: defaultStatusBits,
    serialRegister: 'C.1.0',
  },
  {
    name: 'isk-mt',
    description: 'Mode C meter, P1 password, 0.9.2 / 0.9.1, demand reset by E2 on 0.1.0',
    manufacturers: ['ISK', 'ISk'],
    password: 'P1',
    clock: { date: { address: '0.9.2', format: 'YYMMDD' }, time: { address: '0.9.1', format: 'hhmmss' } },
    demandReset: { command: 'E2', address: '0.1.0', data: '', demandRegister: '1.6.0', resetCounter: '0.1.0' },
    statusBits: defaultStatusBits,
    serialRegister: 'C.1.0',
  },
  {
    name: 'lgz-zmd',
    description: 'Mode C meter, P2 password from the P0 operand, date C.53.2 (YY-MM-DD) and time C.53.1 (hh:mm:ss), demand reset by W1 to C.91.0',
    manufacturers: ['LGZ'],
    password: 'P2',
    clock: { date: { address: 'C.53.2', format: 'YY-MM-DD' }, time: { address: 'C.53.1', format: 'hh:mm:ss' } },
    demandReset: { command: 'W1', address: 'C.91.0', data: '1', demandRegister: '1.6.0', resetCounter: '0.1.0' },
    statusBits: defaultStatusBits,
    serialRegister: 'C.1.0',
  },
];

export function findMeterModel(name: string): MeterModel | undefined {
  return meterModels.find((m) => m.name === name);
}

/** The model for a meter that identified as `manufacturer`, else the generic one. */
export function modelForManufacturer(manufacturer: string): MeterModel {
  return meterModels.find((m) => m.manufacturers.includes(manufacturer)) ?? (meterModels[0] as MeterModel);
}

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
  return format === 'YY-MM-DD' ? parts.join('-') : parts.join('');
}

export function formatTime(f: ClockFields, format: TimeFormat): string {
  const parts = [two(f.hour), two(f.minute), two(f.second)];
  return format === 'hh:mm:ss' ? parts.join(':') : parts.join('');
}

/** `YYMMDD` / `YY-MM-DD` → year (2000–2099), month, day; null when it is not a valid date. */
export function parseDate(text: string, format: DateFormat): { year: number; month: number; day: number } | null {
  const m = (format === 'YY-MM-DD' ? /^(\d\d)-(\d\d)-(\d\d)$/ : /^(\d\d)(\d\d)(\d\d)$/).exec(text.trim());
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
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** The fields of a meter running at UTC+offset → epoch ms. */
export function clockEpoch(f: ClockFields, utcOffsetMinutes: number): number {
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - utcOffsetMinutes * 60_000;
}
