/**
 * A read of the meter at a stop through the optical probe: the protocol read (serial/reader.ts),
 * then each value matched to this meter's register by ReadingType and cut to the decimals the
 * register shows, and the serial the meter reports checked against the expected one. Nothing is
 * saved here: the values fill the reading form, and the save goes through the same checks as
 * a typed reading.
 */
import { TRAINING_PORT, type OpticalReadResult } from '../../../shared/contract/methods/optical';
import { AppError } from '../../../shared/contract/result';
import { canonicalDecimal } from '../../../shared/domain/registerValue';
import { serialMatches } from '../../../shared/domain/readingValidation';
import { chooseModel, findMeterModel, type Identification } from '../../../shared/iec62056';
import { dsmrChannelReadings } from '../../../shared/cim/codes/mbusChannels';
import { loadMeterModels, meterModelFolder, modelAssignments } from './meterModelCatalog';
import { OpticalReadError } from '../serial/errors';
import { ModeEOffered, readMeter, type ReadProgress } from '../serial/reader';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { recordStatusRead } from './meterStatus';
import { opticalTarget, type JobMeter } from './opticalTarget';
import { openTrainingLink, TRAINING_METER_MODEL } from './trainingMeter';
import { isTrainingDlmsStop, openTrainingDlmsLink } from './trainingDlmsMeter';
import { keepTranscript, startProbeSession } from './probeDoctor';

export const OPTICAL_PORT_SETTING = 'optical.port';

/** The value as a register with `decimals` shows it: the meter's extra digits are cut, not rounded, as the display does. */
export function asRegisterValue(value: string, decimals: number): string | null {
  const canonical = canonicalDecimal(value);
  if (canonical === null) return null;
  const [whole = '0', fraction = ''] = canonical.split('.');
  const shown = fraction.slice(0, decimals).replace(/0+$/, '');
  return shown ? `${whole}.${shown}` : whole;
}

export interface OpticalReadRequest {
  usagePointId: string;
  port: string;
  address?: string | undefined;
  maxBaud?: number | undefined;
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  /** Read the new meter of this install or exchange instead of the one installed. */
  job?: JobMeter | undefined;
  /** A meter that offers mode E is left to the DLMS read: this read throws ModeEOffered at its identification. */
  stopAtModeE?: boolean;
}

export async function readAtUsagePoint(store: Store, actor: Actor, request: OpticalReadRequest): Promise<OpticalReadResult> {
  const meter = opticalTarget(store, request.usagePointId, request.job);
  const training = request.port === TRAINING_PORT;
  const trainingModel = training ? findMeterModel(TRAINING_METER_MODEL) : undefined;
  const catalog = trainingModel ? null : loadMeterModels(meterModelFolder(store.path)).models;
  const assignments = catalog ? modelAssignments(store) : [];
  // The model programming would use: only one assigned to this meter type (never by the manufacturer alone).
  const choose = (id: Identification) => (catalog ? chooseModel(id, assignments, catalog) : null);
  // One stop of the demo route has a DLMS meter (mode E); the others answer in mode C.
  const trainingDlms = training && isTrainingDlmsStop(store, meter);
  const session = startProbeSession(
    training ? async () => (trainingDlms ? openTrainingDlmsLink(meter) : openTrainingLink(meter)) : undefined,
  );
  const keep = (outcome: string) =>
    keepTranscript(store, actor, session, {
      usagePointId: meter.usagePointId,
      meterSerial: meter.meterSerial,
      kind: 'read',
      port: request.port,
      outcome,
    });
  let readout;
  try {
    readout = await readMeter({
      path: request.port,
      ...(request.address ? { address: request.address } : {}),
      ...(request.maxBaud ? { maxBaud: request.maxBaud } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      // The assigned model's pauses apply to a plain read too (docs/METER_MODELS.md).
      pausesFor: (id) => {
        const choice = choose(id);
        return trainingModel?.pauses ?? (choice?.ok ? choice.model.pauses : null);
      },
      openLink: session.openLink,
      ...(training ? { timeouts: { retryPauseMs: 200 } } : {}),
      ...(request.stopAtModeE && (!training || trainingDlms) ? { stopAtModeE: true } : {}),
    });
  } catch (error) {
    if (error instanceof ModeEOffered) {
      keep('modeE');
      throw error;
    }
    const transcriptId = keep(error instanceof OpticalReadError ? error.code : 'INTERNAL');
    if (error instanceof OpticalReadError)
      throw new AppError('OPTICAL_READ_FAILED', error.message, {
        reason: 'probe',
        code: error.code,
        diagnostic: error.diagnostic?.log ?? null,
        transcriptId,
      });
    throw error;
  }
  const transcriptId = keep('ok');
  // Remembered for next time (a technician keeps the same probe on the same port).
  store.settings.set(OPTICAL_PORT_SETTING, request.port);
  const readAt = new Date().toISOString();
  const choice = choose(readout.identification);
  const model = trainingModel ?? (choice?.ok ? choice.model : null);
  const serialSet = readout.dataSets.find((d) => d.obis === 'C.1.0' || d.obis === '0.0.0' || d.obis === '96.1.0');
  // DSMR M-Bus channels (gas, water, heat): the device from 0-n:24.1.0, the value by its unit (not
  // its position: the first value of 0-n:24.2.1 is the capture time), gas metered or converted by register.
  const channels = new Map(
    dsmrChannelReadings(readout.dataSets).map((c) => [`0-${c.channel}:${c.register === '24.2.3' ? '24.2.3' : '24.2.1'}`, c]),
  );
  // A gas (water, heat) meter read through the electricity meter's M-Bus channel is known by its own
  // equipment id, 0-n:96.1.0 of the channel that carries this usage point's register (DSMR 5.0.2 §6.12).
  const channelMeter = [...channels.values()].find(
    (c) => c.equipmentId && c.readingType && meter.registers.some((r) => r.readingType === c.readingType),
  );
  const meterSerial = channelMeter?.equipmentId ?? (serialSet?.values[0]?.value.trim() || null);
  const values = readout.dataSets
    .filter((d) => d.values.length > 0)
    .map((d) => {
      const channel = d.readingType ? undefined : channels.get(d.obis.replace(/[.*]255$/, ''));
      const first = channel ? { value: channel.value, unit: channel.unit } : d.values[0]!;
      const readingType = channel?.readingType ?? d.readingType;
      const register = readingType ? meter.registers.find((r) => r.readingType === readingType) : undefined;
      return {
        obis: d.obis,
        value: first.value,
        unit: first.unit,
        readingType,
        registerId: register?.id ?? null,
        registerValue: register ? asRegisterValue(first.value, register.decimals) : null,
        capturedAt: channel?.capturedAt ?? null,
      };
    });
  return {
    manufacturer: readout.identification.manufacturer,
    ident: readout.identification.ident,
    mode: readout.mode,
    baud: readout.baud,
    checksum: readout.checksum,
    meterSerial,
    serialMatches: meterSerial === null ? null : serialMatches(meter.meterSerial, meterSerial),
    values,
    durationMs: readout.durationMs,
    transcriptId,
    model: model?.name ?? null,
    programmingUnavailable: choice && !choice.ok ? choice.reason : null,
    demandResetSupported: model !== null && model.demandReset !== null,
    // Without a model the status word is read with the default layout (meterModels.defaultStatusBits).
    status: recordStatusRead(store, actor, meter, model?.name ?? 'unassigned', readout.dataSets, readAt),
  };
}
