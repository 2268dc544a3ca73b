/**
 * A DLMS/COSEM meter read at a stop and saved (issue 22 item 3): the mode E read
 * (serial/dlmsReader.ts), each register matched to this meter's register by ReadingType (the
 * meter's Wh and the route's kWh are the same quantity: the value is shifted exactly), saved
 * through the same checks as every reading (serial, history, range: readings/saveReadings.ts,
 * audited there), and the load profile queued as MeterReadings with IntervalBlocks in the same
 * transaction, as are the events of its event logs not sent before (./dlmsMeterEvents): a refused
 * save queues nothing. The caller holds the `record` right.
 */
import { AppError } from '../../../shared/contract/result';
import { intervalQualities, intervalReadingType } from '../../../shared/cim/codes/intervalData';
import { obisToReadingType } from '../../../shared/cim/codes/obis';
import type { OutboxPayloadInput } from '../../../shared/cim/outbox/kinds';
import type { DlmsLoadProfile, DlmsRegister } from '../../../shared/dlms/meterReadData';
import { shiftDecimal } from '../../../shared/dlms/scaling';
import { saveManualReadings } from '../readings/saveReadings';
import { validationSettings } from '../readings/validationSettings';
import { DlmsReadError, readDlmsMeter, type DlmsReadout, type KeysFor } from '../serial/dlmsReader';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { asRegisterValue, OPTICAL_PORT_SETTING } from './readAtUsagePoint';
import { opticalTarget, type OpticalTarget } from './opticalTarget';
import { eventLogMarks, eventLogSince, queueMeterEvents } from './dlmsMeterEvents';
import { maskAuthenticationValue } from '../../../shared/dlms/transcriptMask';
import { openSerialLink } from '../serial/link';
import type { OpenLink } from '../serial/openProbe';
import { keepTranscript, startProbeSession } from './probeDoctor';

export interface DlmsSaveRequest {
  readonly usagePointId: string;
  readonly port: string;
  /** The meter's secrets (LLS password): the seam for the meter-key store. */
  readonly keysFor?: KeysFor;
  readonly profile?: { readonly from: number; readonly to: number } | null;
  readonly note?: string;
  readonly confirmReason?: string;
  readonly signal?: AbortSignal;
  readonly photoDir: string;
  /** Tests: the medium and the clock. */
  readonly read?: typeof readDlmsMeter;
  /** The medium (default: the serial port, 8N1 as ./serial/dlmsReader opens it); every byte through it is kept in the transcript. */
  readonly openLink?: OpenLink;
  readonly onProgress?: Parameters<typeof readDlmsMeter>[0]['onProgress'];
}

const MULTIPLIER = 15; // the ReadingType field of the power of ten (NOTES.md §6)

/** A register of this meter for a DLMS value: same ReadingType, or the same but for its power of ten (value shifted exactly). */
export function matchRegister(target: OpticalTarget, register: DlmsRegister): { registerId: number; value: string } | null {
  const mapped = register.value === null ? null : obisToReadingType(register.obis, register.unit);
  if (!mapped || register.value === null) return null;
  const fields = mapped.readingType.split('.');
  for (const r of target.registers) {
    const theirs = r.readingType.split('.');
    if (theirs.length !== fields.length || theirs.some((f, i) => i !== MULTIPLIER && f !== fields[i])) continue;
    const shift = Number(fields[MULTIPLIER]) - Number(theirs[MULTIPLIER]);
    const value = asRegisterValue(shift === 0 ? register.value : shiftDecimal(register.value, shift), r.decimals);
    if (value !== null) return { registerId: r.id, value };
  }
  return null;
}

/** The profile as a loadProfile outbox payload; channels without an interval ReadingType are left out (never guessed). */
export function loadProfilePayload(
  meter: string,
  usagePoint: string,
  profile: DlmsLoadProfile,
  period: { from: number; to: number },
): OutboxPayloadInput<'loadProfile'> | null {
  const blocks = profile.channels.flatMap((channel, c) => {
    const readingType = intervalReadingType(channel.obis, channel.unit, profile.capturePeriodS);
    if (!readingType) return [];
    const intervals = profile.intervals.map((i) => ({ end: i.end, value: i.values[c] ?? null, qualities: intervalQualities(i.status) }));
    return intervals.length ? [{ readingType, intervals }] : [];
  });
  if (!blocks.length) return null;
  return { meter, usagePoint, start: new Date(period.from).toISOString(), end: new Date(period.to).toISOString(), blocks };
}

/**
 * The intervals of the period only: a range access returns the rows whose capture time lies in
 * [from, to] inclusive (Blue Book §4.3.6 selector 1), so the interval that ends at `from` belongs to
 * the day before and is left out.
 */
