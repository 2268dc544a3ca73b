/**
 * Meter keys at rest (issue 23 §5): imported by a supervisor from the utility's key file, sealed
 * in the database, never in the log or the audit; counted by anyone, opened only on the Node side.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { secretEncryptor } from '../../../electron/services/meterKeys/encryptors';
import type { Encryptor } from '../../../electron/services/sync/secrets';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

const KEY = '4E5508544202058100DFEFA06B0934A5';
const DLMS_KEY = '000102030405060708090A0B0C0D0E0F';
const keyFile = [
  'manufacturer,id,kind,key',
  `KAM,44556677,mbus,${KEY}`,
  `,E3100050,dlms.encryption,${DLMS_KEY}`,
  `zri,123,,${DLMS_KEY.toLowerCase()}`,
].join('\r\n');

/** Every form a key could leak in: hex either case, base64 of its bytes and of its hex text. */
/** The coded error a (synchronous) handler throws. */
const refusal = async (call: () => unknown): Promise<unknown> => {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

const leaks = (hex: string) => [hex, hex.toLowerCase(), Buffer.from(hex, 'hex').toString('base64'), Buffer.from(hex).toString('base64')];

describe('meter keys', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
    vi.restoreAllMocks();
  });

  const start = (sealing = { encryptor: secretEncryptor('a secret from the environment') as Encryptor | undefined }) => {
    const dir = tempDir();
    app = startFieldmeter({ databasePath: join(dir, 'fieldmeter.db'), host: 'web', meterKeys: sealing });
    return { app, dir };
  };

  it('imports a key file sealed: no key in the database files, the log or the audit; keysFor opens them', async () => {
    const { app, dir } = start();
    const logged: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (logged.push(String(chunk)), true));
    await signInAs(app, 'supervisor');
    const result = await app.handlers['meterKeys.import']({ fileName: 'keys-2026-12.csv', content: keyFile });
    expect(result).toEqual({ imported: 3, replaced: 0 });
    expect(await app.handlers['meterKeys.count']({})).toEqual({
      mbus: 2,
      'dlms.encryption': 1,
      'dlms.authentication': 0,
      'dlms.password': 0,
      total: 3,
    });

    expect(
      Buffer.from(app.meterKeys.keysFor({ manufacturer: 'KAM', id: '44556677' }).mbus ?? [])
        .toString('hex')
        .toUpperCase(),
    ).toBe(KEY);
    expect(
      Buffer.from(app.meterKeys.keysFor({ id: 'E3100050' })['dlms.encryption'] ?? [])
        .toString('hex')
        .toUpperCase(),
    ).toBe(DLMS_KEY);
    // Ids are zero-filled to the eight digits sent on the air.
    expect(app.meterKeys.radioKeys().has('ZRI00000123')).toBe(true);

    app.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const files = readdirSync(dir).filter((f) => f.startsWith('fieldmeter.db'));
    const stored = files.map((f) => readFileSync(join(dir, f)).toString('latin1')).join('');
    const audit = JSON.stringify(app.store.db.prepare('SELECT * FROM audit_log').all());
    expect(audit).toContain('meterKeys.import');
    for (const form of [...leaks(KEY), ...leaks(DLMS_KEY)]) {
      expect(stored, `database holds ${form}`).not.toContain(form);
      expect(audit).not.toContain(form);
      expect(logged.join('')).not.toContain(form);
    }
  });

  it("replaces a key on a new delivery and deletes one meter's keys, both audited", async () => {
    const { app } = start();
    await signInAs(app, 'supervisor');
    await app.handlers['meterKeys.import']({ fileName: 'a.csv', content: keyFile });
    const again = await app.handlers['meterKeys.import']({ fileName: 'b.csv', content: `manufacturer;id;key\nKAM;44556677;${DLMS_KEY}` });
    expect(again).toEqual({ imported: 1, replaced: 1 });
    expect(
      Buffer.from(app.meterKeys.keysFor({ manufacturer: 'kam', id: '44556677' }).mbus ?? [])
        .toString('hex')
        .toUpperCase(),
    ).toBe(DLMS_KEY);
    expect(await app.handlers['meterKeys.delete']({ manufacturer: 'KAM', id: '44556677' })).toEqual({ deleted: 1 });
    expect(app.meterKeys.keysFor({ manufacturer: 'KAM', id: '44556677' })).toEqual({});
    const actions = app.store.db.prepare("SELECT action FROM audit_log WHERE entity = 'meterKeys'").pluck().all();
    expect(actions).toEqual(['meterKeys.import', 'meterKeys.import', 'meterKeys.delete']);
  });

  it('imports nothing from a file with a bad row, naming line and column but not the key', async () => {
    const { app } = start();
    await signInAs(app, 'supervisor');
    const bad = `manufacturer,id,kind,key\nKAM,44556677,mbus,${KEY}\nKAM,4455667X,mbus,${KEY}\nKAM,1,mbus,${KEY.slice(2)}\n,E1,mbus,${KEY}`;
    const error = await refusal(() => app.handlers['meterKeys.import']({ fileName: 'bad.csv', content: bad }));
    expect(error).toMatchObject({
      code: 'IMPORT_REJECTED',
      details: {
        reason: 'meterKeys.badFile',
        problems: [
          { line: 3, column: 'id' },
          { line: 4, column: 'key' },
          { line: 5, column: 'kind' },
        ],
      },
    });
    expect(JSON.stringify(error)).not.toContain(KEY.slice(2));
    expect(await app.handlers['meterKeys.count']({})).toMatchObject({ total: 0 });
  });

  it('lets a technician count keys but not import or delete them', async () => {
    const { app } = start();
    await signInAs(app, 'technician');
    expect(await app.handlers['meterKeys.count']({})).toMatchObject({ total: 0 });
    expect(await refusal(() => app.handlers['meterKeys.import']({ fileName: 'k.csv', content: keyFile }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await refusal(() => app.handlers['meterKeys.delete']({ manufacturer: 'KAM', id: '44556677' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses to keep keys where nothing can seal them', async () => {
    const { app } = start({ encryptor: undefined });
    await signInAs(app, 'supervisor');
    expect(await refusal(() => app.handlers['meterKeys.import']({ fileName: 'k.csv', content: keyFile }))).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'meterKeys.storageUnavailable' },
    });
    expect(app.store.db.prepare('SELECT count(*) FROM meter_keys').pluck().get()).toBe(0);
  });
});
