import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { useTempDir } from '../../support/tempDir';
import { signInAs } from '../../support/profiles';

describe('a full disk while saving', () => {
  const tempDir = useTempDir();

  it('reports DISK_FULL with what to do, and keeps everything saved before', async () => {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fieldmeter.db'), host: 'web' });
    await signInAs(app, 'technician');
    await dispatch(app.handlers, 'demo.load', {});
    const meter = (await dispatch(app.handlers, 'meters.get', { usagePointId: 'UP-1001' })) as {
      ok: true;
      value: { registers: { id: number }[] };
    };
    const registerId = meter.value.registers[0]!.id;
    // Far above the demo meter's expected use: confirmed with a reason, as the technician would.
    const first = await dispatch(app.handlers, 'readings.save', {
      usagePointId: 'UP-1001',
      values: [{ registerId, value: '900000', confirmation: { method: 'reason', reason: 'Checked the meter twice' } }],
    });
    expect(first.ok).toBe(true);

    // SQLite's own page limit makes the database file "full" for real: the next page cannot be allocated.
    const pages = app.store.db.pragma('page_count', { simple: true }) as number;
    app.store.db.pragma(`max_page_count = ${pages}`);
    let result = await dispatch(app.handlers, 'readings.save', { usagePointId: 'UP-1001', values: [{ registerId, value: '900001' }] });
    for (let i = 0; result.ok && i < 500; i++) {
      result = await dispatch(app.handlers, 'readings.save', {
        usagePointId: 'UP-1001',
        values: [{ registerId, value: String(900002 + i) }],
      });
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    // The Node side's sentence stays in its log; the window gets the code (said as errors.code.DISK_FULL) and the log entry's id.
    expect(result.ok ? null : Object.keys(result.error).sort()).toEqual(['code', 'logId']);

    app.store.db.pragma('max_page_count = 1073741823');
    const list = (await dispatch(app.handlers, 'readings.list', { usagePointId: 'UP-1001', limit: 1000 })) as {
      ok: true;
      value: { value: string }[];
    };
    expect(list.value.map((r) => r.value)).toContain('900000');
    expect(app.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // the failed saves left no half-written visit behind: every set has its readings
    const orphans = app.store.db
      .prepare('SELECT count(*) FROM reading_sets rs WHERE NOT EXISTS (SELECT 1 FROM readings r WHERE r.reading_set_id = rs.id)')
      .pluck()
      .get();
    expect(orphans).toBe(0);
    app.close();
  });
});
