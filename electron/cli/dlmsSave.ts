/**
 * `fieldmeter dlms read --save --usage-point UP`: the DLMS read at a stop through the same service
 * as the app (the `record` right, the serial and value checks, the audit, the load profile queued).
 */
import { dirname, join } from 'node:path';
import { readDlmsAtUsagePoint } from '../services/optical/dlmsAtUsagePoint';
import type { KeysFor } from '../services/serial/dlmsReader';
import { resolveDatabasePath } from '../services/paths';
import { openStore } from '../services/store';
import { cliActor } from './signIn';

export interface DlmsSaveOptions {
  port: string;
  usagePoint: string;
  db?: string | undefined;
  keysFor: KeysFor;
  profile: { from: number; to: number } | null;
  note?: string | undefined;
  confirmReason?: string | undefined;
  signal: AbortSignal;
}

export async function readDlmsAndSave(options: DlmsSaveOptions) {
  const store = openStore(resolveDatabasePath(options.db));
  try {
    const actor = await cliActor(store, 'record', 'save a DLMS reading');
    const { readout, saved } = await readDlmsAtUsagePoint(store, actor, {
      usagePointId: options.usagePoint,
      port: options.port,
      keysFor: options.keysFor,
      profile: options.profile,
      signal: options.signal,
      photoDir: join(dirname(store.path), 'photos'),
      ...(options.note ? { note: options.note } : {}),
      ...(options.confirmReason ? { confirmReason: options.confirmReason } : {}),
    });
    return {
      serial: readout.data.serial,
      clock: readout.data.clock,
      readings: saved.readings.readings.map((r) => ({ readingType: r.readingType, value: r.value })),
      profileMessageId: saved.profileMessageId,
    };
  } finally {
    store.close();
  }
}
