import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { useTempDir } from '../../support/tempDir';

describe('migration 10: meter status reads (F.F, C.5.0, C.7.x) from the optical probe', () => {
  const tempDir = useTempDir();

  it('keeps existing devices and readings, and stores status reads per meter linked to the reading set that reported them', () => {
    const path = join(tempDir(), 'm10.db');
    const v7 = openDatabase(path, { targetVersion: 7 });
    v7.db.exec(`
      INSERT INTO usage_points (id, address) VALUES ('UP1', '1 Main St');
      INSERT INTO end_devices (serial_number, usage_point_id) VALUES ('E1', 'UP1');
      INSERT INTO reading_sets (id, usage_point_id, end_device_id, read_at, source, created_at)
        VALUES ('S1', 'UP1', 1, '2026-11-02T08:00:00.000Z', 'optical', '2026-11-02T08:00:01.000Z');`);
    v7.db.close();

    const v10 = openDatabase(path, { targetVersion: 10 });
    expect(v10.schemaVersion).toBe(10);
    expect(v10.db.prepare('SELECT serial_number FROM end_devices').pluck().get()).toBe('E1');
    const insert = v10.db.prepare(
      'INSERT INTO meter_status_reads (end_device_id, read_at, meter_model, error_register, status_word, power_fail_counters, reading_set_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    insert.run(1, '2026-11-02T07:59:00.000Z', 'isk-mt', '00000010', '0001', '{"C.7.0":"0003"}', 'S1');
    expect(v10.db.prepare('SELECT error_register, status_word, power_fail_counters, reading_set_id FROM meter_status_reads').get()).toEqual(
      {
        error_register: '00000010',
        status_word: '0001',
        power_fail_counters: '{"C.7.0":"0003"}',
        reading_set_id: 'S1',
      },
    );
    expect(() => insert.run(99, 'now', 'generic', null, null, '{}', null)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(1, 'now', 'generic', null, null, '{}', 'no such set')).toThrow(/FOREIGN KEY/);
    expect(() =>
      v10.db.prepare("INSERT INTO meter_status_reads (end_device_id, read_at, meter_model) VALUES ('one', 'now', 'generic')").run(),
    ).toThrow(/cannot store TEXT/);
    v10.db.close();
  });
});