export function profileWithin(profile: DlmsLoadProfile, period: { from: number; to: number }): DlmsLoadProfile {
  return {
    ...profile,
    intervals: profile.intervals.filter((i) => {
      const end = Date.parse(i.end);
      return end > period.from && end <= period.to;
    }),
  };
}

/**
 * The meter refused the association because of its mechanism (Green Book Table 74 acse-service-user:
 * 11 mechanism name not recognised, 12 mechanism name required, 14 authentication required).
 */
const asksForHls = (error: DlmsReadError) =>
  error.dlmsCode === 'ASSOCIATION_REFUSED' && [11, 12, 14].includes(error.associationDiagnostic ?? -1);

export async function readDlmsAtUsagePoint(store: Store, actor: Actor, request: DlmsSaveRequest) {
  const target = opticalTarget(store, request.usagePointId);
  let readout: DlmsReadout;
  // Whether the meter's HLS keys were at hand: a meter that asks for HLS without them is told apart from a wrong key.
  let keyed = false;
  const { keysFor } = request;
  // The probe doctor's transcript (./probeDoctor), kept whatever the outcome: a failed read is what
  // it is for. The AARQ's password is masked as the bytes are recorded, never stored.
  const session = startProbeSession(
    request.openLink ?? ((p, b) => openSerialLink(p, { baudRate: b, frame: '8N1' })),
    maskAuthenticationValue,
  );
  const keep = (outcome: string) =>
    keepTranscript(store, actor, session, {
      usagePointId: request.usagePointId,
      meterSerial: target.meterSerial,
      kind: 'read',
      port: request.port,
      outcome,
    });
  try {
    readout = await (request.read ?? readDlmsMeter)({
      path: request.port,
      openLink: session.openLink,
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      ...(keysFor
        ? {
            keysFor: async (identification) => {
              const secrets = await keysFor(identification);
              keyed = Boolean(secrets.encryptionKey && secrets.authenticationKey);
              return secrets;
            },
          }
        : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      request: {
        ...(request.profile ? { profile: request.profile } : {}),
        eventLogs: { since: eventLogSince(eventLogMarks(store, target.meterSerial)) },
      },
    });
  } catch (error) {
    const transcriptId = keep(error instanceof DlmsReadError ? error.code : 'INTERNAL');
    if (error instanceof DlmsReadError && !keyed && asksForHls(error))
      throw new AppError('OPTICAL_READ_FAILED', `The meter at ${request.usagePointId} asks for HLS and there is no key for it.`, {
        reason: 'meterKeyMissing',
      });
    if (error instanceof DlmsReadError)
      throw new AppError('OPTICAL_READ_FAILED', error.message, {
        reason: 'probe',
        code: error.code,
        diagnostic: error.diagnostic?.log ?? null,
        transcriptId,
      });
    throw error;
  }
  keep('ok');
  store.settings.set(OPTICAL_PORT_SETTING, request.port);
  const data =
    request.profile && readout.data.profile
      ? { ...readout.data, profile: profileWithin(readout.data.profile, request.profile) }
      : readout.data;
  const values = data.registers.flatMap((r) => {
    const m = matchRegister(target, r);
    return m ? [m] : [];
  });
  if (values.length === 0)
    throw new AppError('VALIDATION', `The meter sent no value for a register of ${request.usagePointId}: nothing was saved.`, {
      reason: 'readoutEmpty',
    });
  const profilePayload =
    request.profile && data.profile ? loadProfilePayload(target.meterSerial, request.usagePointId, data.profile, request.profile) : null;
  const confirmation = request.confirmReason ? { method: 'reason' as const, reason: request.confirmReason } : undefined;
  // A meter that does not say its serial cannot be checked: the save asks for a note as for a mismatch.
  const observedSerial = data.serial ?? '(not given by the meter)';
  const saved = store.transaction(() => {
    const readings = saveManualReadings(
      store,
      actor,
      {
        usagePointId: request.usagePointId,
        source: 'optical',
        observedSerial,
        values: values.map((v) => ({ ...v, confirmation })),
        ...(request.note ? { note: request.note } : {}),
      },
      { settings: validationSettings(store), photoDir: request.photoDir },
    );
    const profileMessageId = profilePayload
      ? store.journal.enqueue('loadProfile', profilePayload, { usagePointId: request.usagePointId })
      : null;
    const eventsMessageId = queueMeterEvents(store, { meterSerial: target.meterSerial, usagePointId: request.usagePointId }, data.events);
    return { readings, profileMessageId, eventsMessageId };
  });
  return { readout: { ...readout, data }, saved };
}
