/**
 * The app's DLMS read (contract `optical.dlmsRead`): the days the screen picked as a period, the
 * read and save of ./dlmsAtUsagePoint, and the result in the contract's shape. The meter's LLS
 * password comes from the meter-key store only (screenSecrets).
 */
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import type { DlmsObjectsResult, dlmsReadInput, DlmsReadResult } from '../../../shared/contract/methods/dlmsRead';
import type { OpticalProgramResult, OpticalReadResult } from '../../../shared/contract/methods/optical';
import { AppError } from '../../../shared/contract/appError';
import { serialMatches } from '../../../shared/domain/readingValidation';
import type { Identification } from '../../../shared/iec62056/identification';
import { DlmsReadError, type DlmsReadProgress, type KeysFor } from '../serial/dlmsReader';
import type { OpticalProgress } from '../../../shared/contract/methods/optical';
import type { MeterKeys } from '../meterKeys';
import { opticalTarget } from './opticalTarget';
import { obisToReadingType } from '../../../shared/cim/codes/obis';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { readDlmsAtUsagePoint, type DlmsSaveRequest } from './dlmsAtUsagePoint';
import { trainingDlmsMedium } from './trainingDlmsMeter';

const DAY_MS = 86_400_000;

/** A DLMS read's progress as the screen's progress bar takes the mode C reader's (contract `optical.progress`). */
export const dlmsProgressEvent = (p: DlmsReadProgress): OpticalProgress => ({
  phase: p.phase === 'identification' ? 'identification' : 'data',
  attempt: p.attempt,
  bytes: p.bytes,
  baud: p.baud,
  estimatedMsLeft: p.estimatedMsLeft,
});

/**
 * The secrets of the stop's meter: its HLS keys from the meter-key store (a DLMS meter is named
 * there by its serial, with no manufacturer: meterKeys/keyFile.ts) and its LLS password (kind
 * `dlms.password`). The app's screens take them from the store only, never from plain text
 * (issue 22); the CLI alone may give `passwordWhereNone` (its environment). Opened only here, for
 * this read; never logged.
 */
export function stopMeterSecrets(
  meterKeys: Pick<MeterKeys, 'keysFor'> | undefined,
  meterSerial: string,
  passwordWhereNone?: () => Uint8Array | null,
): KeysFor {
  return () => {
    const keys = meterKeys?.keysFor({ id: meterSerial }) ?? {};
    return {
      password: keys['dlms.password'] ?? passwordWhereNone?.() ?? null,
      encryptionKey: keys['dlms.encryption'] ?? null,
      authenticationKey: keys['dlms.authentication'] ?? null,
    };
  };
}

/**
 * The store's secrets for a screen, noting whether the meter was met with none at all: then the
 * association went out with the lowest-level security (no password, Green Book §9.2.7.2.1), and a
 * refusal for authentication failure (AARE diagnostic 13, IEC 62056-5-3 §7.2.4) says the meter
 * wants its LLS password, which this device does not hold. Nothing is guessed, nothing retried.
 */
function screenSecrets(meterKeys: Pick<MeterKeys, 'keysFor'> | undefined, meterSerial: string, passwordWhereNone?: () => Uint8Array) {
  const store = stopMeterSecrets(meterKeys, meterSerial, passwordWhereNone);
  let bare = false;
  const keysFor: KeysFor = async (identification) => {
    const secrets = await store(identification);
    bare = !secrets.password?.length && !(secrets.encryptionKey && secrets.authenticationKey);
    return secrets;
  };
  const wantsPassword = (error: unknown): error is AppError =>
    bare && error instanceof AppError && (error.details as { code?: unknown } | undefined)?.code === 'PASSWORD_REJECTED';
  return { keysFor, wantsPassword };
}

