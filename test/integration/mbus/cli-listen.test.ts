/**
 * `fieldmeter simulate wmbus-receiver` and `fieldmeter mbus listen` over a real PTY pair from
 * socat: the training meters heard through the simulated stick, matched to a route's radio
 * meters, decrypted with the keys a supervisor imported (sealed in the database), saved once.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meterKeysOf } from '../../../electron/services/meterKeys';
import { secretEncryptor } from '../../../electron/services/meterKeys/encryptors';
import { trainingKeyFile, trainingRadioMeters } from '../../../electron/services/mbus/trainingRadio';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { startPtyPair } from '../../../electron/services/serial/simulator';
import { openStore } from '../../../electron/services/store';
import { fieldmeter, fieldmeterBin } from '../../support/cli';
import { addProfile, cliUser } from '../../support/profiles';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';
const SECRET = 'a secret only this run knows';

describe.skipIf(socatSkipReason !== null)(
  `fieldmeter mbus listen on a simulated receiver${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    /** A route of the first three training radio meters with their keys sealed, and a technician. */
    const seedRoute = async (db: string, { withKeys = true } = {}) => {
      const store = openStore(db);
      // The first three training meters are on the route; the others are heard as not on it. Listening ends once all three were heard.
      const onRoute = trainingRadioMeters.slice(0, 3);
      const rows = onRoute.map((m, i) =>
        row({
          seq: String(10 * (i + 1)),
          up: `UP-${i + 1}`,
          serial: `${m.manufacturer}${m.id}`,
          type: WATER,
          dials: '5',
          decimals: '3',
          last: '1',
          date: '2026-10-01',
          average: '',
        }),
      );
      importRoute(store, { name: 'Sam', role: 'supervisor' }, { fileName: 'r.csv', content: csv(...rows), acceptValidRows: false });
      if (withKeys)
        meterKeysOf(store, { encryptor: secretEncryptor(SECRET) }).importFile(
          { name: 'Sam', role: 'supervisor' },
          'keys.csv',
          trainingKeyFile(),
        );
      await addProfile(store, 'technician');
      return store;
    };
    const simulate = (meterPath: string, receiver: string) =>
      spawn(
        process.execPath,
        [fieldmeterBin, 'simulate', 'wmbus-receiver', '--port', meterPath, '--receiver', receiver, '--burst', '--loss', '0', '--seed', '7'],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
    const listen = (appPath: string, receiver: string, db: string, env: Record<string, string>) =>
      fieldmeter(
        [
          'mbus',
          'listen',
          '--port',
          appPath,
          '--receiver',
          receiver,
          '--seconds',
          String(scaled(30)),
          '--route',
          'R1',
          '--db',
          db,
          '--save',
          '--json',
        ],
        env,
      );

    it(
      'hears, decrypts and saves the training radio meters once through the iM871A',
      async () => {
        const receiver = 'im871a';
        const dir = tempDir();
        const db = join(dir, 'fieldmeter.db');
        (await seedRoute(db)).close();

        const pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
        const simulator = simulate(pair.meterPath, receiver);
        try {
          const env = { FIELDMETER_KEY_SECRET: SECRET, ...cliUser('Tina') };
          const run = await listen(pair.appPath, receiver, db, env);
          expect(run.stderr).toBe('');
          expect(run.code).toBe(0);
          const report = JSON.parse(run.stdout) as {
            counts: Record<string, number>;
            heard: { meterSerial: string; values: { value: string }[]; readingSetId: string | null; reason: string | null }[];
            notHeard: { meterSerial: string }[];
          };
          expect(report.counts).toMatchObject({ stops: 3, heard: 3, notHeard: 0 });
          expect(Object.fromEntries(report.heard.map((h) => [h.meterSerial, h.values.map((v) => v.value)]))).toEqual({
            KAM44556677: ['1234.567'],
            DME21010001: ['87.210'],
            ZRI12345678: ['402.006'],
          });
          expect(report.heard.every((h) => h.readingSetId !== null && h.reason === null)).toBe(true);
          expect(report.notHeard).toEqual([]);
          // How many telegrams of other meters arrive before the route's last one depends on when the port opened
          // in the simulator's burst; counting them is tested deterministically in listen.test.ts.
          expect(report.counts.notOnRoute).toBeGreaterThanOrEqual(0);
          expect(run.stdout).not.toContain('000102030405060708090A0B0C0D0E0F');

          const after = openStore(db);
          expect(after.db.prepare('SELECT count(*) FROM reading_sets').pluck().get()).toBe(3);
          after.close();
        } finally {
          simulator.kill('SIGTERM');
          await new Promise((resolve) => simulator.once('exit', resolve));
          await pair.stop();
        }
      },
      scaled(60_000),
    );

    it(
      'exits 1 with --save when meters were heard but could not be saved, and says why for each',
      async () => {
        const dir = tempDir();
        const db = join(dir, 'fieldmeter.db');
        const store = await seedRoute(db);
        // A write fault the reading checks cannot foresee (as a full disk would be).
        store.db.exec("CREATE TRIGGER fault BEFORE INSERT ON reading_sets BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
        store.close();
        const pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
        const simulator = simulate(pair.meterPath, 'im871a');
        try {
          const run = await listen(pair.appPath, 'im871a', db, { FIELDMETER_KEY_SECRET: SECRET, ...cliUser('Tina'), LANG: 'de_DE.UTF-8' });
          expect(run.code).toBe(1);
          const report = JSON.parse(run.stdout) as { heard: { readingSetId: string | null; saveProblem: string | null }[] };
          expect(report.heard.length).toBeGreaterThan(0);
          expect(report.heard.every((h) => h.readingSetId === null && h.saveProblem === 'INTERNAL')).toBe(true);
          expect(run.stderr).toContain('Einige Zähler wurden empfangen, aber nicht gespeichert');
        } finally {
          simulator.kill('SIGTERM');
          await new Promise((resolve) => simulator.once('exit', resolve));
          await pair.stop();
        }
      },
      scaled(60_000),
    );

    it(
      "exits 1 with --save when the route's meters were heard but none could be read (no key)",
      async () => {
        const dir = tempDir();
        const db = join(dir, 'fieldmeter.db');
        (await seedRoute(db, { withKeys: false })).close();
        const pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
        const simulator = simulate(pair.meterPath, 'im871a');
        try {
          const run = await fieldmeter(
            [
              'mbus',
              'listen',
              '--port',
              pair.appPath,
              '--receiver',
              'im871a',
              '--seconds',
              String(scaled(4)),
              '--route',
              'R1',
              '--db',
              db,
              '--save',
              '--json',
            ],
            { FIELDMETER_KEY_SECRET: SECRET, ...cliUser('Tina') },
          );
          const report = JSON.parse(run.stdout) as { heard: { readingSetId: string | null; reason: string | null }[] };
          expect(report.heard.length).toBeGreaterThan(0);
          expect(report.heard.every((h) => h.readingSetId === null && h.reason === 'mbus.noKey')).toBe(true);
          expect(run.code).toBe(1);
          expect(run.stderr).toContain('Some meters were heard but not saved');
        } finally {
          simulator.kill('SIGTERM');
          await new Promise((resolve) => simulator.once('exit', resolve));
          await pair.stop();
        }
      },
      scaled(60_000),
    );
  },
);
