import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

describe("migration 27: a route's radio auto-save setting", () => {
  const tempDir = useTempDir();
  const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 27));

  it('keeps existing routes with auto-save off, and takes only 0 or 1', () => {
    const path = join(tempDir(), 'm27.db');
    const before = openDatabase(path, { targetVersion: previous });
    before.db.exec(`INSERT INTO routes (id, name, imported_at, source_file) VALUES ('R1', 'North', '2026-01-01T00:00:00Z', 'r.csv')`);
    before.db.close();

    const after = openDatabase(path, { targetVersion: 27 });
    expect(after.schemaVersion).toBe(27);
    expect(after.db.prepare('SELECT id, radio_auto_save FROM routes').all()).toEqual([{ id: 'R1', radio_auto_save: 0 }]);
    after.db.exec(`UPDATE routes SET radio_auto_save = 1 WHERE id = 'R1'`);
    expect(() => after.db.exec(`UPDATE routes SET radio_auto_save = 2 WHERE id = 'R1'`)).toThrow(/CHECK/);
    after.db.close();
  });
});
