/**
 * The Listen screen's methods over a real PTY pair (socat) with the receiver simulator on the
 * other end: started on a route, heard meters shown with values, saved with one tap; a meter
 * without its key is heard but cannot be decrypted. Waits on what was heard, never on a timer.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { secretEncryptor } from '../../../electron/services/meterKeys/encryptors';
import { runReceiverSimulator, type RunningSimulator } from '../../../electron/services/mbus/receiverOnPort';
import { trainingRadioMeters, TRAINING_RADIO_KEY } from '../../../electron/services/mbus/trainingRadio';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { startPtyPair, type PtyPair } from '../../../electron/services/serial/simulator';
import { signInAs } from '../../support/profiles';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';

describe.skipIf(socatSkipReason !== null)(
  `Listen methods on a simulated receiver${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();
    let app: Fieldmeter | undefined;
    let pair: PtyPair | undefined;
    let simulator: RunningSimulator | undefined;
    afterEach(async () => {
      await app?.handlers['listen.stop']({});
      await simulator?.stop();
      await pair?.stop();
      app?.close();
      app = simulator = pair = undefined;
    });

    it(
      'hears the route, shows who could not be decrypted, and saves a heard meter with one tap',
      async () => {
        const dir = tempDir();
        app = startFieldmeter({
          databasePath: join(dir, 'f.db'),
          host: 'web',
          meterKeys: { encryptor: secretEncryptor('listen test secret') },
        });
        const [kam, dme, zri] = trainingRadioMeters;
        const rows = [kam!, dme!, zri!].map((m, i) =>
          row({
            seq: String(i + 1),
            up: `UP-${i + 1}`,
            serial: `${m.manufacturer}${m.id}`,
            type: WATER,
            dials: '5',
            decimals: '3',
            last: '1',
          }),
        );
        importRoute(app.store, { name: 'Sam', role: 'supervisor' }, { fileName: 'r.csv', content: csv(...rows), acceptValidRows: false });
        await signInAs(app, 'supervisor');
        // Keys for two of the three: the ZRI meter is heard but cannot be decrypted.
        await app.handlers['meterKeys.import']({
          fileName: 'keys.csv',
          content: `manufacturer,id,key\nKAM,44556677,${TRAINING_RADIO_KEY}\nDME,21010001,${TRAINING_RADIO_KEY}\n`,
        });
        await signInAs(app, 'technician');

        pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
        simulator = await runReceiverSimulator(pair.meterPath, trainingRadioMeters, {
          receiver: 'amber',
          seed: 3,
          intervalMs: 1000,
          lossRate: 0,
          burst: true,
        });
        const started = await app.handlers['listen.start']({ routeId: 'R1', port: pair.appPath, receiver: 'amber', autoSave: false });
        expect(started).toMatchObject({ active: true, counts: { stops: 3, heard: 0 } });

        const all = await new Promise<Awaited<ReturnType<Fieldmeter['handlers']['listen.state']>>>((resolve) => {
          const poll = async () => {
            const state = await app!.handlers['listen.state']({});
            // Asked again shortly after: the state is what the receiver gave so far, however slowly.
            if (state.counts.heard === 3) resolve(state);
            else setTimeout(() => void poll(), 20);
          };
          void poll();
        });
        expect(all.heard.map((h) => [h.meterSerial, h.values.map((v) => v.value), h.reason])).toEqual([
          ['KAM44556677', ['1234.567'], null],
          ['DME21010001', ['87.210'], null],
          ['ZRI12345678', [], 'mbus.noKey'],
        ]);
        expect(all.counts.notOnRoute).toBeGreaterThan(0);

        const saved = await app.handlers['listen.save']({ usagePointId: 'UP-1' });
        expect(app.store.db.prepare('SELECT count(*) FROM reading_sets WHERE id = ?').pluck().get(saved.readingSetId)).toBe(1);
        expect(await app.handlers['listen.saveAll']({})).toEqual({ saved: 1, skipped: 0 });
        expect(app.store.db.prepare('SELECT count(*) FROM reading_sets').pluck().get()).toBe(2);
        expect((await app.handlers['listen.stop']({})).active).toBe(false);
      },
      scaled(30_000),
    );
  },
);
