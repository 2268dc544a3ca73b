import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { useTempDir } from '../../support/tempDir';

describe('migration 1: initial field data model', () => {
  const tempDir = useTempDir();

  it('creates the CIM-named tables as STRICT tables with foreign keys enforced', () => {
    const { db } = openDatabase(join(tempDir(), 'm1.db'), { targetVersion: 1 });
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
      sql: string;
    }[];
    const names = tables.map((t) => t.name);
    for (const table of [
      'routes',
      'route_stops',
      'usage_points',
      'end_devices',
      'registers',
      'reading_sets',
      'readings',
      'audit_log',
      'outbox',
      'settings',
    ]) {
      expect(names).toContain(table);
      expect(tables.find((t) => t.name === table)?.sql).toMatch(/STRICT\s*$/);
    }
    // STRICT: a text value in an INTEGER column is refused
    expect(() => db.prepare("INSERT INTO end_devices (serial_number, usage_point_id) VALUES ('E1', 'nowhere')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.prepare("INSERT INTO usage_points (id, address) VALUES ('UP1', '1 Main St')").run();
    db.prepare("INSERT INTO end_devices (serial_number, usage_point_id) VALUES ('E1', 'UP1')").run();
    expect(() =>
      db.prepare("INSERT INTO registers (end_device_id, reading_type, label, dials) VALUES (1, 'x', 'kWh', 'six')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(() => db.prepare("INSERT INTO registers (end_device_id, reading_type, label, dials) VALUES (1, 'x', 'kWh', 13)").run()).toThrow(
      /CHECK constraint/,
    );
    db.close();
  });

  it('keeps outbox message ids unique', () => {
    const { db } = openDatabase(join(tempDir(), 'm1b.db'), { targetVersion: 1 });
    const insert = db.prepare(
      "INSERT INTO outbox (message_id, noun, verb, payload, created_at) VALUES ('m-1', 'MeterReadings', 'created', '{}', 'now')",
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    db.close();
  });
});
