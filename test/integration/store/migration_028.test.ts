import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 28));
const at = '2026-12-01T08:00:00.000Z';

describe('migration 28: a DLMS meter’s LLS password in the meter-key store', () => {
  const tempDir = useTempDir();

  it('keeps every key and accepts the kind dlms.password', () => {
    const path = join(tempDir(), 'm28.db');
    const before = openDatabase(path, { targetVersion: previous });
    before.db.exec(`
      INSERT INTO meter_keys (manufacturer, meter_id, kind, sealed, imported_at, imported_by)
        VALUES ('KAM', '44556677', 'mbus', 'sealed-1', '${at}', 'Sam'), ('', 'E3100050', 'dlms.encryption', 'sealed-2', '${at}', 'Sam');
    `);
    const insert = (db: typeof before.db) =>
      db
        .prepare(
          `INSERT INTO meter_keys (manufacturer, meter_id, kind, sealed, imported_at, imported_by) VALUES ('', 'E3100050', ?, 's', '${at}', 'Sam')`,
        )
        .run('dlms.password');
    expect(() => insert(before.db)).toThrow(/CHECK/);
    before.db.close();

    const after = openDatabase(path, { targetVersion: 28 });
    expect(after.schemaVersion).toBe(28);
    expect(after.db.prepare('SELECT manufacturer, meter_id, kind, sealed FROM meter_keys ORDER BY kind').all()).toEqual([
      { manufacturer: '', meter_id: 'E3100050', kind: 'dlms.encryption', sealed: 'sealed-2' },
      { manufacturer: 'KAM', meter_id: '44556677', kind: 'mbus', sealed: 'sealed-1' },
    ]);
    insert(after.db);
    expect(() =>
      after.db
        .prepare(
          `INSERT INTO meter_keys (manufacturer, meter_id, kind, sealed, imported_at, imported_by) VALUES ('', 'X', 'other', 's', '${at}', 'Sam')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    after.db.close();
  });
});
