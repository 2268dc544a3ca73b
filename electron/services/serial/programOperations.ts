/**
 * What a field crew does in programming mode: set the meter clock (read, report the drift, write,
 * read again) and reset the maximum demand where the model allows it. Both run on a
 * ProgrammingConnection and always end it with B0 (IEC 62056-21 §6.3.12).
 */
import {
  chooseModel,
  clockEpoch,
  clockFields,
  formatDate,
  formatTime,
  meterClockEpoch,
  meterClockFields,
  parseDate,
  parseTime,
  shippedMeterModels,
  type ClockFields,
  type DataValue,
  type Identification,
  type MeterModel,
  type ModelAssignment,
} from '../../../shared/iec62056';
import { serialMatches } from '../../../shared/domain/readingValidation';
import { OpticalReadError } from './errors';
import { connectProgramming, type ProgramConnectOptions, type ProgrammingConnection } from './programmer';

export interface ProgramOptions extends Omit<ProgramConnectOptions, 'model'> {
  /** The model the installer named for this meter (CLI --profile, training); else the one assigned to its type. */
  readonly modelName?: string;
  /** Models assigned to meter types by the utility or a supervisor; a meter whose type has none is not programmed. */
  readonly assignments?: readonly ModelAssignment[];
  /** The models known on this device (shipped and the utility's own files); default: the shipped ones. */
  readonly models?: readonly MeterModel[];
  /** A fixed offset of the meter's clock from UTC, overriding the model's time basis (tests). */
  readonly utcOffsetMinutes?: number;
  /** The IANA zone of the meter's local time (for the model's time basis); default: this computer's. */
  readonly timeZone?: string;
  /**
   * The serial number of the meter that should be at the probe: it is read from the model's serial
   * register before any write, and a different one (or none) refuses the programming unless
   * `serialConfirmed`. Without it (a bare `fieldmeter program`), nothing is checked.
   */
  readonly expectedSerial?: string;
  /** The installer confirmed programming the meter at the probe although its serial is not the expected one. */
  readonly serialConfirmed?: boolean;
}

/** What the serial check found: the serial the meter gave, and whether programming went ahead on a confirmed mismatch. */
export interface SerialCheck {
  readonly read: string | null;
  readonly confirmedMismatch: boolean;
}

export interface ClockReading {
  readonly meterTime: string;
  /** Meter minus reference, in seconds (the meter shows whole seconds: ±1 s is in sync). */
  readonly driftS: number;
}

export interface TimeSyncReport {
  readonly identification: Pick<Identification, 'manufacturer' | 'ident'>;
  readonly model: string;
  readonly baud: number;
  readonly before: ClockReading;
  readonly written: { readonly date: string; readonly time: string };
  readonly after: ClockReading;
  readonly serial: SerialCheck | null;
  readonly commands: readonly string[];
}

