/**
 * Resetting a DLMS meter's maximum demand at a stop (issue 22 item 4) with what mode C programming
 * has (./programAtUsagePoint): installers only; the ACTION the meter's model names (Demand
 * Register reset or the MDI reset script, shared/dlms/demandResetPlan), never guessed; nothing
 * sent to a meter whose serial is not the stop's; the demand registers and reset counter read back;
 * the attempt audited in the same transaction as its outcome, queued as an EndDeviceControls
 * (demandReset 3.8.0.214) message, and, when verified, the demand before the reset as a reading
 * with the event Demand.NA.ResetOccurred 3.8.0.215 (./demandResetReadings).
 */
import { endDeviceControlType } from '../../../shared/cim/codes/endDeviceCodes';
import type { OutboxPayloadInput } from '../../../shared/cim/outbox/kinds';
import { AppError } from '../../../shared/contract/result';
import { serialMatches } from '../../../shared/domain/readingValidation';
import { demandResetPlan, type DemandResetOutcome, type DemandSnapshot } from '../../../shared/dlms/demandResetPlan';
import { chooseModel, meterTypeOf, type Identification, type MeterModel, type ModelAssignment } from '../../../shared/iec62056';
import { requireInstaller } from '../review/roles';
import { DlmsReadError, readDlmsMeter, type KeysFor } from '../serial/dlmsReader';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { queueDemandResetReadings } from './demandResetReadings';
import { loadMeterModels, meterModelFolder, modelAssignments } from './meterModelCatalog';
import { opticalTarget } from './opticalTarget';

export interface DlmsDemandResetRequest {
  readonly usagePointId: string;
  readonly port: string;
  readonly keysFor?: KeysFor;
  readonly signal?: AbortSignal;
  readonly read?: typeof readDlmsMeter;
  /** Default: the models on this device and the supervisor's assignments. */
  readonly models?: readonly MeterModel[];
  readonly assignments?: readonly ModelAssignment[];
}

const snapshotAttributes = (when: 'Before' | 'After', s: DemandSnapshot) => [
  ...s.demand.map((d) => ({ name: `demand${when}`, value: `${d.obis} ${d.value ?? ''}${d.unit ? ` ${d.unit}` : ''}`.trim() })),
  ...(s.resetCounter === null ? [] : [{ name: `resetCounter${when}`, value: s.resetCounter }]),
];

function errorOf(outcome: DemandResetOutcome | null, failure: DlmsReadError | null) {
  if (failure) return { code: failure.code, reason: failure.dlmsCode };
  if (!outcome) return { code: 'PROTOCOL_ERROR', reason: 'noOutcome' };
  switch (outcome.step) {
    case 'done':
      return outcome.verification === 'verified' ? null : { code: 'DEMAND_RESET_NOT_VERIFIED', reason: outcome.verification };
    case 'serialMismatch':
      return { code: 'SERIAL_MISMATCH', reason: 'serialMismatch' };
    case 'refused':
      return { code: 'COMMAND_REFUSED', reason: `actionResult${outcome.accessResult}` };
    case 'demandUnreadable':
      return { code: 'PROTOCOL_ERROR', reason: 'demandUnreadable' };
    case 'notConfigured':
      return { code: 'NOT_SUPPORTED', reason: 'notConfigured' };
  }
}

