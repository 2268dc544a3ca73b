import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { useTempDir } from '../../support/tempDir';

describe('migration 6: installer work orders (issue 8)', () => {
  const tempDir = useTempDir();

  it('opens a linkage history for installed meters and adds work orders, seals and PAN columns', () => {
    const path = join(tempDir(), 'm6.db');
    const v5 = openDatabase(path, { targetVersion: 5 });
    v5.db.exec(`
      INSERT INTO usage_points (id, address) VALUES ('UP1', '1 Main St');
      INSERT INTO end_devices (serial_number, usage_point_id) VALUES ('E1', 'UP1');
      INSERT INTO end_devices (serial_number, usage_point_id, status) VALUES ('E9', NULL, 'installed');`);
    v5.db.close();

    const v6 = openDatabase(path, { targetVersion: 6 });
    expect(v6.schemaVersion).toBe(6);
    expect(v6.db.prepare('SELECT end_device_id, usage_point_id, linked_at, unlinked_at FROM usage_point_links').all()).toEqual([
      { end_device_id: 1, usage_point_id: 'UP1', linked_at: null, unlinked_at: null },
    ]);
    expect(
      v6.db.prepare("SELECT status, disposition, install_code, join_status FROM end_devices WHERE serial_number = 'E1'").get(),
    ).toEqual({
      status: 'installed',
      disposition: null,
      install_code: null,
      join_status: null,
    });
    // Asset status is guarded even though the old column has no CHECK.
    expect(() => v6.db.prepare("UPDATE end_devices SET status = 'lost' WHERE id = 1").run()).toThrow(/inStock, installed or removed/);
    v6.db.prepare("UPDATE end_devices SET status = 'removed', disposition = 'returned' WHERE id = 2").run();
    expect(() => v6.db.prepare("UPDATE end_devices SET disposition = 'sold' WHERE id = 2").run()).toThrow(/CHECK/);
    // One open link per device.
    expect(() => v6.db.prepare("INSERT INTO usage_point_links (end_device_id, usage_point_id) VALUES (1, 'UP1')").run()).toThrow(/UNIQUE/);

    v6.db
      .prepare("INSERT INTO work_orders (id, kind, usage_point_id, created_at, updated_at) VALUES ('WO1', 'exchange', 'UP1', 'now', 'now')")
      .run();
    expect(v6.db.prepare("SELECT status, source FROM work_orders WHERE id = 'WO1'").get()).toEqual({
      status: 'assigned',
      source: 'enterprise',
    });
    expect(() =>
      v6.db
        .prepare("INSERT INTO work_orders (id, kind, usage_point_id, created_at, updated_at) VALUES ('WO2', 'paint', 'UP1', 'now', 'now')")
        .run(),
    ).toThrow(/CHECK/);
    v6.db.prepare("INSERT INTO work_order_steps (work_order_id, step, at) VALUES ('WO1', 'started', 'now')").run();
    v6.db.prepare("INSERT INTO seals (end_device_id, seal_number, applied_at) VALUES (1, 'S-1', 'now')").run();
    v6.db.close();
  });
});
