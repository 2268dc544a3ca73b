/**
 * The meter model file (`fieldmeter-meter-model/1`, one JSON file per model, docs/METER_MODELS.md):
 * what programming mode needs to know about one vendor's meter type — password command and
 * algorithm, clock registers and their time basis, the demand-reset command, the serial register,
 * pauses — and the source the facts come from. Checked by hand (no schema library) so the command
 * line can load it cheaply; an invalid file is refused with the field that is wrong.
 */
import type { MeterModelProblem, MeterModelProblemCode } from '../i18n/meterModelWords';
import { parseDlmsDemandReset, type DlmsDemandReset } from './dlmsDemandReset';
import { defaultStatusBits, type DateFormat, type MeterModel, type StatusBit, type TimeBasis, type TimeFormat } from './meterModels';

export const METER_MODEL_FORMAT = 'fieldmeter-meter-model/1';

export type ModelFileResult = { readonly ok: true; readonly model: MeterModel } | ({ readonly ok: false } & MeterModelProblem);

/** The first wrong field: a code and the values its words name (shared/i18n/meterModelWords.ts). */
class Invalid extends Error {
  constructor(
    readonly field: string,
    readonly code: MeterModelProblemCode,
    readonly details?: Readonly<Record<string, string | number>>,
  ) {
    super(`${field}: ${code}`);
  }
}

type Json = Readonly<Record<string, unknown>>;

function object(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Invalid(field, 'notObject');
  return value as Json;
}

function text(value: unknown, field: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || (pattern && !pattern.test(value)))
    throw pattern ? new Invalid(field, 'noMatch', { pattern: String(pattern) }) : new Invalid(field, 'notText');
  return value;
}

function oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new Invalid(field, 'notOneOf', { allowed: allowed.join(', ') });
  return value as T;
}

function milliseconds(value: unknown, field: string, max = 10_000): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) throw new Invalid(field, 'milliseconds', { max });
  return value;
}

// A register address as IEC 62056-21 data sets write it (§6.5): letters, digits, . : - * & (no brackets).
const ADDRESS = /^[0-9A-Za-z.:*&-]{1,16}$/;
const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

function statusBits(value: unknown): readonly StatusBit[] {
  if (value === undefined) return defaultStatusBits;
  if (!Array.isArray(value)) throw new Invalid('statusBits', 'notList');
  return value.map((item, i) => {
    const b = object(item, `statusBits[${i}]`);
    const bit = b.bit;
    if (typeof bit !== 'number' || !Number.isInteger(bit) || bit < 0 || bit > 31) throw new Invalid(`statusBits[${i}].bit`, 'bitRange');
    const event = oneOf(b.event, `statusBits[${i}].event`, ['coverOpened', 'tamperDetected', 'phaseFailure', 'powerDown'] as const);
    const meaning = text(b.meaning, `statusBits[${i}].meaning`);
    return b.clearedEvent === undefined
      ? { bit, event, meaning }
      : { bit, event, meaning, clearedEvent: oneOf(b.clearedEvent, `statusBits[${i}].clearedEvent`, ['tamperCleared'] as const) };
  });
}

function dlmsDemandReset(value: unknown): DlmsDemandReset | null {
  if (value === undefined || value === null) return null;
  const result = parseDlmsDemandReset(value);
  if (!result.ok) throw new Invalid(result.field, result.code, result.details);
  return result.value;
}

function parse(value: unknown): MeterModel {
  const file = object(value, '(file)');
  if (file.format !== METER_MODEL_FORMAT) throw new Invalid('format', 'format', { expected: METER_MODEL_FORMAT });
  const password = object(file.password, 'password');
  const clock = object(file.clock, 'clock');
  const date = object(clock.date, 'clock.date');
  const time = object(clock.time, 'clock.time');
  const pauses = file.pauses === undefined ? {} : object(file.pauses, 'pauses');
  const reset = file.demandReset === null ? null : object(file.demandReset, 'demandReset');
  const command = oneOf(password.command, 'password.command', ['P1', 'P2'] as const);
  const algorithm = oneOf(password.algorithm, 'password.algorithm', ['clear', 'xorOperandHex'] as const);
  if ((command === 'P1') !== (algorithm === 'clear'))
    // IEC 62056-21 §6.3.14: P1 sends the password in clear, P2 an answer computed over the operand.
    throw new Invalid('password.algorithm', 'passwordAlgorithm');
  return {
    name: text(file.name, 'name', NAME),
    description: text(file.description, 'description'),
    source: text(file.source, 'source', /\S/),
    password: command,
    passwordAlgorithm: algorithm,
    clock: {
      date: {
        address: text(date.address, 'clock.date.address', ADDRESS),
        format: oneOf<DateFormat>(date.format, 'clock.date.format', ['YYMMDD', 'YY-MM-DD', '0YYMMDD']),
      },
      time: {
        address: text(time.address, 'clock.time.address', ADDRESS),
        format: oneOf<TimeFormat>(time.format, 'clock.time.format', ['hhmmss', 'hh:mm:ss']),
      },
      timeBasis: oneOf<TimeBasis>(clock.timeBasis, 'clock.timeBasis', ['localStandard', 'localDst', 'utc']),
    },
    demandReset: reset && {
      command: oneOf(reset.command, 'demandReset.command', ['E2', 'W1'] as const),
      address: text(reset.address, 'demandReset.address', ADDRESS),
      data: text(reset.data, 'demandReset.data', /^[^()]{0,32}$/),
      demandRegister: text(reset.demandRegister, 'demandReset.demandRegister', ADDRESS),
      resetCounter: reset.resetCounter === null ? null : text(reset.resetCounter, 'demandReset.resetCounter', ADDRESS),
    },
    dlmsDemandReset: dlmsDemandReset(file.dlmsDemandReset),
    statusBits: statusBits(file.statusBits),
    serialRegister: text(file.serialRegister, 'serialRegister', ADDRESS),
    pauses: {
      afterOptionSelectMs:
        pauses.afterOptionSelectMs === undefined ? 0 : milliseconds(pauses.afterOptionSelectMs, 'pauses.afterOptionSelectMs'),
      // §6.3.14 item 12: the inter-character time may not exceed 1500 ms, or the meter drops the message.
      interCharacterMs: pauses.interCharacterMs === undefined ? 0 : milliseconds(pauses.interCharacterMs, 'pauses.interCharacterMs', 1000),
    },
  };
}

/** A model from a file's parsed JSON, or the first field that is wrong. */
export function parseMeterModel(value: unknown): ModelFileResult {
  try {
    return { ok: true, model: parse(value) };
  } catch (error) {
    if (error instanceof Invalid)
      return error.details
        ? { ok: false, field: error.field, code: error.code, details: error.details }
        : { ok: false, field: error.field, code: error.code };
    throw error;
  }
}
