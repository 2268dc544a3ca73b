/**
 * `fieldmeter simulate wmbus-receiver --link PATH --route R --route-csv FILE --key-file FILE`: a
 * utility's own route played by the simulated receiver over a real PTY pair (socat). The keyed
 * meter is sent encrypted with its key (mode 5) and the other in the clear, each with its last
 * reading plus a day's use; `mbus listen` on the same route hears and decrypts both, and the stop
 * that is not a radio meter is not sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { radioMetersOfCsv } from '../../../electron/services/mbus/routeRadioMeters';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { hexBytes, toHex } from '../../../shared/mbus';
import { startPtyPair, type PtyPair } from '../../../electron/services/serial/simulator';
import { openStore } from '../../../electron/services/store';
import { fieldmeterBin, fieldmeterInProcess } from '../../support/cli';
import { csv, KWH, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';
const KEY = '0F0E0D0C0B0A09080706050403020100';

describe.skipIf(socatSkipReason !== null)(
  `a route's radio meters simulated${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();
    let pair: PtyPair | undefined;
    let child: ChildProcess | undefined;
    afterEach(async () => {
      child?.kill('SIGTERM');
      if (child) await new Promise((resolve) => child!.once('exit', resolve));
      await pair?.stop();
      pair = child = undefined;
    });

    it(
      'sends the route CSV’s radio meters, the keyed one encrypted with its key, heard by mbus listen on that route',
      async () => {
        const dir = tempDir();
        const route = csv(
          row({ seq: '10', up: 'UP-1', serial: 'KAM44556677', type: WATER, dials: '6', decimals: '3', last: '100', average: '0.5' }),
          row({ seq: '20', up: 'UP-2', serial: 'ITW30000099', type: WATER, dials: '6', decimals: '3', last: '7.25', average: '' }),
          row({ seq: '30', up: 'UP-3', serial: 'E100', type: KWH }),
        );
        const routeFile = join(dir, 'route.csv');
        const keyFile = join(dir, 'keys.csv');
        writeFileSync(routeFile, route);
        writeFileSync(keyFile, `manufacturer,id,kind,key\nKAM,44556677,mbus,${KEY}\n`);
        const db = join(dir, 'f.db');
        const store = openStore(db);
        importRoute(store, { name: 'Sam', role: 'supervisor' }, { fileName: 'route.csv', content: route, acceptValidRows: false });
        store.close();

        pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
        child = spawn(
          process.execPath,
          [fieldmeterBin, 'simulate', 'wmbus-receiver', '--link', pair.meterPath, '--route', 'R1', '--route-csv', routeFile].concat([
            '--key-file',
            keyFile,
            '--receiver',
            'amber',
            '--burst',
            '--loss',
            '0',
          ]),
          { stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let said = '';
        await new Promise<void>((resolve) => child!.stderr!.on('data', (d: Buffer) => ((said += String(d)), resolve())));
        expect(said).toContain('sending 2 radio meters');

        const run = await fieldmeterInProcess(
          ['mbus', 'listen', '--port', pair.appPath, '--receiver', 'amber', '--seconds', String(scaled(30))].concat([
            '--route',
            'R1',
            '--db',
            db,
            '--key-file',
            keyFile,
            '--json',
          ]),
          { FIELDMETER_KEY_SECRET: undefined },
        );
        expect(run.code).toBe(0);
        const report = JSON.parse(run.stdout) as {
          counts: Record<string, number>;
          heard: { meterSerial: string; values: { value: string }[] }[];
        };
        expect(report.counts).toMatchObject({ stops: 2, heard: 2, notHeard: 0 });
        expect(Object.fromEntries(report.heard.map((h) => [h.meterSerial, h.values.map((v) => v.value)]))).toEqual({
          KAM44556677: ['100.500'],
          ITW30000099: ['7.550'],
        });
        expect(run.stdout).not.toContain(KEY);
        // What the simulator played: the keyed meter with its key (mode 5), the other in the clear, the kWh meter not at all.
        const played = radioMetersOfCsv(route, 'R1', new Map([['KAM44556677', hexBytes(KEY)]]));
        expect(played.map((m) => [`${m.manufacturer}${m.id}`, m.volume, m.key ? toHex(m.key) : null])).toEqual([
          ['KAM44556677', '100.500', KEY],
          ['ITW30000099', '7.550', null],
        ]);
      },
      scaled(60_000),
    );
  },
);
