import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { useTempDir } from '../../support/tempDir';

describe('migration 8: customer agreements and switch orders', () => {
  const tempDir = useTempDir();

  it('keeps existing usage points and readings, adds agreements and switch orders with their checks', () => {
    const path = join(tempDir(), 'm8.db');
    const v7 = openDatabase(path, { targetVersion: 7 });
    v7.db.exec(`
      INSERT INTO usage_points (id, address) VALUES ('UP1', '1 Main St');
      INSERT INTO end_devices (serial_number, usage_point_id) VALUES ('E1', 'UP1');
      INSERT INTO registers (end_device_id, reading_type, label, dials) VALUES (1, '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0', 'kWh', 6);
      INSERT INTO reading_sets (id, usage_point_id, end_device_id, read_at, source, created_at)
        VALUES ('S1', 'UP1', 1, '2026-11-02T08:00:00.000Z', 'manual', '2026-11-02T08:00:01.000Z');
      INSERT INTO readings (reading_set_id, register_id, value) VALUES ('S1', 1, '1234');`);
    v7.db.close();

    const v8 = openDatabase(path, { targetVersion: 8 });
    expect(v8.schemaVersion).toBe(8);
    expect(v8.db.prepare('SELECT value FROM readings').pluck().get()).toBe('1234');
    v8.db
      .prepare(
        "INSERT INTO customer_agreements (id, usage_point_id, customer_name, account, supplier_name, tariff, start_at, updated_at, message_id) VALUES ('CA1', 'UP1', 'Erika Muster', '4711', 'Stadtwerk', 'H0', '2026-01-01T00:00:00Z', 'now', 'M1')",
      )
      .run();
    const order = (kind: string, status = 'assigned', up = 'UP1') =>
      v8.db
        .prepare(
          `INSERT INTO switch_orders (id, kind, status, usage_point_id, meter_serial, agreement_id, due_at, window_start, window_end, reading_set_id, message_id, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'E1', 'CA1', '2026-12-01T00:00:00Z', '2026-11-30T00:00:00Z', '2026-12-02T00:00:00Z', 'S1', 'M2', 'now', 'now')`,
        )
        .run(`SW-${kind}-${status}-${up}`, kind, status, up);
    order('moveOut');
    order('disconnect', 'completed');
    expect(() => order('exchange')).toThrow(/CHECK/);
    expect(() => order('moveIn', 'inProgress')).toThrow(/CHECK/);
    expect(() => order('moveIn', 'assigned', 'UP-NOWHERE')).toThrow(/FOREIGN KEY/);
    expect(() => v8.db.prepare("UPDATE switch_orders SET outcome = 'maybe'").run()).toThrow(/CHECK/);
    expect(v8.db.prepare('SELECT count(*) FROM switch_orders').pluck().get()).toBe(2);
    v8.db.close();
  });
});
