import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { useTempDir } from '../../support/tempDir';

describe('migration 5: sync runs', () => {
  const tempDir = useTempDir();

  it('adds sync_runs without touching the outbox, and refuses an unknown trigger', () => {
    const path = join(tempDir(), 'm5.db');
    const v4 = openDatabase(path, { targetVersion: 4 });
    v4.db.exec(`INSERT INTO outbox (message_id, noun, verb, usage_point_id, payload, created_at)
      VALUES ('M1', 'MeterReadings', 'created', 'UP1', '{}', '2026-11-23T08:00:00.000Z');
      INSERT INTO sync_state (key, value) VALUES ('k', 'v');`);
    v4.db.close();

    const v5 = openDatabase(path, { targetVersion: 5 });
    expect(v5.schemaVersion).toBe(5);
    expect(v5.db.prepare('SELECT message_id, status FROM outbox').get()).toEqual({ message_id: 'M1', status: 'pending' });
    expect(v5.db.prepare('SELECT value FROM sync_state').pluck().get()).toBe('v');
    v5.db.prepare("INSERT INTO sync_runs (id, started_at, trigger) VALUES ('R1', '2026-11-23T09:00:00.000Z', 'user')").run();
    expect(v5.db.prepare('SELECT finished_at, sent, stop_code FROM sync_runs').get()).toEqual({
      finished_at: null,
      sent: 0,
      stop_code: null,
    });
    expect(() => v5.db.prepare("INSERT INTO sync_runs (id, started_at, trigger) VALUES ('R2', 'x', 'cron')").run()).toThrow(/CHECK/);
    v5.db.close();
  });
});
