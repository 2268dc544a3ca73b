/**
 * `fieldmeter dlms read --save --usage-point UP`: the DLMS read at a stop through the same service
 * as the app (the `record` right, the serial and value checks, the audit, the load profile queued),
 * with the meter's LLS password from the meter-key store (FIELDMETER_DLMS_PASSWORD as the fallback:
 * the command line's alone, issue 22 allows "the environment or a prompt"; the app's screens never).
 */
import { dirname, join } from 'node:path';
import { meterKeysOf } from '../services/meterKeys';
import { envEncryptor } from '../services/meterKeys/encryptors';
import { readDlmsAtUsagePoint } from '../services/optical/dlmsAtUsagePoint';
import { stopMeterSecrets } from '../services/optical/dlmsForScreen';
import { opticalTarget } from '../services/optical/opticalTarget';
import { resolveDatabasePath } from '../services/paths';
import { openStore } from '../services/store';
import { cliActor } from './signIn';

export interface DlmsSaveOptions {
  port: string;
  usagePoint: string;
  db?: string | undefined;
  profile: { from: number; to: number } | null;
  note?: string | undefined;
  confirmReason?: string | undefined;
  /** The LLS password the command line was given (its environment), used where the key store has none. */
  givenPassword: string;
  signal: AbortSignal;
}

export async function readDlmsAndSave(options: DlmsSaveOptions) {
  const store = openStore(resolveDatabasePath(options.db));
  try {
    const actor = await cliActor(store, 'record', 'save a DLMS reading');
    const { readout, saved } = await readDlmsAtUsagePoint(store, actor, {
      usagePointId: options.usagePoint,
      port: options.port,
      // The stop's meter's password and keys from the meter-key store; the environment's password where it has none.
      keysFor: stopMeterSecrets(
        meterKeysOf(store, { encryptor: envEncryptor() }),
        opticalTarget(store, options.usagePoint).meterSerial,
        () => (options.givenPassword ? new TextEncoder().encode(options.givenPassword) : null),
      ),
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
