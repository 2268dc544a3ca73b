/**
 * The Listen screen's methods over a real PTY pair (socat) with the receiver simulator on the
 * other end: started on a route, heard meters shown with values, saved with one tap; a meter
 * without its key is heard but cannot be decrypted. Waits on what was heard, never on a timer.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { secretEncryptor } from '../../../electron/services/meterKeys/encryptors';
import { runReceiverSimulator, type RunningSimulator } from '../../../electron/services/mbus/receiverOnPort';
import { trainingRadioMeters, TRAINING_RADIO_KEY } from '../../../electron/services/mbus/trainingRadio';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openSerialLink } from '../../../electron/services/serial/link';
import { openStore } from '../../../electron/services/store';
import { startPtyPair, type PtyPair } from '../../../electron/services/serial/simulator';
import { modeAnswer, modeFrameReader } from '../../../shared/mbus';
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

    /** Route R1 with three training radio meters; keys for KAM and DME only (ZRI is heard but cannot be decrypted). */
    const setUpRoute = async () => {
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

      return dir;
    };

    it(
      'hears the route, shows who could not be decrypted, and saves a heard meter with one tap',
      async () => {
        const dir = await setUpRoute();
        pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
        simulator = await runReceiverSimulator(pair.meterPath, trainingRadioMeters, {
          receiver: 'amber',
          seed: 3,
          intervalMs: 1000,
          lossRate: 0,
          burst: true,
        });
        // The simulated Amber stick hears nothing until it is switched to the meters' mode (T1) and says so.
        const started = await app!.handlers['listen.start']({ routeId: 'R1', port: pair.appPath, receiver: 'amber', mode: 'T1' });
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

        const saved = await app!.handlers['listen.save']({ usagePointId: 'UP-1' });
        expect(app!.store.db.prepare('SELECT count(*) FROM reading_sets WHERE id = ?').pluck().get(saved.readingSetId)).toBe(1);
        expect(await app!.handlers['listen.saveAll']({})).toEqual({ saved: 1, skipped: 0 });
        expect(app!.store.db.prepare('SELECT count(*) FROM reading_sets').pluck().get()).toBe(2);
        // The screen's refresh: only the meters changed since the version it shows (both saved ones among them).
        const changed = await app!.handlers['listen.state']({ since: { session: all.session, version: all.version } });
        expect(changed.changedSince).toBe(all.version);
        expect(changed.version).toBeGreaterThan(all.version);
        expect(changed.heard.filter((h) => h.readingSetId).map((h) => h.usagePointId)).toEqual(['UP-1', 'UP-2']);
        // A version from before this session started is answered with the whole state.
        const before = { session: started.session, version: started.version - 1 };
        expect((await app!.handlers['listen.state']({ since: before })).changedSince).toBeNull();
        // So is this session's version under another Node process's id (a screen kept across a restart).
        const elsewhere = { session: `another-process.${started.session.split('.').pop()}`, version: all.version };
        expect((await app!.handlers['listen.state']({ since: elsewhere })).changedSince).toBeNull();
        // Stop moves the version: an answer to a poll asked before it is older than Stop's answer.
        const stopped = await app!.handlers['listen.stop']({});
        expect(stopped.active).toBe(false);
        expect(stopped.version).toBeGreaterThan(changed.version);
      },
      scaled(30_000),
    );
    const heardAll = (count: number) =>
      new Promise<Awaited<ReturnType<Fieldmeter['handlers']['listen.state']>>>((resolve) => {
        const poll = async () => {
          const state = await app!.handlers['listen.state']({});
          if (state.heard.filter((h) => h.readingSetId).length >= count) resolve(state);
          else setTimeout(() => void poll(), 20);
        };
        void poll();
      });

    it(
      "saves heard meters without a tap when the route's setting says so; only a supervisor sets it",
      async () => {
        const dir = await setUpRoute();
        await signInAs(app!, 'technician');
        expect(await app!.handlers['listen.routeSetting']({ routeId: 'R1' })).toEqual({ routeId: 'R1', autoSave: false });
        // The rights check throws at once: wrapped so the refusal is awaited like any other.
        await expect(
          Promise.resolve().then(() => app!.handlers['listen.routeSetting.set']({ routeId: 'R1', autoSave: true })),
        ).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
        await signInAs(app!, 'supervisor');
        expect(await app!.handlers['listen.routeSetting.set']({ routeId: 'R1', autoSave: true })).toEqual({
          routeId: 'R1',
          autoSave: true,
        });
        await signInAs(app!, 'technician');

        pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
        simulator = await runReceiverSimulator(pair.meterPath, trainingRadioMeters, {
          receiver: 'im871a',
          seed: 5,
          intervalMs: 1000,
          lossRate: 0,
          burst: true,
        });
        expect(await app!.handlers['listen.start']({ routeId: 'R1', port: pair.appPath, receiver: 'im871a', mode: 'T1' })).toMatchObject({
          autoSave: true,
        });
        const state = await heardAll(2);
        expect(state.heard.filter((h) => h.readingSetId).map((h) => h.meterSerial)).toEqual(['KAM44556677', 'DME21010001']);
        expect(app!.store.db.prepare("SELECT count(*) FROM reading_sets WHERE source = 'radio'").pluck().get()).toBe(2);
        const audit = app!.store.db.prepare("SELECT action, entity_id FROM audit_log WHERE action = 'listen.routeSetting'").all();
        expect(audit).toEqual([{ action: 'listen.routeSetting', entity_id: 'R1' }]);
      },
      scaled(30_000),
    );

    it(
      'saves the meters still waiting for their auto-save when the app closes while listening',
      async () => {
        const dir = await setUpRoute();
        await signInAs(app!, 'supervisor');
        await app!.handlers['listen.routeSetting.set']({ routeId: 'R1', autoSave: true });
        await signInAs(app!, 'technician');
        pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
        simulator = await runReceiverSimulator(pair.meterPath, trainingRadioMeters, {
          receiver: 'im871a',
          seed: 5,
          intervalMs: 1000,
          lossRate: 0,
          burst: true,
        });
        // The batch's window never closes on its own in this test: only the app's close can save what waits.
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        try {
          await app!.handlers['listen.start']({ routeId: 'R1', port: pair.appPath, receiver: 'im871a', mode: 'T1' });
          await new Promise<void>((resolve) => {
            const poll = async () => {
              const state = await app!.handlers['listen.state']({});
              if (state.heard.filter((h) => h.values.length > 0).length >= 2) resolve();
              else setImmediate(() => void poll());
            };
            void poll();
          });
          expect(app!.store.db.prepare('SELECT count(*) FROM reading_sets').pluck().get()).toBe(0);
          app!.close();
          app = undefined;
        } finally {
          vi.useRealTimers();
        }
        const reopened = openStore(join(dir, 'f.db'));
        try {
          expect(reopened.db.prepare("SELECT count(*) FROM reading_sets WHERE source = 'radio'").pluck().get()).toBe(2);
        } finally {
          reopened.close();
        }
      },
      scaled(30_000),
    );

    it(
      'refuses to listen when the stick refuses the radio mode, with a coded reason',
      async () => {
        const dir = await setUpRoute();
        await signInAs(app!, 'technician');
        pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
        const stick = await openSerialLink(pair.meterPath, { baudRate: 9600, frame: '8N1' });
        const read = modeFrameReader('amber');
        stick.onData((bytes) => {
          for (const { asked } of read(bytes)) if (asked) void stick.write(modeAnswer('amber', false));
        });
        try {
          await expect(
            app!.handlers['listen.start']({ routeId: 'R1', port: pair.appPath, receiver: 'amber', mode: 'C1' }),
          ).rejects.toMatchObject({ code: 'VALIDATION', details: { reason: 'listen.modeRefused' } });
          expect((await app!.handlers['listen.state']({})).active).toBe(false);
        } finally {
          await stick.close();
        }
      },
      scaled(30_000),
    );
  },
);