export async function readDlmsForScreen(
  store: Store,
  actor: Actor,
  input: z.infer<typeof dlmsReadInput>,
  signal: AbortSignal,
  onProgress: (p: DlmsReadProgress) => void,
  read?: DlmsSaveRequest['read'],
  meterKeys?: Pick<MeterKeys, 'keysFor'>,
): Promise<DlmsReadResult> {
  const from = input.from ? Date.parse(`${input.from}T00:00:00Z`) : null;
  const to = input.to ? Date.parse(`${input.to}T00:00:00Z`) + DAY_MS : from !== null ? from + DAY_MS : null;
  const profile = from !== null && to !== null && to > from ? { from, to } : null;
  const meterSerial = opticalTarget(store, input.usagePointId).meterSerial;
  const training = trainingDlmsMedium(store, input.usagePointId, input.port);
  const secrets = screenSecrets(meterKeys, meterSerial, training?.password);
  const { readout, saved } = await readDlmsAtUsagePoint(store, actor, {
    usagePointId: input.usagePointId,
    port: input.port,
    ...(training ? { openLink: training.openLink } : {}),
    keysFor: secrets.keysFor,
    profile,
    signal,
    photoDir: join(dirname(store.path), 'photos'),
    ...(input.note ? { note: input.note } : {}),
    ...(input.confirmReason ? { confirmReason: input.confirmReason } : {}),
    read: (o) => (read ?? defaultRead)({ ...o, onProgress }),
  }).catch((error: unknown) => {
    if (!secrets.wantsPassword(error)) throw error;
    throw new AppError('OPTICAL_READ_FAILED', `Meter ${meterSerial} asks for its LLS password and there is none for it.`, {
      reason: 'meterPasswordMissing',
      meterSerial,
    });
  });
  const { data, identification } = readout;
  return {
    manufacturer: identification.manufacturer,
    ident: identification.ident,
    baud: readout.baud,
    meterSerial: data.serial,
    clock: data.clock,
    disconnect: data.disconnect,
    registers: data.registers.map((r) => ({ obis: r.obis, value: r.value, unit: r.unit, readingType: readingTypeOf(r) })),
    profile: data.profile
      ? {
          capturePeriodS: data.profile.capturePeriodS,
          channels: data.profile.channels.map((c) => ({ obis: c.obis, unit: c.unit, readingType: readingTypeOf(c) })),
          intervals: data.profile.intervals.map((i) => ({ end: i.end, status: [...i.status], values: [...i.values] })),
        }
      : null,
    objects: data.offered ? [...data.offered] : null,
    savedReadings: saved.readings.readings.length,
    profileMessageId: saved.profileMessageId,
  };
}

/**
 * The Read of the optical panel for a meter that offered mode E (IEC 62056-21 §6.3.14 item 15, `\2`
 * in its identification): read and saved through DLMS as the DLMS panel does, and told in the
 * shape of an optical read with no mode C values (the screen shows the DLMS result).
 */
export function modeERead(
  identification: Identification,
  expectedSerial: string,
  dlms: DlmsReadResult,
  durationMs: number,
): OpticalReadResult {
  return {
    manufacturer: identification.manufacturer,
    ident: identification.ident,
    mode: 'E',
    baud: dlms.baud,
    checksum: 'absent',
    meterSerial: dlms.meterSerial,
    serialMatches: dlms.meterSerial === null ? null : serialMatches(expectedSerial, dlms.meterSerial),
    values: [],
    durationMs,
    model: null,
    programmingUnavailable: null,
    demandResetSupported: false,
    status: null,
    dlms,
  };
}

/**
 * The meter's object list alone (contract `optical.dlmsObjects`): a short association that reads
 * Association LN attribute 2 and releases; nothing is saved. With the store's secrets, as a read.
 */
export async function dlmsObjectsForScreen(
  store: Store,
  input: { usagePointId: string; port: string },
  signal: AbortSignal,
  onProgress: (p: DlmsReadProgress) => void,
  meterKeys?: Pick<MeterKeys, 'keysFor'>,
  read?: DlmsSaveRequest['read'],
): Promise<DlmsObjectsResult> {
  const { objectListPlan } = await import('../../../shared/dlms/objectList');
  const meterSerial = opticalTarget(store, input.usagePointId).meterSerial;
  const training = trainingDlmsMedium(store, input.usagePointId, input.port);
  const secrets = screenSecrets(meterKeys, meterSerial, training?.password);
  const readout = await (read ?? defaultRead)({
    path: input.port,
    ...(training ? { openLink: training.openLink } : {}),
    plan: objectListPlan,
    keysFor: secrets.keysFor,
    signal,
    onProgress,
  }).catch((error: unknown) => {
    throw error instanceof DlmsReadError
      ? new AppError('OPTICAL_READ_FAILED', error.message, { reason: 'probe', code: error.code, diagnostic: error.diagnostic?.log ?? null })
      : error;
  });
  return {
    manufacturer: readout.identification.manufacturer,
    ident: readout.identification.ident,
    objects: readout.data.offered ? [...readout.data.offered] : null,
  };
}

const defaultRead: NonNullable<DlmsSaveRequest['read']> = async (o) => (await import('../serial/dlmsReader')).readDlmsMeter(o);

/**
 * The programming panel's clock set for a DLMS meter (contract `optical.program` with protocol
 * `dlms`): ./dlmsClockSet (installer right, serial check before the SET, read-back, audit, the
 * EndDeviceControls outcome), told in the shape of a mode C time sync.
 */
