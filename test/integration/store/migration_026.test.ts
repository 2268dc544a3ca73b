import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

describe("migration 26: the enterprise's validated readings and the meter's received date", () => {
  const tempDir = useTempDir();
  const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 26));

  it('keeps the registers and their last values, and holds one enterprise value per register and time', () => {
    const path = join(tempDir(), 'm26.db');
    const before = openDatabase(path, { targetVersion: previous });
    before.db.exec(`INSERT INTO usage_points (id, address) VALUES ('UP-1', '1 Main St')`);
    before.db.exec(`INSERT INTO end_devices (id, serial_number, usage_point_id) VALUES (1, 'E1', 'UP-1')`);
    before.db.exec(
      `INSERT INTO registers (id, end_device_id, reading_type, label, dials, decimals, multiplier, last_value, last_read_at) VALUES (7, 1, '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0', '', 6, 0, 1, '1000', '2026-10-01')`,
    );
    before.db.close();

    const after = openDatabase(path, { targetVersion: 26 });
    expect(after.schemaVersion).toBe(26);
    expect(after.db.prepare('SELECT last_value, last_read_at FROM registers WHERE id = 7').get()).toEqual({
      last_value: '1000',
      last_read_at: '2026-10-01',
    });
    const insert = after.db.prepare(
      `INSERT INTO enterprise_readings (register_id, read_at, value, message_id, received_at) VALUES (?, '2026-10-31T00:00:00.000Z', '1200', 'MR-1', '2026-11-20T00:00:00.000Z')`,
    );
    insert.run(7);
    expect(() => insert.run(7)).toThrow(/UNIQUE/);
    expect(() => insert.run(99)).toThrow(/FOREIGN KEY/);
    expect(after.db.prepare('SELECT qualities FROM enterprise_readings').get()).toEqual({ qualities: '[]' });
    // The meter keeps its row; the day it was received is unknown until MeterConfig gives it.
    expect(after.db.prepare('SELECT serial_number, received_date FROM end_devices').get()).toEqual({
      serial_number: 'E1',
      received_date: null,
    });
    after.db.close();
  });
});