export interface DemandResetReport {
  readonly identification: Pick<Identification, 'manufacturer' | 'ident'>;
  readonly model: string;
  readonly demandBefore: readonly DataValue[];
  readonly demandAfter: readonly DataValue[];
  readonly resetCounterBefore: string | null;
  readonly resetCounterAfter: string | null;
  /**
   * Whether the meter really reset: its reset counter rose by exactly one (where the model names
   * one) and the demand register changed. A meter that acknowledged but did neither did not reset.
   */
  readonly verification: 'verified' | 'counterNotRaised' | 'demandUnchanged';
  readonly serial: SerialCheck | null;
  readonly commands: readonly string[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A clock write goes out at most this long after its second started; later, it waits for the next one. */
const SECOND_START_SLACK_MS = 50;
const SECOND_START_TRIES = 3;
/** Date and time are not written this close to midnight (reaction times up to 1.5 s, and the second starts). */
const MIDNIGHT_MARGIN_MS = 8000;

/**
 * Waits for a second to start and returns that instant (the reference clock). A timer that fires
 * late on a busy machine would send the second's text that much after it began: then it waits for
 * the next second, a few times at most.
 */
async function secondStart(now: () => number, signal?: AbortSignal): Promise<number> {
  let at = now();
  for (let tries = 1; ; tries++) {
    await sleep(1000 - (at % 1000));
    // Cancelled while waiting: nothing is written (the connection still ends programming mode).
    if (signal?.aborted) throw new OpticalReadError('CANCELLED', 'Cancelled before the time was written.');
    at = now();
    if (at % 1000 <= SECOND_START_SLACK_MS || tries >= SECOND_START_TRIES) return at;
  }
}

function modelChooser(options: ProgramOptions): (id: Identification) => MeterModel {
  const models = options.models ?? shippedMeterModels;
  const name = options.modelName;
  if (name !== undefined) {
    const model = models.find((m) => m.name === name);
    if (!model) throw new OpticalReadError('NOT_SUPPORTED', `Unknown meter model "${name}".`);
    return () => model;
  }
  // Never by the manufacturer letters alone: only a model assigned to this meter type is used.
  return (id) => {
    const choice = chooseModel(id, options.assignments ?? [], models);
    if (choice.ok) return choice.model;
    const what =
      choice.reason === 'meterModelUnknown'
        ? `Meter type ${choice.meterType} is assigned model "${choice.model}", which is not on this device.`
        : `No meter model is assigned to meter type ${choice.meterType}.`;
    throw new OpticalReadError('MODEL_NOT_CONFIGURED', what, { meterType: choice.meterType });
  };
}

async function withConnection<T>(options: ProgramOptions, work: (c: ProgrammingConnection) => Promise<T>): Promise<T> {
  const connection = await connectProgramming({ ...options, model: modelChooser(options) });
  try {
    return await work(connection);
  } finally {
    await connection.close();
  }
}

/**
 * Before the first write: is the meter at the probe the one the stop or job expects? A meter that
 * refuses the read (ERxx) has not said which it is, and counts as a mismatch.
 */
async function checkSerial(c: ProgrammingConnection, options: ProgramOptions): Promise<SerialCheck | null> {
  const expected = options.expectedSerial;
  if (expected === undefined) return null;
  let read: string | null = null;
  try {
    read = (await c.read(c.model.serialRegister))[0]?.value.trim() || null;
  } catch (error) {
    if (!(error instanceof OpticalReadError && error.code === 'COMMAND_REFUSED')) throw error;
  }
  if (read !== null && serialMatches(expected, read)) return { read, confirmedMismatch: false };
  if (options.serialConfirmed) return { read, confirmedMismatch: true };
  const what =
    read === null
      ? `The meter gave no serial number in ${c.model.serialRegister}, so it cannot be checked against ${expected}: nothing was written.`
      : `The meter at the probe reports serial ${read}, not ${expected}: nothing was written.`;
  throw new OpticalReadError('SERIAL_MISMATCH', what, { observedSerial: read });
}

const first = (values: readonly DataValue[], what: string): string => {
  const value = values[0]?.value;
  if (value === undefined) throw new OpticalReadError('PROTOCOL_ERROR', `The meter sent no value for ${what}.`);
  return value;
};

/** Instant ↔ the fields the meter shows, by the model's time basis (or a fixed offset). */
interface MeterClock {
  fields(epochMs: number): ClockFields;
  epoch(fields: ClockFields, reference: number): number;
}

function meterClock(model: MeterModel, options: ProgramOptions): MeterClock {
  const fixed = options.utcOffsetMinutes;
  if (fixed !== undefined) return { fields: (t) => clockFields(t, fixed), epoch: (f) => clockEpoch(f, fixed) };
  const zone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const basis = model.clock.timeBasis;
  return { fields: (t) => meterClockFields(t, basis, zone), epoch: (f, reference) => meterClockEpoch(f, basis, zone, reference) };
}

/**
 * Reads the clock as time, date, time: if the second time is earlier than the first, midnight
 * passed between the reads and the date is read again. The reference instant is the middle of
 * the last time read, from the moment the command went out (after the reaction time we wait
 * before it) to its answer: the meter sampled its clock in between.
 */
async function readClock(c: ProgrammingConnection, clock: MeterClock, now: () => number): Promise<ClockReading> {
  const { date, time } = c.model.clock;
  const parse = (t: string) => parseTime(t, time.format) ?? badValue(time.address, t);
  const time1 = parse(first(await c.read(time.address), time.address));
  let dateText = first(await c.read(date.address), date.address);
  const time2Text = first(await c.read(time.address), time.address);
  const reference = (c.lastSentAt + now()) / 2;
  const time2 = parse(time2Text);
  if (time2.hour * 3600 + time2.minute * 60 + time2.second < time1.hour * 3600 + time1.minute * 60 + time1.second)
    dateText = first(await c.read(date.address), date.address);
  const day = parseDate(dateText, date.format) ?? badValue(date.address, dateText);
  const fields = { ...day, ...time2 };
  const driftS = Math.round((clock.epoch(fields, reference) - reference) / 100) / 10;
  return { meterTime: `${formatDate(fields, 'YY-MM-DD')} ${formatTime(fields, 'hh:mm:ss')}`, driftS };
}

function badValue(address: string, text: string): never {
  throw new OpticalReadError(
    'PROTOCOL_ERROR',
    `The meter's ${address} value "${text}" does not match the model's format: check --profile.`,
  );
}

/** Time sync: drift before, W1 date and time, drift after. */
export async function timeSync(options: ProgramOptions): Promise<TimeSyncReport> {
  const now = options.now ?? Date.now;
  return withConnection(options, async (c) => {
    const serial = await checkSerial(c, options);
    const clock = meterClock(c.model, options);
    const before = await readClock(c, clock, now);
    const { date, time } = c.model.clock;
    // Not across midnight (of the meter's own time basis): date and time must belong to the same day,
    // with room for the reaction times and the wait for a second's start before the time goes out.
    const shown = clock.fields(now());
    const msToMidnight = (86_400 - (shown.hour * 3600 + shown.minute * 60 + shown.second)) * 1000;
    if (msToMidnight < MIDNIGHT_MARGIN_MS) await sleep(msToMidnight + 500);
    const dateText = formatDate(clock.fields(now()), date.format);
    await c.write('W1', date.address, dateText);
    // The meter starts the written second when the command arrives: it leaves at a second's start,
    // made after the reaction time the connection waits before every command (§6.3.14 item 12),
    // so a late wait on a busy machine does not set the meter behind by its lateness.
    let timeText = '';
    let timeAt = 0;
    await c.write('W1', time.address, async () => {
      timeAt = await secondStart(now, options.signal);
      timeText = formatTime(clock.fields(timeAt), time.format);
      return timeText;
    });
    // A repeated time write makes its time afresh: if that took it past midnight, the day written before is
    // yesterday's, and the meter's date is written again for the day the time belongs to.
    let writtenDate = dateText;
    const timeDay = formatDate(clock.fields(timeAt), date.format);
    if (timeDay !== dateText) {
      await c.write('W1', date.address, timeDay);
      writtenDate = timeDay;
    }
    const after = await readClock(c, clock, now);
    return {
      identification: { manufacturer: c.identification.manufacturer, ident: c.identification.ident },
      model: c.model.name,
      baud: c.baud,
      before,
      written: { date: writtenDate, time: timeText },
      after,
      serial,
      commands: c.log,
    };
  });
}

/** Demand reset by the model's command (E2 or W1), with the demand register read before and after. */
export async function demandReset(options: ProgramOptions): Promise<DemandResetReport> {
  return withConnection(options, async (c) => {
    const reset = c.model.demandReset;
    if (!reset) throw new OpticalReadError('NOT_SUPPORTED', `Meter model "${c.model.name}" has no demand reset from the optical port.`);
    const serial = await checkSerial(c, options);
    const counter = async () => (reset.resetCounter ? ((await c.read(reset.resetCounter))[0]?.value ?? null) : null);
    const demandBefore = await c.read(reset.demandRegister);
    const resetCounterBefore = await counter();
    await c.write(reset.command, reset.address, reset.data);
    const demandAfter = await c.read(reset.demandRegister);
    const resetCounterAfter = await counter();
    const verification = verifyDemandReset(demandBefore, demandAfter, reset.resetCounter ? [resetCounterBefore, resetCounterAfter] : null);
    return {
      identification: { manufacturer: c.identification.manufacturer, ident: c.identification.ident },
      model: c.model.name,
      demandBefore,
      demandAfter,
      resetCounterBefore,
      resetCounterAfter,
      verification,
      serial,
      commands: c.log,
    };
  });
}

/** The reset counter up by exactly one (where the meter counts resets), and the demand register (value or its time) changed. */
export function verifyDemandReset(
  before: readonly DataValue[],
  after: readonly DataValue[],
  counter: readonly [string | null, string | null] | null,
): DemandResetReport['verification'] {
  if (counter) {
    const [was, is] = counter.map((v) => (v !== null && /^\d+$/.test(v.trim()) ? Number(v) : null));
    if (was === null || was === undefined || is === null || is === undefined || is !== was + 1) return 'counterNotRaised';
  }
  const text = (values: readonly DataValue[]) => values.map((v) => `${v.value}*${v.unit ?? ''}`).join('|');
  return text(before) === text(after) ? 'demandUnchanged' : 'verified';
}
