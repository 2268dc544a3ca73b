/**
 * Programming the meter at a stop through the optical probe: time sync (drift before and after)
 * and demand reset where the meter's model allows it (serial/programOperations.ts). Installers
 * and supervisors only. The outcome of every attempt is audited; once a write command went out
 * to the meter, the outcome is also queued as an EndDeviceControls message, in the same
 * transaction as the audit row (kind opticalControl, shared/cim/outbox). Where the office asked for it at
 * this meter (inbound/controlRequest.ts), the outcome carries that request's MessageID as its
 * CorrelationID, and a successful one closes the request. The password is never stored.
 */
import { endDeviceControlType } from '../../../shared/cim/codes/endDeviceCodes';
import { TRAINING_PORT, type OpticalProgramResult, type ProgramOperation } from '../../../shared/contract/methods/optical';
import { AppError } from '../../../shared/contract/result';
import type { DataValue } from '../../../shared/iec62056';
import type { OutboxPayloadInput } from '../../../shared/cim/outbox/kinds';
import { OpticalReadError } from '../serial/errors';
import { demandReset, timeSync, type DemandResetReport, type ProgramOptions, type TimeSyncReport } from '../serial/programOperations';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { requireInstaller } from '../review/roles';
import { recordProgramming } from '../workOrders/programming';
import { OPTICAL_PORT_SETTING } from './readAtUsagePoint';
import { opticalTarget, type JobMeter } from './opticalTarget';
import { openTrainingLink, TRAINING_METER_MODEL } from './trainingMeter';
import { loadMeterModels, meterModelFolder, modelAssignments } from './meterModelCatalog';
import { queueDemandResetReadings } from './demandResetReadings';
import { keepTranscript, startProbeSession } from './probeDoctor';

export interface ProgramRequest {
  usagePointId: string;
  port: string;
  operation: ProgramOperation;
  password: string;
  address?: string | undefined;
  maxBaud?: number | undefined;
  signal?: AbortSignal;
  /** The command about to be sent (`R1 0.9.1`, `W1 0.9.2(…)`). */
  onStep?: (step: string) => void;
  /** The model the installer named for this meter; default: the one a supervisor assigned to its type. */
  modelName?: string | undefined;
  /** Programming-mode timeouts (tests shorten the pause between sign-on attempts). */
  timeouts?: ProgramOptions['timeouts'];
  /** Program the new meter of this install or exchange; the outcome is also a step of the job. */
  job?: JobMeter | undefined;
  /** The installer confirmed that the meter at the probe is to be programmed although its serial is not the expected one. */
  confirmSerialMismatch?: boolean | undefined;
}

const WRITES = /^(W1|E2) /;
const valuesText = (values: readonly DataValue[]) => values.map((v) => `${v.value}${v.unit ? `*${v.unit}` : ''}`).join(' ');

function attributesOf(report: TimeSyncReport | DemandResetReport): OutboxPayloadInput<'opticalControl'>['attributes'] {
  const meter = [
    { name: 'meterModel', value: report.model },
    { name: 'meterIdentification', value: `${report.identification.manufacturer} ${report.identification.ident}` },
    ...(report.serial?.read ? [{ name: 'meterSerialRead', value: report.serial.read }] : []),
    ...(report.serial?.confirmedMismatch ? [{ name: 'serialMismatchConfirmed', value: 'true' }] : []),
  ];
  if ('before' in report) {
    return [
      ...meter,
      { name: 'meterTimeBefore', value: report.before.meterTime },
      { name: 'driftBeforeSeconds', value: String(report.before.driftS) },
      { name: 'writtenDate', value: report.written.date },
      { name: 'writtenTime', value: report.written.time },
      { name: 'meterTimeAfter', value: report.after.meterTime },
      { name: 'driftAfterSeconds', value: String(report.after.driftS) },
    ];
  }
  return [
    ...meter,
    { name: 'demandBefore', value: valuesText(report.demandBefore) },
    { name: 'demandAfter', value: valuesText(report.demandAfter) },
    ...(report.resetCounterBefore === null ? [] : [{ name: 'resetCounterBefore', value: report.resetCounterBefore }]),
    ...(report.resetCounterAfter === null ? [] : [{ name: 'resetCounterAfter', value: report.resetCounterAfter }]),
  ];
}

