import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { useTempDir } from '../../support/tempDir';

describe('migration 3: route visits', () => {
  const tempDir = useTempDir();

  it('adds visit data and marks stops already read since their import as read', () => {
    const path = join(tempDir(), 'm3.db');
    const v2 = openDatabase(path, { targetVersion: 2 });
    v2.db.exec(`
      INSERT INTO routes (id, name, imported_at, source_file) VALUES ('R1', 'Route', '2026-11-01T00:00:00.000Z', 'r.csv');
      INSERT INTO usage_points (id, address) VALUES ('UP1', '1 Main St'), ('UP2', '2 Main St');
      INSERT INTO route_stops (route_id, sequence, usage_point_id) VALUES ('R1', 10, 'UP1'), ('R1', 20, 'UP2');
      INSERT INTO end_devices (serial_number, usage_point_id) VALUES ('E1', 'UP1'), ('E2', 'UP2');
      INSERT INTO registers (end_device_id, reading_type, label, dials) VALUES (1, '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0', 'kWh', 6);
      INSERT INTO reading_sets (id, usage_point_id, end_device_id, read_at, source, created_at)
        VALUES ('S1', 'UP1', 1, '2026-11-02T08:00:00.000Z', 'manual', '2026-11-02T08:00:01.000Z'),
               ('S0', 'UP2', 2, '2026-10-02T08:00:00.000Z', 'manual', '2026-10-02T08:00:01.000Z');
      INSERT INTO readings (reading_set_id, register_id, value) VALUES ('S1', 1, '1234');`);
    v2.db.close();

    const v3 = openDatabase(path, { targetVersion: 3 });
    expect(v3.schemaVersion).toBe(3);
    const stops = v3.db.prepare('SELECT usage_point_id, status, visited_at FROM route_stops ORDER BY sequence').all();
    expect(stops).toEqual([
      { usage_point_id: 'UP1', status: 'read', visited_at: '2026-11-02T08:00:01.000Z' },
      { usage_point_id: 'UP2', status: 'unread', visited_at: null }, // read before this route was imported
    ]);
    expect(v3.db.prepare("SELECT account_id, access_notes, hazards FROM usage_points WHERE id = 'UP1'").get()).toEqual({
      account_id: '',
      access_notes: '',
      hazards: '[]',
    });
    expect(v3.db.prepare('SELECT warnings, confirmation FROM readings').get()).toEqual({ warnings: '[]', confirmation: null });
    expect(v3.db.prepare('SELECT average_daily_use FROM registers').pluck().get()).toBeNull();
    expect(() => v3.db.prepare("UPDATE route_stops SET status = 'lost'").run()).toThrow(/CHECK constraint/);
    v3.db
      .prepare("INSERT INTO visit_skips (id, usage_point_id, end_device_id, code, skipped_at) VALUES ('K1', 'UP2', 2, 'dog', 'now')")
      .run();
    v3.db
      .prepare(
        "INSERT INTO photos (id, usage_point_id, skip_id, file_name, mime_type, size_bytes, added_at) VALUES ('abc', 'UP2', 'K1', 'gate.jpg', 'image/jpeg', 10, 'now')",
      )
      .run();
    expect(() =>
      v3.db
        .prepare(
          "INSERT INTO photos (id, usage_point_id, file_name, mime_type, size_bytes, added_at) VALUES ('x', 'UP2', 'a.gif', 'image/gif', 10, 'now')",
        )
        .run(),
    ).toThrow(/CHECK/);
    v3.db.close();
  });
});
