/**
 * Meter keys in the route CSV (issue 22 §5, issue 23 §5): the key columns go sealed into the
 * meter-key store, never into the route tables, the audit's details, a problem or the database in
 * plain text; only a supervisor may import a file that carries them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { secretEncryptor } from '../../../electron/services/meterKeys/encryptors';
import type { Encryptor } from '../../../electron/services/sync/secrets';
import { signInAs } from '../../support/profiles';
import { KWH, KWH_T1 } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';

// The OMS volume 2 annex N example key (also wmbusmeters' test key for its Kamstrup examples) and the Green Book's.
const MBUS_KEY = '4E5508544202058100DFEFA06B0934A5';
const DLMS_KEY = '000102030405060708090A0B0C0D0E0F';
const AUTH_KEY = 'D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF';
const PASSWORD = Buffer.from('lls-0042').toString('hex').toUpperCase();

const HEADER =
  'route_id,sequence,usage_point_id,address,meter_serial,reading_type,dials,mbus_key,dlms_encryption_key,dlms_authentication_key,dlms_password';
const line = (seq: number, up: string, serial: string, keys: [string?, string?, string?, string?] = []) =>
  ['R9', seq, up, `${seq} Main St`, serial, KWH, 6, ...[0, 1, 2, 3].map((i) => keys[i] ?? '')].join(',');
const route = (...rows: string[]) => [HEADER, ...rows].join('\n');
const good = route(
  line(10, 'UP-1', 'KAM44556677', [MBUS_KEY]),
  line(20, 'UP-2', 'E3100050', [undefined, DLMS_KEY, AUTH_KEY, PASSWORD]),
  line(30, 'UP-3', 'E3100051'),
);

/** Every form a key could leak in: hex either case, base64 of its bytes and of its hex text. */
const leaks = (hex: string) => [hex, hex.toLowerCase(), Buffer.from(hex, 'hex').toString('base64'), Buffer.from(hex).toString('base64')];
const hexOf = (bytes: Uint8Array | undefined) =>
  Buffer.from(bytes ?? [])
    .toString('hex')
    .toUpperCase();

