import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 33));
const at = '2026-12-01T08:00:00.000Z';

/** A database of the previous release with a typed, a probe and a wired M-Bus reading set, readings and a photo on them. */
function filledDatabase(dir: string): string {
  const path = join(dir, 'm33.db');
  const before = openDatabase(path, { targetVersion: previous });
  before.db.exec(`
    INSERT INTO usage_points (id, address) VALUES ('UP-1', '1 Main St');
    INSERT INTO end_devices (id, serial_number, usage_point_id) VALUES (7, 'E100', 'UP-1');
    INSERT INTO registers (id, end_device_id, reading_type, label, dials) VALUES (3, 7, '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0', 'Energy', 6);
    INSERT INTO reading_sets (id, usage_point_id, end_device_id, read_at, source, created_at, note, observed_serial, latitude, longitude, accuracy_m)
      VALUES ('RS-1', 'UP-1', 7, '${at}', 'manual', '${at}', 'gate code 12', NULL, 52.5, 13.4, 8),
             ('RS-2', 'UP-1', 7, '${at}', 'optical', '${at}', '', 'E100', NULL, NULL, NULL),
             ('RS-3', 'UP-1', 7, '${at}', 'wired', '${at}', '', NULL, NULL, NULL, NULL);
    INSERT INTO readings (reading_set_id, register_id, value) VALUES ('RS-1', 3, '1200'), ('RS-2', 3, '1210'), ('RS-3', 3, '1220');
    INSERT INTO photos (id, usage_point_id, reading_set_id, file_name, mime_type, size_bytes, added_at) VALUES ('P-1', 'UP-1', 'RS-1', 'p1.jpg', 'image/jpeg', 10, '${at}');
  `);
  expect(() =>
    before.db.exec(
      `INSERT INTO reading_sets (id, usage_point_id, end_device_id, read_at, source, created_at) VALUES ('RS-X', 'UP-1', 7, '${at}', 'han', '${at}')`,
    ),
  ).toThrow(/CHECK/);
  before.db.close();
  const copy = join(dir, 'm33-copy.db');
  copyFileSync(path, copy);
  return copy;
}

describe('migration 33: readings pushed by a meter’s HAN/P1 port are stored as HAN reads, not as wired M-Bus reads', () => {
  const tempDir = useTempDir();

  it('rebuilds reading_sets keeping every row and reference, and accepts source han', () => {
    const after = openDatabase(filledDatabase(tempDir()), { targetVersion: 33 });
    expect(after.schemaVersion).toBe(33);
    expect(after.db.prepare('SELECT id, source, note, observed_serial, latitude FROM reading_sets ORDER BY id').all()).toEqual([
      { id: 'RS-1', source: 'manual', note: 'gate code 12', observed_serial: null, latitude: 52.5 },
      { id: 'RS-2', source: 'optical', note: '', observed_serial: 'E100', latitude: null },
      { id: 'RS-3', source: 'wired', note: '', observed_serial: null, latitude: null },
    ]);
    expect(after.db.prepare('SELECT reading_set_id, value FROM readings ORDER BY id').all()).toEqual([
      { reading_set_id: 'RS-1', value: '1200' },
      { reading_set_id: 'RS-2', value: '1210' },
      { reading_set_id: 'RS-3', value: '1220' },
    ]);
    expect(after.db.prepare("SELECT reading_set_id FROM photos WHERE id = 'P-1'").get()).toEqual({ reading_set_id: 'RS-1' });
    expect(after.db.pragma('foreign_key_check')).toEqual([]);

    const insert = after.db.prepare(
      `INSERT INTO reading_sets (id, usage_point_id, end_device_id, read_at, source, created_at) VALUES (?, 'UP-1', 7, '${at}', ?, '${at}')`,
    );
    insert.run('RS-4', 'han');
    expect(() => insert.run('RS-5', 'guessed')).toThrow(/CHECK/);
    expect(() => after.db.prepare("INSERT INTO readings (reading_set_id, register_id, value) VALUES ('RS-404', 3, '1')").run()).toThrow(
      /FOREIGN KEY/,
    );
    after.db.close();
  });
});
