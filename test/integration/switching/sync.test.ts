/**
 * Switch work reaches the enterprise (issue 9): a move-out reading, a supplier switch that could not
 * be read and a disconnect are sent by `fieldmeter sync` to the enterprise simulator, which checks
 * every message against the XSDs and accepts them all; each MessageID arrives once.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoRoute } from '../../../electron/services/fieldmeter';
import { openStore } from '../../../electron/services/store';
import { recordControl } from '../../../electron/services/switching/control';
import { reportNotRead, takeSwitchReading } from '../../../electron/services/switching/switchRead';
import { startEnterpriseSimulator, type EnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { readAccepted } from '../../../electron/services/sync/simulator/storage';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { fieldmeterInProcess } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { xsdSkipReason } from '../../support/xsd';
import { scaled } from '../../support/timeouts';

const technician = { name: 'Tom Technician', role: 'technician' } as const;
const installer = { name: 'Ines Installer', role: 'installer' } as const;

describe.skipIf(xsdSkipReason !== null)(`switch messages delivered by sync${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`, () => {
  const tempDir = useTempDir();
  let sim: EnterpriseSimulator | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it(
    'the enterprise simulator accepts the switch reading, the estimate request and the disconnect',
    async () => {
      const dir = tempDir();
      const db = join(dir, 'fm.db');
      const store = openStore(db);
      const context = { settings: defaultValidationSettings, photoDir: join(dir, 'photos') };
      let ids: string[];
      try {
        loadDemoRoute(store, technician);
        const values = (up: string) =>
          (store.meters.get(up)?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
        ids = [
          ...takeSwitchReading(store, technician, { switchOrderId: 'SW-DEMO-MO5', values: values('UP-1005') }, context).messageIds,
          ...reportNotRead(store, technician, { switchOrderId: 'SW-DEMO-SC8', reasonCode: 'noAccess' }).messageIds,
          ...recordControl(
            store,
            installer,
            {
              switchOrderId: 'SW-DEMO-DC9',
              outcome: 'done',
              action: 'meterSwitch',
              controlResult: 'succeeded',
              sealNumber: 'S-9',
              values: values('UP-1009'),
            },
            context,
          ).messageIds,
        ];
        expect(ids).toHaveLength(5);
      } finally {
        store.close();
      }
      const storeDir = join(dir, 'enterprise');
      sim = await startEnterpriseSimulator({ storeDir });
      const synced = await fieldmeterInProcess(['sync', '--db', db, '--endpoint', sim.url, '--json']);
      expect(synced.code, synced.stderr).toBe(0);
      expect(JSON.parse(synced.stdout)).toMatchObject({ rejected: 0, pending: 0 });
      expect(sim.acceptedIds()).toEqual(expect.arrayContaining(ids));
      const received = readAccepted(storeDir)
        .map((m) => m.xml)
        .join('\n');
      expect(received).toMatch(/<(\w+:)?reason>moveOut</);
      expect(received).toMatch(/CustomerAgreement<\/(\w+:)?Name>\s*<(\w+:)?Value>CA-DEMO-5</);
      expect(received).toContain('3.31.0.23');
    },
    scaled(60_000),
  );
});
