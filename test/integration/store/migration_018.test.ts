import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

describe('migration 18: usage points get their coordinates', () => {
  const tempDir = useTempDir();
  const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 18));

  it('adds usage_points.latitude and .longitude (null on existing rows), refusing values out of range', () => {
    const path = join(tempDir(), 'm18.db');
    const before = openDatabase(path, { targetVersion: previous });
    before.db.exec(`INSERT INTO usage_points (id, address) VALUES ('UP-1', '1 Main St')`);
    before.db.close();

    const after = openDatabase(path, { targetVersion: 18 });
    expect(after.schemaVersion).toBe(18);
    expect(after.db.prepare("SELECT latitude, longitude FROM usage_points WHERE id = 'UP-1'").get()).toEqual({
      latitude: null,
      longitude: null,
    });
    after.db.exec(`UPDATE usage_points SET latitude = 52.52, longitude = 13.405 WHERE id = 'UP-1'`);
    expect(() => after.db.exec(`UPDATE usage_points SET latitude = 91 WHERE id = 'UP-1'`)).toThrow(/CHECK/);
    expect(() => after.db.exec(`UPDATE usage_points SET longitude = -181 WHERE id = 'UP-1'`)).toThrow(/CHECK/);
    after.db.close();
  });
});
