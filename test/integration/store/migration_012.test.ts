import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

describe('migration 12: control requests from the enterprise', () => {
  const tempDir = useTempDir();
  // The migration before 12 in this build (parallel branches number theirs in between).
  const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 12));

  it('adds control_requests, keeping existing rows; one open request per message, usage point and operation', () => {
    const path = join(tempDir(), 'm12.db');
    const before = openDatabase(path, { targetVersion: previous });
    before.db.exec(`INSERT INTO usage_points (id, address) VALUES ('UP1', '1 Main St');
      INSERT INTO read_requests (message_id, usage_point_id, requested_at) VALUES ('G1', 'UP1', '2026-11-23T10:00:00.000Z');`);
    before.db.close();

    const after = openDatabase(path, { targetVersion: 12 });
    expect(after.schemaVersion).toBe(12);
    expect(after.db.prepare('SELECT message_id, status FROM read_requests').get()).toEqual({ message_id: 'G1', status: 'open' });
    const insert = after.db
      .prepare(`INSERT INTO control_requests (message_id, operation, control_type, usage_point_id, meter_serial, requested_at)
      VALUES (?, ?, '3.36.0.13', ?, 'E1', '2026-11-24T08:00:00.000Z')`);
    insert.run('C1', 'timeSync', 'UP1');
    insert.run('C1', 'demandReset', 'UP1');
    expect(after.db.prepare('SELECT status, control_mrid, closed_at, answer_message_id FROM control_requests ORDER BY id').all()).toEqual([
      { status: 'open', control_mrid: null, closed_at: null, answer_message_id: null },
      { status: 'open', control_mrid: null, closed_at: null, answer_message_id: null },
    ]);
    expect(() => insert.run('C1', 'timeSync', 'UP1')).toThrow(/UNIQUE/);
    expect(() => insert.run('C2', 'firmwareUpdate', 'UP1')).toThrow(/CHECK/);
    expect(() => insert.run('C3', 'timeSync', 'UP-UNKNOWN')).toThrow(/FOREIGN KEY/);
    expect(() => after.db.prepare("UPDATE control_requests SET status = 'answered'").run()).toThrow(/CHECK/);
    // The open requests of a usage point are found through the partial index, not a table scan.
    const plan = after.db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM control_requests WHERE usage_point_id = 'UP1' AND status = 'open' ORDER BY id")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/control_requests_open/);
    after.db.close();
  });
});
