/**
 * `fieldmeter demo seed --worked` (issue 7, CLI): a worked demo day that sync can send at once —
 * readings, a skip and a reading confirmed out of range with its reason — accepted by the simulator.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/store';
import { startEnterpriseSimulator, type EnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { fieldmeterInProcess } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';

describe('fieldmeter demo seed --worked', () => {
  const tempDir = useTempDir();
  let sim: EnterpriseSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it(
    'records readings, a skip and a confirmed out-of-range reading that sync then delivers',
    async () => {
      const dir = tempDir();
      const db = join(dir, 'fm.db');
      const seeded = await fieldmeterInProcess(['demo', 'seed', '--worked', '--db', db, '--json']);
      expect(seeded.code).toBe(0);
      const worked = (JSON.parse(seeded.stdout) as { worked: { readings: number; skips: number; confirmed: number; pending: number } })
        .worked;
      expect(worked).toMatchObject({ skips: 1, confirmed: 1 });
      expect(worked.readings).toBeGreaterThanOrEqual(7);

      const store = openStore(db);
      try {
        const confirmed = store.db.prepare('SELECT confirmation FROM readings WHERE confirmation IS NOT NULL').pluck().all() as string[];
        expect(confirmed).toHaveLength(1);
        expect(JSON.parse(confirmed[0]!)).toMatchObject({ method: 'reason', reason: expect.stringMatching(/exchanged/) });
        expect(store.db.prepare("SELECT count(*) FROM visit_skips WHERE code = 'dog'").pluck().get()).toBe(1);
      } finally {
        store.close();
      }

      sim = await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise') });
      const synced = await fieldmeterInProcess(['sync', '--db', db, '--endpoint', sim.url, '--json'], {
        FIELDMETER_USER: 'Tina Technician',
        FIELDMETER_PIN: '111111',
      });
      expect(synced.code, synced.stderr).toBe(0);
      expect(JSON.parse(synced.stdout)).toEqual({ sent: worked.pending, accepted: worked.pending, rejected: 0, pending: 0 });
    },
    scaled(60_000),
  );
});
