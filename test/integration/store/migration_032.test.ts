import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { createPushCountersRepository } from '../../../electron/services/store/repositories/pushCounters';
import { useTempDir } from '../../support/tempDir';

describe('migration 32: the last invocation counter per DLMS system title', () => {
  const tempDir = useTempDir();
  const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 32));

  it('keeps the rows before it, and then a counter only goes forward', () => {
    const path = join(tempDir(), 'm32.db');
    const before = openDatabase(path, { targetVersion: previous });
    before.db.exec(`INSERT INTO routes (id, name, imported_at, source_file) VALUES ('R1', 'North', '2026-01-01T00:00:00Z', 'r.csv')`);
    before.db.close();

    const after = openDatabase(path, { targetVersion: 32 });
    expect(after.schemaVersion).toBe(32);
    expect(after.db.prepare('SELECT id FROM routes').all()).toEqual([{ id: 'R1' }]);
    const counters = createPushCountersRepository(after.db);
    expect(counters.last('4B464D1020304050')).toBeNull();
    expect(counters.accept('4B464D1020304050', 10, '2026-12-07T10:00:00Z')).toBe(true);
    expect(counters.accept('4B464D1020304050', 10, '2026-12-07T10:00:02Z')).toBe(false);
    expect(counters.accept('4B464D1020304050', 9, '2026-12-07T10:00:04Z')).toBe(false);
    expect(counters.last('4B464D1020304050')).toBe(10);
    expect(() => after.db.exec(`INSERT INTO dlms_push_counters VALUES ('kfm', 1, 'x')`)).toThrow(/CHECK/);
    after.db.close();
  });
});
