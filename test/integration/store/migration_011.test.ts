import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

describe('migration 11: on-demand read requests', () => {
  const tempDir = useTempDir();
  // The migration before 11 in this build (parallel branches number theirs in between).
  const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 11));

  it('adds read_requests, sync_runs.received and outbox.superseded_by, keeping existing rows; one open request per message and usage point', () => {
    const path = join(tempDir(), 'm11.db');
    const before = openDatabase(path, { targetVersion: previous });
    before.db.exec(`INSERT INTO usage_points (id, address) VALUES ('UP1', '1 Main St');
      INSERT INTO sync_runs (id, started_at, trigger, sent) VALUES ('R1', '2026-11-23T09:00:00.000Z', 'cli', 3);
      INSERT INTO outbox (message_id, noun, verb, usage_point_id, payload, created_at) VALUES ('M1', 'MeterReadings', 'created', 'UP1', '{}', '2026-11-23T08:00:00.000Z');`);
    before.db.close();

    const after = openDatabase(path, { targetVersion: 11 });
    expect(after.schemaVersion).toBe(11);
    expect(after.db.prepare('SELECT sent, received FROM sync_runs').get()).toEqual({ sent: 3, received: 0 });
    expect(after.db.prepare('SELECT message_id, superseded_by FROM outbox').get()).toEqual({ message_id: 'M1', superseded_by: null });
    const insert = after.db.prepare(
      "INSERT INTO read_requests (message_id, usage_point_id, requested_at) VALUES (?, ?, '2026-11-23T10:00:00.000Z')",
    );
    insert.run('G1', 'UP1');
    expect(after.db.prepare('SELECT status, reading_types, answered_at FROM read_requests').get()).toEqual({
      status: 'open',
      reading_types: '[]',
      answered_at: null,
    });
    expect(() => insert.run('G1', 'UP1')).toThrow(/UNIQUE/);
    expect(() => insert.run('G2', 'UP-UNKNOWN')).toThrow(/FOREIGN KEY/);
    expect(() => after.db.prepare("UPDATE read_requests SET status = 'done'").run()).toThrow(/CHECK/);
    after.db.close();
  });
});
