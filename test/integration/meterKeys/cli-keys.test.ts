/**
 * `fieldmeter keys import | count | delete` through the real CLI (issue 23 §5): a supervisor imports
 * the utility's key file sealed under FIELDMETER_KEY_SECRET, counts and deletes; a technician may
 * count but is refused the rest; no output ever holds a key.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/store';
import { fieldmeter } from '../../support/cli';
import { addProfile, cliUser } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

const KEY = '4E5508544202058100DFEFA06B0934A5';
const SECRET = { FIELDMETER_KEY_SECRET: 'a secret only this run knows' };

describe('fieldmeter keys', () => {
  const tempDir = useTempDir();

  const setUp = async () => {
    const dir = tempDir();
    const db = join(dir, 'fieldmeter.db');
    const store = openStore(db);
    await addProfile(store, 'supervisor');
    await addProfile(store, 'technician');
    store.close();
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    return { db, file };
  };

  it('imports, counts and deletes as a supervisor, never printing a key', async () => {
    const { db, file } = await setUp();
    const keys = file('keys.csv', `manufacturer,id,kind,key\nKAM,44556677,mbus,${KEY}\nDME,21010001,mbus,${KEY}\n`);
    const sam = { ...SECRET, ...cliUser('Sam') };
    const imported = await fieldmeter(['keys', 'import', keys, '--db', db, '--json'], sam);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ imported: 2, replaced: 0, added: 2 });

    const again = await fieldmeter(['keys', 'import', file('one.csv', `manufacturer,id,key\nKAM,44556677,${KEY}\n`), '--db', db], sam);
    expect(again.stdout).toContain('Imported 1 keys: 0 added, 1 replaced.');

    const count = await fieldmeter(['keys', 'count', '--db', db, '--json'], sam);
    expect(JSON.parse(count.stdout)).toMatchObject({ mbus: 2, total: 2 });

    const deleted = await fieldmeter(['keys', 'delete', 'kam', '44556677', '--db', db, '--json'], sam);
    expect(JSON.parse(deleted.stdout)).toEqual({ deleted: 1 });
    const after = await fieldmeter(['keys', 'count', '--db', db, '--json'], sam);
    expect(JSON.parse(after.stdout)).toMatchObject({ mbus: 1, total: 1 });
    for (const run of [imported, again, count, deleted, after]) expect(run.stdout + run.stderr).not.toMatch(new RegExp(KEY, 'i'));
  });

  it('names each refused line in words and imports nothing from a file with a bad line', async () => {
    const { db, file } = await setUp();
    const bad = file(
      'bad.csv',
      `manufacturer,id,kind,key\nKAM,44556677,mbus,${KEY}\nKAM,4455667X,mbus,${KEY}\nKAM,1,mbus,${KEY.slice(2)}\n`,
    );
    const run = await fieldmeter(['keys', 'import', bad, '--db', db], { ...SECRET, ...cliUser('Sam') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('line 3: the meter id is not 1–8 hex digits');
    expect(run.stderr).toContain('line 4: the key is not 32 hex digits');
    expect(run.stderr).not.toContain(KEY.slice(2));
    const german = await fieldmeter(['keys', 'import', bad, '--db', db], { ...SECRET, ...cliUser('Sam'), LANG: 'de_DE.UTF-8' });
    expect(german.stderr).toContain('die Zählernummer ist nicht 1–8 Hex-Ziffern lang');
    expect(german.stderr).not.toContain('the key is not 32 hex digits');
    const count = await fieldmeter(['keys', 'count', '--db', db, '--json'], cliUser('Sam'));
    expect(JSON.parse(count.stdout)).toMatchObject({ total: 0 });
  });

  it('lets a technician count keys but refuses import and delete', async () => {
    const { db, file } = await setUp();
    const keys = file('keys.csv', `manufacturer,id,kind,key\nKAM,44556677,mbus,${KEY}\n`);
    const tina = { ...SECRET, ...cliUser('Tina') };
    const imported = await fieldmeter(['keys', 'import', keys, '--db', db, '--json'], tina);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('it needs the role supervisor');
    const deleted = await fieldmeter(['keys', 'delete', 'KAM', '44556677', '--db', db], tina);
    expect(deleted.code).toBe(1);
    expect(deleted.stderr).toContain('it needs the role supervisor');
    const count = await fieldmeter(['keys', 'count', '--db', db, '--json'], tina);
    expect(count.code).toBe(0);
    expect(JSON.parse(count.stdout)).toMatchObject({ total: 0 });
  });
});
