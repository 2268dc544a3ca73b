/**
 * `fieldmeter simulate wmbus-receiver --link PATH --route R --db PATH`: a route on this device played
 * by the simulated iM871A over a real PTY pair (socat). The database holds the route and its meter
 * keys sealed as the CLI and web host seal them ($FIELDMETER_KEY_SECRET, AES-256-GCM); the simulator
 * opens them with the same secret, sends the keyed meter encrypted (mode 5) and the other in the
 * clear, each with its last reading plus a day's use. A Listen session with the database's keys hears
 * and decodes both; one without keys hears the keyed meter as "cannot decrypt" — it was encrypted.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createListenSession, type ListenSession } from '../../../electron/services/mbus/listen';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';
import { radioStopsOf } from '../../../electron/services/mbus/radioRoute';
import { openReceiver } from '../../../electron/services/mbus/receiverOnPort';
import { meterKeysOf } from '../../../electron/services/meterKeys';
import { secretEncryptor } from '../../../electron/services/meterKeys/encryptors';
import { importRoute } from '../../../electron/services/routes/importRoute';
import type { SerialLink } from '../../../electron/services/serial/link';
import { startPtyPair, type PtyPair } from '../../../electron/services/serial/simulator';
import { openStore, type Store } from '../../../electron/services/store';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { fieldmeterBin } from '../../support/cli';
import { csv, KWH, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';
const KEY = '0F0E0D0C0B0A09080706050403020100';
const SECRET = 'a secret only this run knows';
const supervisor = { name: 'Sam', role: 'supervisor' } as const;

describe.skipIf(socatSkipReason !== null)(
  `a route on this device simulated from its database${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();
    let pair: PtyPair | undefined;
    let child: ChildProcess | undefined;
    let link: SerialLink | undefined;
    let store: Store | undefined;
    afterEach(async () => {
      await link?.close();
      child?.kill('SIGTERM');
      if (child && child.exitCode === null) await new Promise((resolve) => child!.once('exit', resolve));
      await pair?.stop();
      store?.close();
      pair = child = link = store = undefined;
    });

    it(
      "sends the route's radio meters with the keys sealed in the database, heard and decoded by a Listen session",
      async () => {
        const dir = tempDir();
        const db = join(dir, 'f.db');
        const seeded = openStore(db);
        const route = csv(
          row({ seq: '10', up: 'UP-1', serial: 'KAM44556677', type: WATER, dials: '6', decimals: '3', last: '100', average: '0.5' }),
          row({ seq: '20', up: 'UP-2', serial: 'ITW30000099', type: WATER, dials: '6', decimals: '3', last: '7.25', average: '' }),
          row({ seq: '30', up: 'UP-3', serial: 'E100', type: KWH }),
        );
        importRoute(seeded, supervisor, { fileName: 'route.csv', content: route, acceptValidRows: false });
        meterKeysOf(seeded, { encryptor: secretEncryptor(SECRET) }).importFile(
          supervisor,
          'keys.csv',
          `manufacturer,id,kind,key\nKAM,44556677,mbus,${KEY}\n`,
        );
        seeded.close();

        pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
        child = spawn(
          process.execPath,
          [fieldmeterBin, 'simulate', 'wmbus-receiver', '--link', pair.meterPath, '--route', 'R1', '--db', db].concat([
            '--receiver',
            'im871a',
            '--burst',
            '--loss',
            '0',
          ]),
          { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, FIELDMETER_KEY_SECRET: SECRET, FIELDMETER_LANG: 'en' } },
        );
        let said = '';
        await new Promise<void>((resolve, reject) => {
          child!.stderr!.on('data', (d: Buffer) => ((said += String(d)), resolve()));
          child!.once('exit', (code) => reject(new Error(`the simulator ended (${code}): ${said}`)));
        });
        expect(said).toContain('sending 2 radio meters');

        // The keys as the app opens them when listening starts: sealed in the database, opened with the secret.
        store = openStore(db);
        expect(JSON.stringify(store.db.prepare('SELECT * FROM meter_keys').all())).not.toContain(KEY);
        const listening = (keys: Map<string, Uint8Array>): ListenSession =>
          createListenSession({
            store: store!,
            actor: () => supervisor,
            receiver: 'im871a',
            stops: radioStopsOf(store!, 'R1'),
            keys,
            aes: nodeAes,
            autoSave: false,
            settings: defaultValidationSettings,
            photoDir: join(dir, 'photos'),
          });
        const withKeys = listening(meterKeysOf(store, { encryptor: secretEncryptor(SECRET) }).radioKeys());
        const withoutKeys = listening(new Map());
        link = await openReceiver(pair.appPath, 'im871a', 'T1', { confirmWithinMs: scaled(10_000) });
        const byMeter = (session: ListenSession) => {
          const serials = new Map(radioStopsOf(store!, 'R1').map((s) => [s.usagePointId, s.meterSerial]));
          return Object.fromEntries(
            session.heard().map((h) => [serials.get(h.usagePointId), { values: h.values.map((v) => v.value), reason: h.reason }]),
          );
        };
        // Until both sessions heard both meters: the simulator repeats its walk every half second.
        await new Promise<void>((resolve) => {
          link!.onData((bytes) => {
            withKeys.feed(bytes);
            withoutKeys.feed(bytes);
            if (withKeys.heard().filter((h) => h.values.length > 0).length === 2 && withoutKeys.heard().length === 2) resolve();
          });
        });

        expect(byMeter(withKeys)).toEqual({
          KAM44556677: { values: ['100.500'], reason: null },
          ITW30000099: { values: ['7.550'], reason: null },
        });
        expect(byMeter(withoutKeys)).toEqual({
          KAM44556677: { values: [], reason: 'mbus.noKey' },
          ITW30000099: { values: ['7.550'], reason: null },
        });
        // The stop that is not a radio meter is not sent, and nothing else is heard.
        expect(withKeys.counts()).toMatchObject({ stops: 2, heard: 2, notOnRoute: 0 });
      },
      scaled(60_000),
    );
  },
);
