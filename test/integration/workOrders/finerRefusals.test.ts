/**
 * Refusals that say what the person needs to act on (issue 16 §3), from typed details in both
 * languages, on a real SQLite store with the demo route: a stock meter installed elsewhere names
 * the meter and where it is installed (address, usage point, route stop); a step asked of an order
 * of another kind names the order, its kind and the step; stored sync credentials this device
 * cannot decrypt say so, rather than failing as an internal error.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/appError';
import { errorDetailSchemas } from '../../../shared/contract/errorDetails';
import { sayError } from '../../../shared/i18n/errorKey';
import { errorWordsDe } from '../../../shared/i18n/errorWords.de';
import { errorWordsEn } from '../../../shared/i18n/errorWords.en';
import type { Store } from '../../../electron/services/store';
import { completeInstall } from '../../../electron/services/workOrders/meterJobs';
import { createSyncSession, type CheckedSyncSettings } from '../../../electron/services/sync/session';
import { encryptedSecretStore } from '../../../electron/services/sync/secrets';
import { xorEncryptor } from '../../support/encryptor';
import { openDemoStore } from '../../support/demoStore';
import { useTempDir } from '../../support/tempDir';

const installer = { name: 'Ines Installer', role: 'installer' } as const;

function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) {
      const coded: AppError = error;
      // What leaves the Node side fits the code's schema.
      expect(errorDetailSchemas[coded.code].safeParse(coded.details).success).toBe(true);
      return coded;
    }
    throw error;
  }
  throw new Error('not refused');
}

const install = (store: Store, workOrderId: string, serial: string) =>
  completeInstall(store, installer, {
    workOrderId,
    newMeter: { serial, initialReadings: [{ registerId: 1, value: '0.0' }], sealsApplied: [], photoIds: [] },
    note: '',
  });

describe('refusals with the details to act on', () => {
  const tempDir = useTempDir();

  it('a meter installed elsewhere is named with its place: address, usage point and route stop', () => {
    const store = openDemoStore(tempDir(), installer);
    try {
      const serial = store.workOrders.meterAt('UP-1005')!.serialNumber;
      const place = store.workOrders.placeOf('UP-1005')!;
      const error = refusal(() => install(store, 'WO-DEMO-IN1', serial));
      expect(error.details).toEqual({
        reason: 'meterInstalledElsewhere',
        serial,
        installedAt: 'UP-1005',
        address: place.address,
        route: place.route,
        stop: place.sequence,
      });
      expect(sayError(errorWordsEn, error)).toBe(
        `Meter ${serial} is already installed at ${place.address} (usage point UP-1005, stop ${place.sequence} of route ${place.route}). ` +
          errorWordsEn.installedElsewhere.advice,
      );
      const german = sayError(errorWordsDe, error);
      for (const named of [serial, place.address, 'UP-1005', `Halt ${place.sequence}`]) expect(german).toContain(named);
      // A meter whose usage point is on no route of this device is named with its address only.
      expect(sayError(errorWordsEn, { code: 'VALIDATION', details: { ...error.details, route: undefined, stop: undefined } })).toContain(
        `at ${place.address} (usage point UP-1005).`,
      );
    } finally {
      store.close();
    }
  });

  it('an install step asked of a removal order names the order, its kind and the step', () => {
    const store = openDemoStore(tempDir(), installer);
    try {
      const error = refusal(() => install(store, 'WO-DEMO-RM1', 'E9100002'));
      expect(error.details).toEqual({ reason: 'orderKindMismatch', workOrderId: 'WO-DEMO-RM1', kind: 'remove', asked: 'install' });
      expect(sayError(errorWordsEn, error)).toBe(
        'This step records a “meter installation”, but work order WO-DEMO-RM1 is a “meter removal”. Reload the work order and open its own step.',
      );
      expect(sayError(errorWordsDe, error)).toContain('„Zählereinbau“, aber Auftrag WO-DEMO-RM1 hat die Art „Zählerausbau“');
    } finally {
      store.close();
    }
  });

  it('credentials this device cannot decrypt are said as such; the settings still show that some are stored', () => {
    const store = openDemoStore(tempDir(), installer);
    try {
      const blobs = { get: (k: string) => store.syncState.get(k), set: store.syncState.set, delete: store.syncState.delete };
      const secrets = { store: encryptedSecretStore(xorEncryptor, blobs), source: 'secureStorage' as const };
      const session = createSyncSession(store, { secrets, emit: () => undefined });
      const settings = { endpoint: 'https://mdm.example.com/cim', soapVersion: '1.1', caPath: '', schemaFolder: '' } as const;
      session.setSettings(settings as typeof settings & CheckedSyncSettings);
      session.setCredentials({ kind: 'bearer', token: 'tok-1' });
      // The database on another computer (or after a keyring reset): the key no longer fits.
      const elsewhere = encryptedSecretStore(
        {
          ...xorEncryptor,
          decryptString: () => {
            throw new Error('bad decrypt');
          },
        },
        blobs,
      );
      const copied = createSyncSession(store, { secrets: { store: elsewhere, source: 'secureStorage' }, emit: () => undefined });
      expect(copied.credentialsInfo()).toMatchObject({ kind: 'bearer' });
      const error = refusal(() => copied.start('user', installer));
      expect(error.details).toEqual({ reason: 'credentialsProblem', credentials: 'undecryptable' });
      expect(sayError(errorWordsDe, error)).toBe(errorWordsDe.credentials.undecryptable);
    } finally {
      store.close();
    }
  });
});
