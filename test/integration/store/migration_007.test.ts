import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { useTempDir } from '../../support/tempDir';

describe('migration 7: review decisions, edited readings, append-only audit log', () => {
  const tempDir = useTempDir();

  it('keeps existing readings and audit rows, adds review tables and refuses audit rewrites', () => {
    const path = join(tempDir(), 'm7.db');
    const v6 = openDatabase(path, { targetVersion: 6 });
    v6.db.exec(`
      INSERT INTO usage_points (id, address) VALUES ('UP1', '1 Main St');
      INSERT INTO end_devices (serial_number, usage_point_id) VALUES ('E1', 'UP1');
      INSERT INTO registers (end_device_id, reading_type, label, dials) VALUES (1, '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0', 'kWh', 6);
      INSERT INTO reading_sets (id, usage_point_id, end_device_id, read_at, source, created_at)
        VALUES ('S1', 'UP1', 1, '2026-11-02T08:00:00.000Z', 'manual', '2026-11-02T08:00:01.000Z');
      INSERT INTO readings (reading_set_id, register_id, value) VALUES ('S1', 1, '1234');
      INSERT INTO audit_log (at, actor, role, action, entity, entity_id) VALUES ('now', 'Tina', 'technician', 'readings.save', 'reading_set', 'S1');
      UPDATE audit_log SET details = '{"before":1}';`); // still allowed before 7
    v6.db.close();

    const v7 = openDatabase(path, { targetVersion: 7 });
    expect(v7.schemaVersion).toBe(7);
    expect(v7.db.prepare('SELECT value, edited_from FROM readings').get()).toEqual({ value: '1234', edited_from: null });
    v7.db.prepare("INSERT INTO readings (reading_set_id, register_id, value, edited_from) VALUES ('S1', 1, '1235', 1)").run();
    v7.db
      .prepare(
        "INSERT INTO review_decisions (subject_kind, subject_id, decision, decided_at, actor, role) VALUES ('reading_set', 'S1', 'edited', 'now', 'Sam', 'supervisor')",
      )
      .run();
    expect(() =>
      v7.db
        .prepare(
          "INSERT INTO review_decisions (subject_kind, subject_id, decision, decided_at, actor, role) VALUES ('reading_set', 'S1', 'approved', 'now', 'Tina', 'technician')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => v7.db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => v7.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    v7.db
      .prepare(
        "INSERT INTO audit_log (at, actor, role, action, entity, entity_id) VALUES ('now', 'Sam', 'supervisor', 'review.edit', 'reading', '1')",
      )
      .run();
    expect(v7.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(2);
    v7.db.close();
  });
});