export async function dlmsTimeSyncForScreen(
  store: Store,
  actor: Actor,
  input: { usagePointId: string; port: string },
  signal: AbortSignal,
  meterKeys?: Pick<MeterKeys, 'keysFor'>,
): Promise<OpticalProgramResult> {
  const { dlmsClockSetAtUsagePoint } = await import('./dlmsClockSet');
  const { meterSerial, done } = await programWithStoredSecrets(store, input.usagePointId, meterKeys, input.port, (keysFor, read) =>
    dlmsClockSetAtUsagePoint(store, actor, { usagePointId: input.usagePointId, port: input.port, keysFor, signal, ...read }),
  );
  const o = done.outcome;
  const iso = (ms: number) => new Date(ms).toISOString();
  const drift = (meter: number, host: number) => Math.round((meter - host) / 100) / 10;
  return {
    operation: 'timeSync',
    manufacturer: '',
    ident: '',
    model: 'DLMS/COSEM',
    // The plan wrote only after the meter's serial matched the stop's.
    meterSerialRead: meterSerial,
    serialMismatchConfirmed: false,
    timeSync: o
      ? {
          before: { meterTime: iso(o.beforeMs), driftS: drift(o.beforeMs, o.hostBeforeMs) },
          after: { meterTime: iso(o.afterMs), driftS: drift(o.afterMs, o.hostAfterMs) },
          written: { date: iso(o.writtenMs).slice(0, 10), time: iso(o.writtenMs).slice(11, 19) },
        }
      : null,
    demandReset: null,
    messageId: done.messageId ?? '',
  };
}

/** Runs a programming operation on the stop's meter with its stored secrets (the training meter's on its port); a refusal for want of the password is said as such. */
async function programWithStoredSecrets<T>(
  store: Store,
  usagePointId: string,
  meterKeys: Pick<MeterKeys, 'keysFor'> | undefined,
  port: string,
  run: (keysFor: ReturnType<typeof screenSecrets>['keysFor'], read: { read?: DlmsSaveRequest['read'] }) => Promise<T>,
): Promise<{ meterSerial: string; done: T }> {
  const meterSerial = opticalTarget(store, usagePointId).meterSerial;
  const training = trainingDlmsMedium(store, usagePointId, port);
  const secrets = screenSecrets(meterKeys, meterSerial, training?.password);
  const read = training ? { read: (o: Parameters<typeof defaultRead>[0]) => defaultRead({ ...o, openLink: training.openLink }) } : {};
  const done = await run(secrets.keysFor, read).catch((error: unknown) => passwordMissing(secrets, meterSerial, error));
  return { meterSerial, done };
}

/** A programming attempt the meter refused for want of its password: said as such, the failed attempt's message kept. */
function passwordMissing(secrets: ReturnType<typeof screenSecrets>, meterSerial: string, error: unknown): never {
  if (!secrets.wantsPassword(error)) throw error;
  const { messageId } = error.details as { messageId?: string | null };
  throw new AppError('OPTICAL_PROGRAM_FAILED', `Meter ${meterSerial} asks for its LLS password and there is none for it.`, {
    reason: 'meterPasswordMissing',
    meterSerial,
    wroteToMeter: false,
    messageId: messageId ?? null,
  });
}

/** What a register or profile channel measures, for the screen to name it in words (its OBIS code shown small beside). */
const readingTypeOf = (r: { obis: string; unit: string | null }): string | null => obisToReadingType(r.obis, r.unit)?.readingType ?? null;

/**
 * The programming panel's demand reset for a DLMS meter (contract `optical.program` with protocol
 * `dlms`): ./dlmsDemandReset (the model's ACTION, installer right, serial check, read-back, audit,
 * the EndDeviceControls outcome), told in the shape of a mode C demand reset.
 */
export async function dlmsDemandResetForScreen(
  store: Store,
  actor: Actor,
  input: { usagePointId: string; port: string },
  signal: AbortSignal,
  meterKeys?: Pick<MeterKeys, 'keysFor'>,
): Promise<OpticalProgramResult> {
  const { dlmsDemandResetAtUsagePoint } = await import('./dlmsDemandReset');
  const { meterSerial, done } = await programWithStoredSecrets(store, input.usagePointId, meterKeys, input.port, (keysFor, read) =>
    dlmsDemandResetAtUsagePoint(store, actor, { usagePointId: input.usagePointId, port: input.port, keysFor, signal, ...read }),
  );
  const values = (s: typeof done.outcome.before) => s.demand.map((d) => ({ value: d.value ?? '', unit: d.unit }));
  return {
    operation: 'demandReset',
    manufacturer: '',
    ident: '',
    model: 'DLMS/COSEM',
    // The plan acted only after the meter's serial matched the stop's.
    meterSerialRead: meterSerial,
    serialMismatchConfirmed: false,
    timeSync: null,
    demandReset: {
      demandBefore: values(done.outcome.before),
      demandAfter: values(done.outcome.after),
      resetCounterBefore: done.outcome.before.resetCounter,
      resetCounterAfter: done.outcome.after.resetCounter,
    },
    messageId: done.messageId ?? '',
  };
}
