/** The crash checks themselves can fail: a lost audit row, outbox message or reading is reported. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { checkAfterCrash, type ConfirmedSave } from '../../support/reliability/crashChecks';
import { csv, KWH, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'tester', role: 'technician' } as const;

describe('crash checks', () => {
  const tempDir = useTempDir();

  it('pass on a clean save and report each kind of loss', () => {
    const dir = tempDir();
    const path = join(dir, 'fm.db');
    const store = openStore(path);
    importRoute(store, actor, { fileName: 'r.csv', content: csv(row({ type: KWH })), acceptValidRows: false });
    const reg = store.meters.get('UP-1')!.registers[0]!;
    const save = (value: string, iso: string): ConfirmedSave => {
      const saved = saveManualReadings(
        store,
        actor,
        { usagePointId: 'UP-1', values: [{ registerId: reg.id, value, confirmation: { method: 'reentered' } }] },
        { settings: defaultValidationSettings, photoDir: join(dir, 'p'), now: new Date(iso) },
      );
      return { readingSetId: saved.readingSetId, readAt: saved.readAt, usagePointId: 'UP-1', values: [value] };
    };
    const a = save('1100', '2026-11-01T10:00:00Z');
    const b = save('1200', '2026-11-02T10:00:00Z');
    const c = save('1300', '2026-11-03T10:00:00Z');
    expect(checkAfterCrash(path, [a, b, c])).toMatchObject({ integrity: 'ok', missing: [], orphans: 0, readingSets: 3 });

    // audit_log is append-only by trigger; this copy drops the guards to fake a lost row.
    for (const name of store.db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('audit_log', 'outbox')")
      .pluck()
      .all() as string[]) {
      store.db.exec(`DROP TRIGGER "${name}"`);
    }
    store.db.prepare('DELETE FROM audit_log WHERE entity_id = ?').run(a.readingSetId);
    store.db.prepare("DELETE FROM outbox WHERE json_extract(payload, '$.readings[0].timeStamp') = ?").run(b.readAt);
    const ghost: ConfirmedSave = { ...c, readingSetId: 'never-saved' };
    const check = checkAfterCrash(path, [a, b, c, ghost]);
    store.close();
    expect(check.missing).toEqual([
      `${a.readingSetId}: audit row`,
      `${b.readingSetId}: 0 outbox messages`,
      'never-saved: readings',
      'never-saved: audit row',
    ]);
    expect(check.orphans).toBe(2);
  });
});