const refusal = async (call: () => unknown): Promise<unknown> => {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('meter keys from the route file', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
  });
  const start = ({ encryptor }: { encryptor: Encryptor | undefined } = { encryptor: secretEncryptor('a secret from the environment') }) => {
    const dir = tempDir();
    app = startFieldmeter({ databasePath: join(dir, 'fieldmeter.db'), host: 'web', meterKeys: { encryptor } });
    return { app, dir };
  };

  it('keeps the keys sealed in the key store: not in the database files, the route tables or the audit', async () => {
    const { app, dir } = start();
    await signInAs(app, 'supervisor');
    const summary = await app.handlers['routes.import']({ fileName: 'route-keys.csv', content: good, acceptValidRows: false });
    expect(summary).toMatchObject({ usagePoints: 3, registers: 3, meterKeys: 4 });

    expect(hexOf(app.meterKeys.keysFor({ manufacturer: 'KAM', id: '44556677' }).mbus)).toBe(MBUS_KEY);
    const dlms = app.meterKeys.keysFor({ id: 'E3100050' });
    expect([hexOf(dlms['dlms.encryption']), hexOf(dlms['dlms.authentication']), hexOf(dlms['dlms.password'])]).toEqual([
      DLMS_KEY,
      AUTH_KEY,
      PASSWORD,
    ]);
    expect(app.meterKeys.keysFor({ id: 'E3100051' })).toEqual({});

    const audit = app.store.db
      .prepare("SELECT entity_id AS meter, details FROM audit_log WHERE action = 'meterKeys.set' ORDER BY id")
      .all();
    expect(audit).toEqual([
      { meter: 'KAM44556677', details: JSON.stringify({ from: 'routeFile', source: 'route-keys.csv', kinds: 'mbus' }) },
      {
        meter: 'E3100050',
        details: JSON.stringify({
          from: 'routeFile',
          source: 'route-keys.csv',
          kinds: 'dlms.encryption dlms.authentication dlms.password',
        }),
      },
    ]);

    app.store.db.pragma('wal_checkpoint(PASSIVE)');
    const stored = readdirSync(dir)
      .filter((f) => f.startsWith('fieldmeter.db'))
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('');
    expect(stored).toContain('E3100050');
    for (const form of [MBUS_KEY, DLMS_KEY, AUTH_KEY, PASSWORD].flatMap(leaks))
      expect(stored, `database holds ${form}`).not.toContain(form);
  });

  it('refuses a malformed key with its line and column, never the key, and takes nothing', async () => {
    const { app } = start();
    await signInAs(app, 'supervisor');
    const short = MBUS_KEY.slice(0, 30);
    const content = route(
      line(10, 'UP-1', 'KAM44556677', [short]),
      line(20, 'UP-2', 'E3100050', [DLMS_KEY]),
      line(30, 'UP-3', 'E3100051', [undefined, undefined, undefined, 'lls-0042']),
      line(40, 'UP-4', 'KAM44556677', [MBUS_KEY]),
    );
    const error = await refusal(() => app.handlers['routes.import']({ fileName: 'bad.csv', content, acceptValidRows: false }));
    expect(error).toMatchObject({
      code: 'IMPORT_REJECTED',
      details: {
        reason: 'routeRows',
        problems: [
          { line: 2, column: 'mbus_key', code: 'notAesKey' },
          { line: 3, column: 'mbus_key', code: 'keyNeedsRadioAddress', details: { meterSerial: 'E3100050' } },
          { line: 4, column: 'dlms_password', code: 'notPasswordHex' },
        ],
      },
    });
    expect(JSON.stringify(error)).not.toContain(short);
    expect(JSON.stringify(error)).not.toContain('lls-0042');
    expect(app.store.db.prepare('SELECT count(*) FROM meter_keys').pluck().get()).toBe(0);
    expect(app.store.routes.count()).toBe(0);
  });

  it('refuses a key that a later row of the same meter gives otherwise', async () => {
    const { app } = start();
    await signInAs(app, 'supervisor');
    const content = [
      HEADER,
      line(10, 'UP-2', 'E3100050', [undefined, DLMS_KEY]),
      line(10, 'UP-2', 'E3100050', [undefined, AUTH_KEY]).replace(KWH, KWH_T1),
    ].join('\n');
    const error = await refusal(() => app.handlers['routes.import']({ fileName: 'twice.csv', content, acceptValidRows: false }));
    expect(error).toMatchObject({
      details: { problems: [{ line: 3, column: 'dlms_encryption_key', code: 'keyDiffers', details: { otherLine: 2 } }] },
    });
  });

  it('lets only a supervisor import a file with keys; the same columns left empty are anyone’s route', async () => {
    const { app } = start();
    await signInAs(app, 'technician');
    const error = await refusal(() => app.handlers['routes.import']({ fileName: 'r.csv', content: good, acceptValidRows: false }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'meterKeys.needSupervisor' } });
    expect(app.store.routes.count()).toBe(0);
    const empty = route(line(10, 'UP-1', 'KAM44556677'), line(20, 'UP-2', 'E3100050'));
    expect(await app.handlers['routes.import']({ fileName: 'r.csv', content: empty, acceptValidRows: false })).not.toHaveProperty(
      'meterKeys',
    );
  });

  it('imports nothing where keys cannot be kept safely', async () => {
    const { app } = start({ encryptor: undefined });
    await signInAs(app, 'supervisor');
    const error = await refusal(() => app.handlers['routes.import']({ fileName: 'r.csv', content: good, acceptValidRows: false }));
    expect(error).toMatchObject({ code: 'VALIDATION', details: { reason: 'meterKeys.storageUnavailable' } });
    expect(app.store.routes.count()).toBe(0);
  });
});
