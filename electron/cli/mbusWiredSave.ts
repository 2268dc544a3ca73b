/**
 * `fieldmeter mbus read … --save [--route R]`: the wired meter's answer saved to its stop through the
 * same service as the app (the `record` right, the reading checks, one MeterReadings message). The
 * profile signs in before the bus is asked, so a refused profile never reads the meter for nothing.
 */
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/contract/appError';
import { saveWiredReading, type SavedWiredReading } from '../services/mbus/wiredReading';
import { resolveDatabasePath } from '../services/paths';
import { validationSettings } from '../services/readings/validationSettings';
import { openStore } from '../services/store';
import { cliActor } from './signIn';

export interface WiredSaver {
  save(frames: readonly Uint8Array[]): SavedWiredReading;
  close(): void;
}

export async function openWiredSaver(options: { db?: string | undefined; route?: string | undefined }): Promise<WiredSaver> {
  const store = openStore(resolveDatabasePath(options.db));
  try {
    const route = options.route ?? null;
    if (route !== null && store.routes.radioAutoSave(route) === null)
      throw new AppError('NOT_FOUND', `Route ${route} is not on this device.`, { reason: 'listen.routeUnknown' });
    const actor = await cliActor(store, 'record', 'save a wired M-Bus reading');
    return {
      save: (frames) =>
        saveWiredReading(store, actor, route, frames, {
          settings: validationSettings(store),
          photoDir: join(dirname(store.path), 'photos'),
        }),
      close: () => store.close(),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
