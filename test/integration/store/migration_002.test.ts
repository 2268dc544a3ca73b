import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { useTempDir } from '../../support/tempDir';

describe('migration 2: sync tables', () => {
  const tempDir = useTempDir();

  it('adds inbox, sync_state and end_device_events and keeps the data written at schema 1', () => {
    const path = join(tempDir(), 'm2.db');
    const v1 = openDatabase(path, { targetVersion: 1 });
    v1.db.exec(`
      INSERT INTO usage_points (id, address) VALUES ('UP1', '1 Main St');
      INSERT INTO end_devices (serial_number, usage_point_id) VALUES ('E1', 'UP1');
      INSERT INTO outbox (message_id, noun, verb, payload, created_at) VALUES ('m-1', 'MeterReadings', 'created', '{}', 'now');`);
    v1.db.close();

    const v2 = openDatabase(path, { targetVersion: 2 });
    expect(v2.schemaVersion).toBe(2);
    const names = v2.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index')").pluck().all();
    expect(names).toEqual(expect.arrayContaining(['inbox', 'sync_state', 'end_device_events', 'route_stops_usage_point']));
    expect(v2.db.prepare('SELECT serial_number FROM end_devices').pluck().get()).toBe('E1');
    expect(v2.db.prepare('SELECT message_id FROM outbox').pluck().get()).toBe('m-1');
    v2.db.prepare("INSERT INTO end_device_events (end_device_id, event_type, created_at) VALUES (1, '3.26.38.85', 'now')").run();
    expect(() =>
      v2.db.prepare("INSERT INTO end_device_events (end_device_id, event_type, created_at) VALUES (99, '3.26.38.85', 'now')").run(),
    ).toThrow(/FOREIGN KEY/);
    v2.db.close();
  });
});