export async function dlmsDemandResetAtUsagePoint(store: Store, actor: Actor, request: DlmsDemandResetRequest) {
  requireInstaller(actor, 'reset the maximum demand');
  const meter = opticalTarget(store, request.usagePointId);
  const models = request.models ?? loadMeterModels(meterModelFolder(store.path)).models;
  const assignments = request.assignments ?? modelAssignments(store);
  // The model is the meter type's (from its identification), as in mode C: never by the manufacturer alone.
  let seen: Identification | null = null;
  const modelOf = () => {
    const choice = seen ? chooseModel(seen, assignments, models) : null;
    return choice?.ok ? choice.model : null;
  };
  const holder: { value: DemandResetOutcome | null } = { value: null };
  const startedAt = new Date().toISOString();
  let failure: DlmsReadError | null = null;
  try {
    await (request.read ?? readDlmsMeter)({
      path: request.port,
      plan: () =>
        demandResetPlan(
          () => modelOf()?.dlmsDemandReset ?? null,
          (observed) => observed !== null && serialMatches(meter.meterSerial, observed),
          holder,
        ),
      keysFor: async (identification) => {
        seen = identification;
        return (await request.keysFor?.(identification)) ?? {};
      },
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    if (!(error instanceof DlmsReadError)) throw error;
    failure = error;
  }
  const outcome = holder.value;
  // The ACTION went out once the plan got past the first read of the demand registers.
  const wrote =
    outcome !== null && (outcome.step === 'done' || outcome.step === 'refused' || (outcome.step === 'demandUnreadable' && outcome.wrote));
  const error = errorOf(outcome, failure);
  const model = modelOf();
  const attributes = [
    ...(model ? [{ name: 'meterModel', value: model.name }] : []),
    ...(seen ? [{ name: 'meterIdentification', value: `${(seen as Identification).manufacturer} ${(seen as Identification).ident}` }] : []),
    ...(outcome?.step === 'done' || outcome?.step === 'refused' ? snapshotAttributes('Before', outcome.before) : []),
    ...(outcome?.step === 'done' ? snapshotAttributes('After', outcome.after) : []),
  ];
  const payload: OutboxPayloadInput<'opticalControl'> = {
    kind: 'opticalControl',
    operation: 'demandReset',
    controlType: endDeviceControlType('demandReset'),
    meter: meter.meterSerial,
    usagePoint: meter.usagePointId,
    startedAt,
    finishedAt: new Date().toISOString(),
    result: error ? 'FAILED' : 'OK',
    ...(error ? { error } : {}),
    attributes,
  };
  const messageId = store.mutate(actor, (change) => {
    const asked = store.controlRequests.nextOpen(meter.usagePointId, 'demandReset', meter.meterSerial);
    // A failure before the ACTION changed nothing on the meter: the audit row is enough.
    const id = wrote
      ? store.journal.enqueue('opticalControl', payload, { usagePointId: meter.usagePointId, correlationId: asked?.messageId })
      : null;
    if (asked && id && !error) store.controlRequests.done(asked.id, id, payload.finishedAt);
    const first = outcome?.step === 'done' ? outcome.before.demand[0] : undefined;
    if (!error && first?.value)
      queueDemandResetReadings(store, meter, first.obis, [{ value: first.value, unit: first.unit }], payload.finishedAt);
    change.audit({
      action: 'optical.demandReset',
      entity: 'end_device',
      entityId: meter.meterSerial,
      details: {
        usagePointId: meter.usagePointId,
        port: request.port,
        protocol: 'dlms',
        result: payload.result,
        error,
        wroteToMeter: wrote,
        attributes,
        messageId: id,
      },
    });
    return id;
  });
  if (!error) return { messageId, outcome: outcome as Extract<DemandResetOutcome, { step: 'done' }> };
  if (outcome?.step === 'notConfigured') {
    const meterType = seen ? meterTypeOf(seen) : null;
    const common = { meterType, wroteToMeter: false as const, messageId };
    if (!model)
      throw new AppError(
        'OPTICAL_PROGRAM_FAILED',
        `No meter model is assigned to meter type ${meterType}. Nothing was sent to the meter.`,
        {
          reason: 'meterModelNotConfigured',
          code: 'MODEL_NOT_CONFIGURED',
          ...common,
        },
      );
    throw new AppError(
      'OPTICAL_PROGRAM_FAILED',
      `Meter model "${model.name}" has no demand reset through DLMS. Nothing was sent to the meter.`,
      {
        reason: 'dlmsDemandResetNotConfigured',
        code: 'NOT_SUPPORTED',
        ...common,
      },
    );
  }
  if (error.code === 'DEMAND_RESET_NOT_VERIFIED') {
    throw new AppError('OPTICAL_PROGRAM_FAILED', 'The meter acknowledged the demand reset but does not show it. Check the meter.', {
      reason: 'demandResetNotVerified',
      code: 'DEMAND_RESET_NOT_VERIFIED',
      wroteToMeter: true,
      messageId,
    });
  }
  const observed = outcome?.step === 'serialMismatch' ? { observedSerial: outcome.observed, expectedSerial: meter.meterSerial } : {};
  throw new AppError(
    'OPTICAL_PROGRAM_FAILED',
    failure?.message ??
      `The demand was not reset (${error.reason}).${wrote ? ' A command reached the meter: check it.' : ' Nothing was changed on the meter.'}`,
    { reason: 'programFailed', code: error.code, wroteToMeter: wrote, messageId, ...observed },
  );
}
