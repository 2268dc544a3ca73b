/**
 * Setting a DLMS meter's clock at a stop (issue 22 item 4), with what mode C programming has
 * (./programAtUsagePoint): installers only, nothing written to a meter whose serial is not the
 * stop's, the clock read again to verify, the attempt audited and its outcome queued as an
 * EndDeviceControls (clockSet) message.
 */
import { endDeviceControlType } from '../../../shared/cim/codes/endDeviceCodes';
import type { OutboxPayloadInput } from '../../../shared/cim/outbox/kinds';
import { AppError } from '../../../shared/contract/result';
import { serialMatches } from '../../../shared/domain/readingValidation';
import { clockSetPlan, type ClockSetOutcome } from '../../../shared/dlms/clockSetPlan';
import { requireInstaller } from '../review/roles';
import { DlmsReadError, readDlmsMeter, type KeysFor } from '../serial/dlmsReader';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { opticalTarget } from './opticalTarget';

export interface DlmsClockSetRequest {
  readonly usagePointId: string;
  readonly port: string;
  readonly keysFor?: KeysFor;
  readonly signal?: AbortSignal;
  readonly now?: () => number;
  readonly read?: typeof readDlmsMeter;
}

export async function dlmsClockSetAtUsagePoint(store: Store, actor: Actor, request: DlmsClockSetRequest) {
  requireInstaller(actor, 'set the meter clock');
  const meter = opticalTarget(store, request.usagePointId);
  const now = request.now ?? Date.now;
  const outcome: { value: ClockSetOutcome | null } = { value: null };
  const startedAt = new Date(now()).toISOString();
  let failure: DlmsReadError | null = null;
  try {
    await (request.read ?? readDlmsMeter)({
      path: request.port,
      plan: () => clockSetPlan((seen) => seen !== null && serialMatches(meter.meterSerial, seen), now, outcome),
      now,
      ...(request.keysFor ? { keysFor: request.keysFor } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    if (!(error instanceof DlmsReadError)) throw error;
    failure = error;
  }
  const result = outcome.value;
  // The SET went out once the plan got past the clock read: a failure after it may have changed the meter.
  const wrote = result !== null && (result.step === 'done' || result.step === 'notVerified');
  const iso = (ms: number) => new Date(ms).toISOString();
  const attributes =
    result?.step === 'done'
      ? [
          { name: 'meterTimeBefore', value: iso(result.beforeMs) },
          { name: 'driftBeforeSeconds', value: String(Math.round((result.beforeMs - result.hostBeforeMs) / 100) / 10) },
          { name: 'written', value: iso(result.writtenMs) },
          { name: 'meterTimeAfter', value: iso(result.afterMs) },
          { name: 'driftAfterSeconds', value: String(Math.round((result.afterMs - result.hostAfterMs) / 100) / 10) },
        ]
      : [];
  const error = failure
    ? { code: failure.code, reason: failure.dlmsCode }
    : result && result.step !== 'done'
      ? { code: result.step === 'serialMismatch' ? 'SERIAL_MISMATCH' : 'COMMAND_REFUSED', reason: result.step }
      : undefined;
  const payload: OutboxPayloadInput<'opticalControl'> = {
    kind: 'opticalControl',
    operation: 'timeSync',
    controlType: endDeviceControlType('clockSet'),
    meter: meter.meterSerial,
    usagePoint: meter.usagePointId,
    startedAt,
    finishedAt: new Date(now()).toISOString(),
    result: error ? 'FAILED' : 'OK',
    ...(error ? { error } : {}),
    attributes,
  };
  const messageId = store.mutate(actor, (change) => {
    // A failure before the SET changed nothing on the meter: the audit row is enough.
    const id =
      result?.step === 'done' || wrote ? store.journal.enqueue('opticalControl', payload, { usagePointId: meter.usagePointId }) : null;
    change.audit({
      action: 'optical.timeSync',
      entity: 'end_device',
      entityId: meter.meterSerial,
      details: {
        usagePointId: meter.usagePointId,
        port: request.port,
        protocol: 'dlms',
        result: payload.result,
        error: error ?? null,
        wroteToMeter: wrote,
        attributes,
        messageId: id,
      },
    });
    return id;
  });
  if (error) {
    const observed = result?.step === 'serialMismatch' ? { observedSerial: result.observed, expectedSerial: meter.meterSerial } : {};
    throw new AppError(
      'OPTICAL_PROGRAM_FAILED',
      failure?.message ??
        `The clock was not set (${error.reason}).${wrote ? ' A write reached the meter: check its clock.' : ' Nothing was changed on the meter.'}`,
      { reason: 'programFailed', code: error.code, wroteToMeter: wrote, messageId, ...observed },
    );
  }
  return { messageId, attributes, outcome: result?.step === 'done' ? result : null };
}
