/**
 * Migration 14 (issue 18): the audit log hash-chained. Rows written before it are chained (and a
 * credential in a recorded endpoint removed first); a new row must continue the chain; INSERT OR
 * REPLACE, which would rewrite a row without firing the DELETE trigger, is refused; and
 * `fieldmeter audit verify` finds a row changed or removed behind the triggers' back.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../electron/services/store/auditChain';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { openStore } from '../../../electron/services/store';
import { fieldmeterInProcess } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';

const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 14));
const tech = { name: 'Tess', role: 'technician' } as const;

describe('migration 14: the audit log as a hash chain', () => {
  const tempDir = useTempDir();

  it('chains the rows already there, after removing a user and password from a recorded endpoint', () => {
    const path = join(tempDir(), 'm14.db');
    const before = openDatabase(path, { targetVersion: previous });
    const insert = before.db.prepare(
      "INSERT INTO audit_log (at, actor, role, action, entity, entity_id, details) VALUES ('2026-11-23T08:00:00Z', 'Sam', 'supervisor', ?, 'settings', 'sync.endpoint', ?)",
    );
    insert.run('sync.settings', JSON.stringify({ endpoint: 'http://crew7:Old-Secret-1@mdm.example.com/cim', soapVersion: '1.1' }));
    insert.run('export.run', JSON.stringify({ format: 'csv' }));
    insert.run('sync.settings', JSON.stringify({ endpoint: 'https://mdm.example.com/cim' }));
    before.db.close();

    const after = openDatabase(path, { targetVersion: 14 });
    expect(after.schemaVersion).toBe(14);
    const rows = after.db.prepare('SELECT id, details, prev_hash, hash FROM audit_log ORDER BY id').all() as {
      id: number;
      details: string;
      prev_hash: string;
      hash: string;
    }[];
    expect(rows).toHaveLength(3);
    expect(JSON.parse(rows[0]!.details)).toEqual({ endpoint: 'http://mdm.example.com/cim', soapVersion: '1.1' });
    expect(rows.map((r) => r.details).join()).not.toContain('Old-Secret-1');
    expect(rows[0]!.prev_hash).toBe('');
    expect(rows[1]!.prev_hash).toBe(rows[0]!.hash);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(verifyAuditChain(after.db)).toEqual({ rows: 3, lastHash: rows[2]!.hash, broken: null });
    after.db.close();
  });

  it('refuses INSERT OR REPLACE over a row, a row outside the chain, UPDATE and DELETE; the app continues the chain', () => {
    const store = openStore(join(tempDir(), 'f.db'));
    try {
      store.mutate(tech, (change) => change.audit({ action: 'readings.save', entity: 'reading_set', entityId: 'RS1' }));
      store.mutate(tech, (change) => change.audit({ action: 'readings.save', entity: 'reading_set', entityId: 'RS2' }));
      const first = store.db.prepare('SELECT * FROM audit_log WHERE id = 1').get();
      expect(() =>
        store.db
          .prepare(
            "INSERT OR REPLACE INTO audit_log (id, at, actor, role, action, entity, entity_id, details, prev_hash, hash) VALUES (1, 'now', 'Mallory', 'supervisor', 'x', 'x', 'x', '{}', '', 'x')",
          )
          .run(),
      ).toThrow(/append-only/);
      expect(store.db.prepare('SELECT * FROM audit_log WHERE id = 1').get()).toEqual(first);
      expect(() =>
        store.db
          .prepare(
            "INSERT INTO audit_log (at, actor, role, action, entity, entity_id) VALUES ('now', 'Mallory', 'supervisor', 'x', 'x', 'x')",
          )
          .run(),
      ).toThrow(/append-only|hash-chained/);
      expect(() =>
        store.db
          .prepare(
            "INSERT INTO audit_log (id, at, actor, role, action, entity, entity_id, prev_hash, hash) VALUES (3, 'now', 'Mallory', 'supervisor', 'x', 'x', 'x', 'forged', 'x')",
          )
          .run(),
      ).toThrow(/hash-chained/);
      expect(() => store.db.prepare("UPDATE audit_log SET actor = 'Mallory'").run()).toThrow(/append-only/);
      expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      store.mutate(tech, (change) => change.audit({ action: 'visits.skip', entity: 'visit_skip', entityId: 'K1' }));
      expect(verifyAuditChain(store.db)).toMatchObject({ rows: 3, broken: null });
    } finally {
      store.close();
    }
  });

  it('fieldmeter audit verify: holds on an untouched log, names the first row changed or removed behind the triggers', async () => {
    const dir = tempDir();
    const path = join(dir, 'f.db');
    const store = openStore(path);
    for (let i = 1; i <= 5; i++)
      store.mutate(tech, (change) => change.audit({ action: 'readings.save', entity: 'reading_set', entityId: `RS${i}` }));
    store.close();
    const intact = await fieldmeterInProcess(['audit', 'verify', '--db', path]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/holds: 5 rows/);

    // Someone with the file and a SQLite shell: the triggers dropped, one row's actor changed.
    const edited = openStore(path);
    edited.db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'Someone else' WHERE id = 3");
    expect(verifyAuditChain(edited.db).broken).toEqual({ id: 3, reason: 'its content was changed after it was written' });
    edited.close();
    const changed = await fieldmeterInProcess(['audit', 'verify', '--db', path, '--json']);
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout)).toMatchObject({ broken: { id: 3 } });
    expect(changed.stderr).toMatch(/does not hold from row 3/);

    const dir2 = tempDir();
    const removedPath = join(dir2, 'f.db');
    const other = openStore(removedPath);
    for (let i = 1; i <= 5; i++)
      other.mutate(tech, (change) => change.audit({ action: 'readings.save', entity: 'reading_set', entityId: `RS${i}` }));
    other.db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2');
    expect(verifyAuditChain(other.db).broken).toMatchObject({ id: 3, reason: expect.stringMatching(/does not follow/) });
    other.close();
  }, 60_000);
});
