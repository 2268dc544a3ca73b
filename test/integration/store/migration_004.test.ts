import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { useTempDir } from '../../support/tempDir';

describe('migration 4: sync', () => {
  const tempDir = useTempDir();

  it('keeps queued messages pending, adds in-flight state, reply records and inbox status', () => {
    const path = join(tempDir(), 'm4.db');
    const v3 = openDatabase(path, { targetVersion: 3 });
    v3.db.exec(`
      INSERT INTO outbox (message_id, noun, verb, usage_point_id, payload, created_at, status)
        VALUES ('M1', 'MeterReadings', 'created', 'UP1', '{}', '2026-11-01T00:00:00.000Z', 'pending'),
               ('M2', 'MeterReadings', 'created', 'UP1', '{}', '2026-11-01T00:01:00.000Z', 'sent');
      INSERT INTO inbox (message_id, noun, verb, payload, received_at, applied_at)
        VALUES ('I1', 'MeterConfig', 'create', '{}', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:01.000Z'),
               ('I2', 'MeterConfig', 'create', '{}', '2026-11-01T00:00:00.000Z', NULL);`);
    v3.db.close();

    const v4 = openDatabase(path, { targetVersion: 4 });
    expect(v4.schemaVersion).toBe(4);
    expect(
      v4.db.prepare('SELECT message_id, status, in_flight_at, sent_at, error_code, correlation_id FROM outbox ORDER BY id').all(),
    ).toEqual([
      { message_id: 'M1', status: 'pending', in_flight_at: null, sent_at: null, error_code: null, correlation_id: null },
      { message_id: 'M2', status: 'sent', in_flight_at: null, sent_at: null, error_code: null, correlation_id: null },
    ]);
    expect(v4.db.prepare('SELECT message_id, status FROM inbox ORDER BY id').all()).toEqual([
      { message_id: 'I1', status: 'applied' },
      { message_id: 'I2', status: 'received' },
    ]);
    v4.db
      .prepare(
        "INSERT INTO outbox_attempts (message_id, run_id, attempted_at, http_status, result) VALUES ('M1', 'r', 'now', 200, 'PARTIAL')",
      )
      .run();
    expect(() =>
      v4.db.prepare("INSERT INTO outbox_attempts (message_id, run_id, attempted_at, result) VALUES ('M1', 'r', 'now', 'MAYBE')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      v4.db.prepare("INSERT INTO outbox_attempts (message_id, run_id, attempted_at, result) VALUES ('nope', 'r', 'now', 'OK')").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() => v4.db.prepare("UPDATE inbox SET status = 'lost'").run()).toThrow(/CHECK/);
    v4.db.close();
  });
});
