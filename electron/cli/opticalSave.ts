/**
 * The optical commands at a stop, through the same services as the app.
 *
 * `fieldmeter read --port P --save --usage-point UP [--db DB]`: the read of the meter at a stop
 * and its save as an optical reading through the same services as the app (values matched to the
 * registers, the serial checked, every value checked against its register and history, the
 * meter's health reported). What a person confirms in the form is given as options here:
 * `--note` explains a serial that does not match, `--confirm-reason` confirms out-of-range values.
 */
import type { ErrorDetails } from '../../shared/contract/errorDetails';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/contract/result';
import type { OpticalProgramResult, ProgramOperation } from '../../shared/contract/methods/optical';
import { programAtUsagePoint } from '../services/optical/programAtUsagePoint';
import type { ProgramOptions } from '../services/serial/programOperations';
import { readAtUsagePoint } from '../services/optical/readAtUsagePoint';
import { saveManualReadings } from '../services/readings/saveReadings';
import { validationSettings } from '../services/readings/validationSettings';
import { resolveDatabasePath } from '../services/paths';
import { openStore } from '../services/store';
import { cliActor } from './signIn';

export interface SaveReadOptions {
  port: string;
  usagePoint: string;
  db?: string | undefined;
  address?: string | undefined;
  maxBaud: number;
  note?: string | undefined;
  confirmReason?: string | undefined;
  signal: AbortSignal;
}

export async function readAndSave(options: SaveReadOptions) {
  const store = openStore(resolveDatabasePath(options.db));
  try {
    const actor = await cliActor(store, 'record', 'save an optical reading');
    const read = await readAtUsagePoint(store, actor, {
      usagePointId: options.usagePoint,
      port: options.port,
      address: options.address,
      maxBaud: options.maxBaud,
      signal: options.signal,
    });
    const matched = read.values.flatMap((v) =>
      v.registerId !== null && v.registerValue !== null
        ? [{ registerId: v.registerId, value: v.registerValue, ...(v.capturedAt ? { capturedAt: v.capturedAt } : {}) }]
        : [],
    );
    if (matched.length === 0) {
      throw new AppError(
        'VALIDATION',
        `The meter sent no value for a register of ${options.usagePoint} (${read.values.map((v) => v.obis).join(', ') || 'nothing'}): nothing was saved. Check that the probe is on the right meter.`,
        { reason: 'opticalNoValue' },
      );
    }
    const confirmation = options.confirmReason ? { method: 'reason' as const, reason: options.confirmReason } : undefined;
    try {
      const saved = saveManualReadings(
        store,
        actor,
        {
          usagePointId: options.usagePoint,
          source: 'optical',
          observedSerial: read.meterSerial ?? undefined,
          values: matched.map((v) => ({ ...v, confirmation })),
          ...(options.note ? { note: options.note } : {}),
        },
        { settings: validationSettings(store), photoDir: join(dirname(store.path), 'photos') },
      );
      return { read, saved };
    } catch (error) {
      // What to do next (--note, --confirm-reason) is said from the refusal's reason (cli/hints.ts).
      if (!(error instanceof AppError) || error.code !== 'NEEDS_CONFIRMATION') throw error;
      throw new AppError('NEEDS_CONFIRMATION', `Not saved: ${error.message}`, error.details as ErrorDetails<'NEEDS_CONFIRMATION'>);
    }
  } finally {
    store.close();
  }
}

/**
 * `fieldmeter program time-sync|demand-reset --usage-point UP`: programming the meter at a stop,
 * with the installer role checked, the attempt audited and its outcome queued (EndDeviceControls).
 */
export async function programAtStop(
  stop: { usagePoint: string; db?: string | undefined },
  operation: ProgramOperation,
  o: ProgramOptions,
): Promise<OpticalProgramResult> {
  const store = openStore(resolveDatabasePath(stop.db));
  try {
    return await programAtUsagePoint(store, await cliActor(store, 'install', `program the meter (${operation})`), {
      usagePointId: stop.usagePoint,
      port: o.path,
      operation,
      password: o.password,
      address: o.address,
      maxBaud: o.maxBaud,
      modelName: o.modelName,
      confirmSerialMismatch: o.serialConfirmed,
      ...(o.signal ? { signal: o.signal } : {}),
    });
  } finally {
    store.close();
  }
}