function findDemandRegister(modelName: string, models: ProgramOptions['models']): string | null {
  return models?.find((m) => m.name === modelName)?.demandReset?.demandRegister ?? null;
}

export async function programAtUsagePoint(store: Store, actor: Actor, request: ProgramRequest): Promise<OpticalProgramResult> {
  const what = request.operation === 'timeSync' ? 'set the meter clock' : 'reset the maximum demand';
  requireInstaller(actor, what);
  const meter = opticalTarget(store, request.usagePointId, request.job);
  const training = request.port === TRAINING_PORT;
  const commands: string[] = [];
  const session = startProbeSession(training ? async () => openTrainingLink(meter) : undefined);
  const options: ProgramOptions = {
    path: request.port,
    password: request.password,
    // Nothing is written to a meter that is not the one this stop or job expects, unless the installer confirms it.
    expectedSerial: meter.meterSerial,
    ...(request.confirmSerialMismatch ? { serialConfirmed: true } : {}),
    ...(request.address ? { address: request.address } : {}),
    ...(request.maxBaud ? { maxBaud: request.maxBaud } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.timeouts ? { timeouts: request.timeouts } : {}),
    ...(request.modelName ? { modelName: request.modelName } : {}),
    assignments: modelAssignments(store),
    models: loadMeterModels(meterModelFolder(store.path)).models,
    openLink: session.openLink,
    ...(training ? { modelName: TRAINING_METER_MODEL } : {}),
    onCommand: (step) => {
      commands.push(step);
      request.onStep?.(step);
    },
  };
  const startedAt = new Date().toISOString();
  let report: TimeSyncReport | DemandResetReport | null = null;
  let failure: OpticalReadError | null = null;
  try {
    report = request.operation === 'timeSync' ? await timeSync(options) : await demandReset(options);
  } catch (error) {
    if (!(error instanceof OpticalReadError)) throw error;
    failure = error;
  }
  const wrote = commands.some((c) => WRITES.test(c));
  // A demand reset counts only when the meter shows it: counter up by one, demand register changed.
  const unverified = report && 'verification' in report && report.verification !== 'verified' ? report.verification : null;
  const payload: OutboxPayloadInput<'opticalControl'> = {
    kind: 'opticalControl',
    operation: request.operation,
    controlType: endDeviceControlType(request.operation === 'timeSync' ? 'clockSet' : 'demandReset'),
    meter: meter.meterSerial,
    usagePoint: meter.usagePointId,
    startedAt,
    finishedAt: new Date().toISOString(),
    result: failure || unverified ? 'FAILED' : 'OK',
    ...(failure ? { error: { code: failure.code, reason: failure.message } } : {}),
    ...(unverified
      ? {
          error: {
            code: 'DEMAND_RESET_NOT_VERIFIED',
            reason: unverified === 'counterNotRaised' ? 'The reset counter did not rise by one.' : 'The demand register did not change.',
          },
        }
      : {}),
    attributes: report ? attributesOf(report) : [],
  };
  // The failure as the screen is told it (a code and typed details), kept with the work order's step too.
  const failed = failureOf(failure, unverified, wrote, meter.meterSerial);
  const messageId = store.mutate(actor, (change) => {
    keepTranscript(store, actor, session, {
      usagePointId: meter.usagePointId,
      meterSerial: meter.meterSerial,
      kind: request.operation,
      port: request.port,
      outcome: failure?.code ?? (unverified ? 'DEMAND_RESET_NOT_VERIFIED' : 'ok'),
    });
    // The office may have asked for this at this meter (an inbound CreateEndDeviceControls): the outcome answers it.
    const asked = store.controlRequests.nextOpen(meter.usagePointId, request.operation, meter.meterSerial);
    // A failure before any write changed nothing on the meter: the audit row is enough.
    const id =
      report || wrote
        ? store.journal.enqueue('opticalControl', payload, { usagePointId: meter.usagePointId, correlationId: asked?.messageId })
        : null;
    if (asked && id && payload.result === 'OK') store.controlRequests.done(asked.id, id, payload.finishedAt);
    if (report && 'verification' in report && !unverified) {
      const reset = findDemandRegister(report.model, options.models);
      if (reset) queueDemandResetReadings(store, meter, reset, report.demandBefore, payload.finishedAt);
    }
    change.audit({
      action: `optical.${request.operation}`,
      entity: 'end_device',
      entityId: meter.meterSerial,
      details: {
        usagePointId: meter.usagePointId,
        workOrderId: meter.workOrderId,
        port: request.port,
        result: payload.result,
        error: payload.error ?? null,
        wroteToMeter: wrote,
        attributes: payload.attributes,
        messageId: id,
        ...(asked && id ? { answers: asked.messageId } : {}),
      },
    });
    if (meter.workOrderId) {
      const attributes = Object.fromEntries(payload.attributes.map((a) => [a.name, a.value]));
      recordProgramming(store, meter.workOrderId, request.operation, payload.finishedAt, {
        meter: meter.meterSerial,
        result: payload.result,
        wroteToMeter: wrote,
        messageId: id,
        error: payload.error?.reason ?? null,
        failure: failed,
        attributes,
      });
    }
    if (report) store.settings.set(OPTICAL_PORT_SETTING, request.port);
    return id;
  });
  if (unverified) {
    throw new AppError(
      'OPTICAL_PROGRAM_FAILED',
      `The meter acknowledged the demand reset, but ${unverified === 'counterNotRaised' ? 'its reset counter did not rise by one' : 'its demand register did not change'}. Check the meter.`,
      { ...failed!.details, messageId },
    );
  }
  if (failure || !report || !messageId) {
    const written = wrote
      ? ' A write reached the meter before it failed: check the meter and run it again.'
      : ' Nothing was changed on the meter.';
    const details = (failed ?? failureOf(null, null, wrote, meter.meterSerial, true)!).details;
    throw new AppError('OPTICAL_PROGRAM_FAILED', `${failure?.message ?? 'Programming failed.'}${written}`, {
      ...details,
      messageId: messageId ?? null,
    });
  }
  return {
    operation: request.operation,
    manufacturer: report.identification.manufacturer,
    ident: report.identification.ident,
    model: report.model,
    meterSerialRead: report.serial?.read ?? null,
    serialMismatchConfirmed: report.serial?.confirmedMismatch ?? false,
    timeSync: 'before' in report ? { before: report.before, after: report.after, written: report.written } : null,
    demandReset:
      'before' in report
        ? null
        : {
            demandBefore: [...report.demandBefore],
            demandAfter: [...report.demandAfter],
            resetCounterBefore: report.resetCounterBefore,
            resetCounterAfter: report.resetCounterAfter,
          },
    messageId,
  };
}

