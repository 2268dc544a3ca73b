import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

describe('migration 20: meter keys, sealed', () => {
  const tempDir = useTempDir();
  const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 20));

  it('adds meter_keys, one sealed key per meter and kind, refusing an unknown kind or manufacturer', () => {
    const path = join(tempDir(), 'm20.db');
    const before = openDatabase(path, { targetVersion: previous });
    before.db.exec(`INSERT INTO usage_points (id, address) VALUES ('UP-1', '1 Main St')`);
    before.db.close();

    const after = openDatabase(path, { targetVersion: 20 });
    expect(after.schemaVersion).toBe(20);
    const insert = after.db.prepare(
      'INSERT INTO meter_keys (manufacturer, meter_id, kind, sealed, imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run('KAM', '44556677', 'mbus', 'c2VhbGVk', '2026-01-01T00:00:00Z', 'Sam');
    insert.run('', 'E3100050', 'dlms.encryption', 'c2VhbGVk', '2026-01-01T00:00:00Z', 'Sam');
    expect(() => insert.run('KAM', '44556677', 'mbus', 'b3RoZXI=', '2026-01-01T00:00:00Z', 'Sam')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('KAM', '1', 'wifi', 'x', '2026-01-01T00:00:00Z', 'Sam')).toThrow(/CHECK/);
    expect(() => insert.run('kam', '1', 'mbus', 'x', '2026-01-01T00:00:00Z', 'Sam')).toThrow(/CHECK/);
    expect(after.db.prepare("SELECT address FROM usage_points WHERE id = 'UP-1'").get()).toEqual({ address: '1 Main St' });
    after.db.close();
  });
});
