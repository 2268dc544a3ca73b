/**
 * rtl-wmbus as the third receiver, and a receiver going away mid-listen:
 * - `fieldmeter mbus listen --receiver rtlwmbus` reading a named pipe that rtl-wmbus would write
 *   to, fed the published line of wmbusmeters tests/test_rtlwmbus_nc.sh (a Sensus iPERL, 123.529 m³)
 *   and a line damaged on the air; rtl-wmbus stopping (the pipe's writer closing) ends listening
 *   with the coded error listen.unplugged, after the report of what was heard;
 * - the Listen screen's methods with rtl-wmbus lines on a PTY (socat), and an iM871A whose PTY is
 *   closed mid-listen: the state says unplugged, the meters heard and saved so far stay.
 * Waits on what was heard, never on a timer.
 */
import { execFileSync, spawn } from 'node:child_process';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { secretEncryptor } from '../../../electron/services/meterKeys/encryptors';
import { runReceiverSimulator, type RunningSimulator } from '../../../electron/services/mbus/receiverOnPort';
import { trainingKeyFile, trainingRadioMeters } from '../../../electron/services/mbus/trainingRadio';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { startPtyPair, type PtyPair } from '../../../electron/services/serial/simulator';
import type { ReceiverKind } from '../../../shared/mbus';
import { fieldmeterBin, fieldmeterInProcess } from '../../support/cli';
import { signInAs } from '../../support/profiles';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';
const IPERL = 'T1;1;1;2019-04-03 19:00:42.000;97;148;33225544;0x1844AE4C4455223368077A55000000041389E20100023B0000\n';

describe('rtl-wmbus on a named pipe', () => {
  const tempDir = useTempDir();

  it(
    'hears the published line, counts the damaged one, and says listen.unplugged when rtl-wmbus stops',
    async () => {
      const fifo = join(tempDir(), 'wmbus.fifo');
      execFileSync('mkfifo', [fifo]);
      const run = fieldmeterInProcess(['mbus', 'listen', '--port', fifo, '--receiver', 'rtlwmbus', '--seconds', '600', '--json']);
      // Opening for writing waits (off the event loop) until the listener opened the pipe for reading.
      const writer = await open(fifo, 'w');
      await writer.write(IPERL.replace('T1;1;1', 'T1;0;0'));
      await writer.write(IPERL);
      await writer.close();
      const result = await run;
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('The receiver went away while listening');
      const report = JSON.parse(result.stdout) as {
        stoppedBecause: string | null;
        counts: Record<string, number>;
        others: { manufacturer: string; id: string; records: { value: string; unit: string }[] }[];
      };
      expect(report.stoppedBecause).toBe('unplugged');
      expect(report.counts).toMatchObject({ damaged: 1, notOnRoute: 1 });
      expect(report.others[0]).toMatchObject({
        manufacturer: 'SEN',
        id: '33225544',
        records: [
          { value: '123.529', unit: 'm3' },
          { value: '0.000', unit: 'm3/h' },
        ],
      });
    },
    scaled(30_000),
  );

  it(
    'reads rtl-wmbus lines piped to standard input (--port -) to their end, which is no unplugging',
    async () => {
      const child = spawn(
        process.execPath,
        [fieldmeterBin, 'mbus', 'listen', '--port', '-', '--receiver', 'rtlwmbus', '--seconds', '600', '--json'],
        {
          stdio: ['pipe', 'pipe', 'pipe'],
        },
      );
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += String(d)));
      child.stdin.end(
        IPERL +
          IPERL.replace('T1;1;1;2019-04-03 19:00:42.000;97', 'T1;1;1;2019-04-03 19:00:50.000;95').replace(
            '0x1844AE4C4455223368077A55',
            '0x1844AE4C4455223368077A56',
          ),
      );
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as { stoppedBecause: string | null; counts: Record<string, number> };
      expect(report).toMatchObject({ stoppedBecause: null, counts: { notOnRoute: 2, damaged: 0 } });
    },
    scaled(30_000),
  );
});

describe.skipIf(socatSkipReason !== null)(
  `Listen with rtl-wmbus and a receiver unplugged${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
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

    /** Route R1 with the first three training radio meters and all training keys; listening started on a PTY. */
    const listenOnPty = async (receiver: ReceiverKind) => {
      const dir = tempDir();
      app = startFieldmeter({ databasePath: join(dir, 'f.db'), host: 'web', meterKeys: { encryptor: secretEncryptor('rtl test') } });
      const rows = trainingRadioMeters.slice(0, 3).map((m, i) =>
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
      await app.handlers['meterKeys.import']({ fileName: 'keys.csv', content: trainingKeyFile() });
      await signInAs(app, 'technician');
      pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
      simulator = await runReceiverSimulator(pair.meterPath, trainingRadioMeters, {
        receiver,
        seed: 5,
        intervalMs: 1000,
        lossRate: 0,
        burst: true,
      });
      return app.handlers['listen.start']({ routeId: 'R1', port: pair.appPath, receiver, mode: 'T1' });
    };

    type State = Awaited<ReturnType<Fieldmeter['handlers']['listen.state']>>;
    const until = (done: (state: State) => boolean) =>
      new Promise<State>((resolve) => {
        const poll = async () => {
          const state = await app!.handlers['listen.state']({});
          if (done(state)) resolve(state);
          else setTimeout(() => void poll(), 20);
        };
        void poll();
      });

    it(
      "hears the route's meters in rtl-wmbus lines on a PTY, decrypted with their keys",
      async () => {
        expect(await listenOnPty('rtlwmbus')).toMatchObject({ active: true, receiver: 'rtlwmbus' });
        const all = await until((s) => s.counts.heard === 3);
        expect(all.heard.map((h) => [h.meterSerial, h.values.map((v) => v.value), h.reason])).toEqual([
          ['KAM44556677', ['1234.567'], null],
          ['DME21010001', ['87.210'], null],
          ['ZRI12345678', ['402.006'], null],
        ]);
      },
      scaled(30_000),
    );

    it(
      'an iM871A whose port vanishes mid-listen: stopped as unplugged, the heard and saved meters stay',
      async () => {
        await listenOnPty('im871a');
        await until((s) => s.counts.heard === 3);
        await app!.handlers['listen.save']({ usagePointId: 'UP-1' });
        await simulator!.stop();
        await pair!.stop(); // the PTY closes: its path vanishes as a pulled stick's does
        const after = await until((s) => s.stoppedBecause !== null);
        expect(after).toMatchObject({ active: false, stoppedBecause: 'unplugged', counts: { heard: 3 } });
        expect(after.heard.find((h) => h.usagePointId === 'UP-1')?.readingSetId).toEqual(expect.any(String));
        expect(app!.store.db.prepare('SELECT count(*) FROM reading_sets').pluck().get()).toBe(1);
        // Saving another heard meter still works from what was heard before the receiver went away.
        await app!.handlers['listen.save']({ usagePointId: 'UP-2' });
        expect(app!.store.db.prepare('SELECT count(*) FROM reading_sets').pluck().get()).toBe(2);
      },
      scaled(30_000),
    );
  },
);
