/**
 * Listening to a meter's HAN/P1 port at a stop (issue 22): the simulated meter pushes ciphered
 * data-notifications on a real socat PTY; the app decrypts them with the stop's meter key from
 * the key store, shows the values with units, and saves them as the stop's reading. A wrong key
 * is heard but cannot decrypt and saves nothing; a counter that went backwards, also after a
 * restart, is refused as a replay.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { nodeAesGcm } from '../../../electron/services/dlms/aesGcm';
import { secretEncryptor } from '../../../electron/services/meterKeys/encryptors';
import { runHanPushPort, type RunningHanPushPort } from '../../../electron/services/serial/simulator/hanPushPort';
import { signInAs } from '../../support/profiles';
import { csv, KWH, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from '../serial/ptyHarness';

const KEY = '000102030405060708090A0B0C0D0E0F';
const AUTH = 'D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF';
const TITLE = '4B464D1020304050';
const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, 'hex'));
const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(socatSkipReason !== null)(`HAN/P1 pushes in the app${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`, () => {
  const tempDir = useTempDir('han-');
  let app: Fieldmeter | undefined;
  let meter: RunningHanPushPort | undefined;
  afterEach(async () => {
    if (app) await Promise.resolve(app.handlers['han.stop']({})).catch(() => undefined);
    await meter?.stop();
    app?.close();
    app = meter = undefined;
  });

  const setUp = async (key: string) => {
    const dir = tempDir();
    app = startFieldmeter({ databasePath: join(dir, 'fieldmeter.db'), host: 'web', meterKeys: { encryptor: secretEncryptor('this run') } });
    await signInAs(app, 'supervisor');
    const route = csv(
      row({ up: 'UP-H', serial: '7359992890941742', type: KWH, dials: '7', decimals: '2', last: '12300', date: twoDaysAgo, average: '25' }),
    );
    await app.handlers['routes.import']({ fileName: 'route.csv', content: route, acceptValidRows: false });
    const keys = `manufacturer,id,kind,key\n,7359992890941742,dlms.encryption,${key}\n,7359992890941742,dlms.authentication,${AUTH}\n`;
    await app.handlers['meterKeys.import']({ fileName: 'keys.csv', content: keys });
    return { dir, app };
  };

  const startMeter = async (dir: string, firstCounter: number) => {
    meter = await runHanPushPort(join(dir, 'han'), {
      gcm: nodeAesGcm,
      encryptionKey: bytes(KEY),
      authenticationKey: bytes(AUTH),
      systemTitle: bytes(TITLE),
      serial: '7359992890941742',
      framing: 'hdlc',
      intervalMs: 200,
      baud: 115200,
      firstCounter,
    });
    return meter;
  };

  const heard = (fm: Fieldmeter, outcome: string) =>
    vi.waitFor(
      async () => {
        const state = await fm.handlers['han.state']({});
        expect(state.last?.outcome).toBe(outcome);
        return state;
      },
      { timeout: scaled(10_000), interval: 50 },
    );

  it(
    "decrypts the pushes with the meter's key, shows the values with units, and saves them as the stop's reading",
    async () => {
      const { dir, app: fm } = await setUp(KEY);
      const port = await startMeter(dir, 100);
      await fm.handlers['han.start']({ usagePointId: 'UP-H', port: port.appPath, baud: 115200 });
      const state = await heard(fm, 'values');
      expect(state.last).toMatchObject({ systemTitle: TITLE, meterSerial: '7359992890941742', reason: null });
      expect(state.last?.values).toContainEqual({ obis: '1-0:1.8.0.255', value: '12345670', unit: 'Wh', readingType: expect.any(String) });
      expect(state.last?.values).toContainEqual({ obis: '1-0:32.7.0.255', value: '231.8', unit: 'V', readingType: expect.any(String) });

      const saved = await fm.handlers['han.save']({ usagePointId: 'UP-H', confirmReason: 'pushed by the meter' });
      expect(saved.saved).toBe(1);
      const set = fm.store.db.prepare('SELECT source FROM reading_sets WHERE id = ?').get(saved.readingSetId);
      expect(set).toEqual({ source: 'han' });
      expect(fm.store.db.prepare('SELECT value FROM readings WHERE reading_set_id = ?').all(saved.readingSetId)).toEqual([
        { value: '12345.67' },
      ]);
      // The counter is kept: the same meter's older pushes are replays from now on.
      expect(fm.store.pushCounters.last(TITLE)).toBeGreaterThanOrEqual(100);
    },
    scaled(30_000),
  );

  it(
    'says heard, cannot decrypt for a wrong key and saves nothing; a counter that went backwards is refused after a restart',
    async () => {
      const { dir, app: fm } = await setUp('FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF');
      const port = await startMeter(dir, 100);
      await fm.handlers['han.start']({ usagePointId: 'UP-H', port: port.appPath, baud: 115200 });
      const state = await heard(fm, 'cannotDecrypt');
      expect(state.last).toMatchObject({ reason: 'dlms.decrypt', systemTitle: TITLE, values: [] });
      await expect(Promise.resolve().then(() => fm.handlers['han.save']({ usagePointId: 'UP-H' }))).rejects.toMatchObject({
        details: { reason: 'han.nothingHeard' },
      });
      expect(fm.store.db.prepare('SELECT count(*) AS n FROM reading_sets').get()).toEqual({ n: 0 });

      // A counter kept from before (as after a restart) that the meter's pushes do not pass.
      fm.store.pushCounters.accept(TITLE, 1_000_000, new Date().toISOString());
      await fm.handlers['han.stop']({});
      await port.stop();
      const keys = `manufacturer,id,kind,key\n,7359992890941742,dlms.encryption,${KEY}\n`;
      await fm.handlers['meterKeys.import']({ fileName: 'keys2.csv', content: keys });
      const again = await startMeter(dir, 5);
      await fm.handlers['han.start']({ usagePointId: 'UP-H', port: again.appPath, baud: 115200 });
      const replay = await heard(fm, 'replay');
      expect(replay.last).toMatchObject({ reason: 'dlms.replay', values: [] });
    },
    scaled(30_000),
  );
});
