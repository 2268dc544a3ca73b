import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

describe('migration 17: signatures and receipts of a visit', () => {
  const tempDir = useTempDir();
  const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 17));

  it('adds visit_signatures (one per visit, image unless declined, technician only when no one home) and visit_receipts', () => {
    const path = join(tempDir(), 'm17.db');
    const before = openDatabase(path, { targetVersion: previous });
    before.db.exec(`INSERT INTO usage_points (id, address) VALUES ('UP-1', 'Hauptstraße 1')`);
    before.db.close();

    const after = openDatabase(path, { targetVersion: 17 });
    expect(after.schemaVersion).toBe(17);
    const sign = after.db.prepare(
      `INSERT INTO visit_signatures (id, visit_kind, visit_id, usage_point_id, status, signer_name, signer_role, image_sha256, signed_at, recorded_by)
       VALUES (?, 'switchOrder', ?, 'UP-1', ?, 'E', ?, ?, '2026-12-07T10:00:00Z', 'T')`,
    );
    sign.run('s1', 'SW-1', 'signed', 'customer', 'ab');
    expect(() => sign.run('s2', 'SW-1', 'declined', 'customer', null)).toThrow(/UNIQUE/);
    expect(() => sign.run('s3', 'SW-2', 'declined', 'customer', 'ab')).toThrow(/CHECK/);
    expect(() => sign.run('s4', 'SW-3', 'signed', 'customer', null)).toThrow(/CHECK/);
    expect(() => sign.run('s5', 'SW-4', 'noOneHome', 'customer', 'ab')).toThrow(/CHECK/);
    sign.run('s6', 'SW-5', 'noOneHome', 'technician', 'cd');
    const receipt = after.db.prepare(
      `INSERT INTO visit_receipts (visit_kind, visit_id, usage_point_id, language, code, data_sha256, file_name, created_at, created_by)
       VALUES ('switchOrder', 'SW-1', 'UP-1', ?, 'ABCDEFGHIJ', 'ff', ?, '2026-12-07T10:00:00Z', 'T')`,
    );
    receipt.run('de', 'receipt-ABCDEFGHIJ-de.pdf');
    expect(() => receipt.run('de', 'receipt-ABCDEFGHIJ-de.pdf')).toThrow(/UNIQUE/);
    expect(() => receipt.run('fr', 'receipt-ABCDEFGHIJ-fr.pdf')).toThrow(/CHECK/);
    after.db.close();
  });
});