/** The details of OPTICAL_PROGRAM_FAILED by reason (shared/contract/errorDetails.ts), without the message id. */
type FailureDetails =
  | { code: 'DEMAND_RESET_NOT_VERIFIED'; reason: 'demandResetNotVerified'; wroteToMeter: boolean }
  | { code: string; reason: 'meterModelNotConfigured'; meterType: string | null; wroteToMeter: false }
  | { reason: 'programFailed'; code: string; wroteToMeter: boolean; observedSerial?: string | null; expectedSerial?: string };

/**
 * A failed attempt as a code and typed details (said from errors.reason.*), or null when it worked:
 * what the screen is told when it happens and what the job's programming list says later (issue 16).
 */
function failureOf(
  failure: OpticalReadError | null,
  unverified: string | null,
  wrote: boolean,
  expectedSerial: string,
  noReport = false,
): { code: 'OPTICAL_PROGRAM_FAILED'; details: FailureDetails } | null {
  if (unverified)
    return {
      code: 'OPTICAL_PROGRAM_FAILED',
      details: { code: 'DEMAND_RESET_NOT_VERIFIED', reason: 'demandResetNotVerified', wroteToMeter: wrote },
    };
  if (!failure && !noReport) return null;
  // The meter offers readout only until a model is assigned.
  if (failure?.code === 'MODEL_NOT_CONFIGURED')
    return {
      code: 'OPTICAL_PROGRAM_FAILED',
      details: { code: failure.code, reason: 'meterModelNotConfigured', meterType: failure.meterType, wroteToMeter: false },
    };
  const observed = failure?.code === 'SERIAL_MISMATCH' ? { observedSerial: failure.observedSerial, expectedSerial } : {};
  return {
    code: 'OPTICAL_PROGRAM_FAILED',
    details: { reason: 'programFailed', code: failure?.code ?? 'PROTOCOL_ERROR', wroteToMeter: wrote, ...observed },
  };
}
