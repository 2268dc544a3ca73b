import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

describe("migration 21: probe transcripts and the meter's power-failure log", () => {
  const tempDir = useTempDir();
  const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 21));

  it('keeps existing status reads (with an empty log) and stores a transcript per probe session', () => {
    const path = join(tempDir(), 'm21.db');
    const before = openDatabase(path, { targetVersion: previous });
    before.db.exec(`INSERT INTO usage_points (id, address) VALUES ('UP-1', '1 Main St')`);
    before.db.exec(`INSERT INTO end_devices (id, serial_number, usage_point_id) VALUES (1, 'E1', 'UP-1')`);
    before.db.exec(
      `INSERT INTO meter_status_reads (end_device_id, read_at, meter_model, power_fail_counters) VALUES (1, '2026-01-01T00:00:00Z', 'generic', '{"C.7.0":"0002"}')`,
    );
    before.db.close();

    const after = openDatabase(path, { targetVersion: 21 });
    expect(after.schemaVersion).toBe(21);
    expect(after.db.prepare('SELECT power_fail_counters, power_failure_log FROM meter_status_reads').get()).toEqual({
      power_fail_counters: '{"C.7.0":"0002"}',
      power_failure_log: '[]',
    });
    const insert = after.db.prepare(
      `INSERT INTO probe_transcripts (id, usage_point_id, meter_serial, kind, port, started_at, outcome, bytes, truncated, chunks, data, recorded_by) VALUES (?, 'UP-1', 'E1', ?, '/dev/ttyUSB0', '2026-01-01T00:00:00Z', 'ok', 5, 0, '[[0,"tx",5]]', ?, 'tech')`,
    );
    insert.run('T-1', 'read', Buffer.from('/?!\r\n'));
    expect(() => insert.run('T-2', 'listen', Buffer.from('x'))).toThrow(/CHECK/);
    expect(after.db.prepare(`SELECT data FROM probe_transcripts WHERE id = 'T-1'`).get()).toEqual({ data: Buffer.from('/?!\r\n') });
    after.db.close();
  });
});
