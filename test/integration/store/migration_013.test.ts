/**
 * Migration 13 on a copy of a filled database: one outbox row of every kind the app queued before
 * the column existed, with the payload shapes the services write (built by samplePayloads, which
 * is typed by the same schemas), classified by the backfill and rendered afterwards.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTBOX_KINDS, outboxKinds, type OutboxKind } from '../../../shared/cim/outbox';
import { renderForSync } from '../../../electron/services/messages/renderOutbox';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { createOutboxRepository } from '../../../electron/services/store/repositories/outbox';
import { useTempDir } from '../../support/tempDir';
import { sampleAt, testPayloads } from '../../support/outboxSamples';

const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 13));
const at = sampleAt;
const payloads = testPayloads;
// Kinds that came after migration 13 (a DLMS load profile, a visit receipt): no database before it can hold one.
const laterKinds: ReadonlySet<OutboxKind> = new Set<OutboxKind>(['loadProfile', 'visitReceipt']);
const kindsBefore13 = OUTBOX_KINDS.filter((kind) => !laterKinds.has(kind));
// Every kind with every verb it was queued with: the rows a database of the previous release can hold.
const queued = kindsBefore13.flatMap((kind) =>
  outboxKinds[kind].verbs.map((verb) => ({ kind, verb, noun: outboxKinds[kind].noun, payload: payloads[kind] })),
);

function filledDatabase(dir: string): string {
  const path = join(dir, 'm13.db');
  const before = openDatabase(path, { targetVersion: previous });
  before.db.exec("INSERT INTO usage_points (id, address) VALUES ('UP-1001', '1 Main St')");
  const insert = before.db.prepare(
    "INSERT INTO outbox (message_id, noun, verb, usage_point_id, payload, created_at) VALUES (?, ?, ?, 'UP-1001', ?, ?)",
  );
  queued.forEach((q, i) => insert.run(`M${i}`, q.noun, q.verb, JSON.stringify(q.payload), at));
  before.db.close();
  // The migration runs on a copy, as a tester would: the filled file stays as it was.
  const copy = join(dir, 'm13-copy.db');
  copyFileSync(path, copy);
  return copy;
}

describe('migration 13: outbox.kind', () => {
  const tempDir = useTempDir();

  it('classifies every existing row by its noun and payload, and each renders afterwards', () => {
    const after = openDatabase(filledDatabase(tempDir()), { targetVersion: 13 });
    expect(after.schemaVersion).toBe(13);
    const rows = after.db.prepare('SELECT message_id, kind, noun, verb FROM outbox ORDER BY id').all() as {
      message_id: string;
      kind: OutboxKind;
      noun: string;
      verb: string;
    }[];
    expect(rows.map((r) => `${r.verb} ${r.noun} → ${r.kind}`)).toEqual(queued.map((q) => `${q.verb} ${q.noun} → ${q.kind}`));
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(kindsBefore13));
    const outbox = createOutboxRepository(after.db);
    for (const r of rows) expect(() => renderForSync(outbox.get(r.message_id)!, { source: 'FIELDMETER-TEST' }), r.kind).not.toThrow();
    after.db.close();
  });

  it('keeps kind NOT NULL from then on', () => {
    const after = openDatabase(filledDatabase(tempDir()), { targetVersion: 13 });
    const insert = after.db.prepare(
      "INSERT INTO outbox (message_id, kind, noun, verb, payload, created_at) VALUES ('N1', ?, 'MeterReadings', 'created', '{}', ?)",
    );
    expect(() => insert.run(null, at)).toThrow(/outbox.kind is required/);
    expect(() => after.db.prepare("UPDATE outbox SET kind = NULL WHERE message_id = 'M0'").run()).toThrow(/outbox.kind is required/);
    insert.run('meterReadings', at);
    after.db.close();
  });

  it('refuses the upgrade, changing nothing, when a row fits no kind', () => {
    const path = filledDatabase(tempDir());
    const raw = openDatabase(path, { targetVersion: previous });
    raw.db.exec(
      `INSERT INTO outbox (message_id, noun, verb, payload, created_at) VALUES ('ODD', 'EndDeviceControls', 'created', '{"something":"else"}', '${at}')`,
    );
    raw.db.close();
    expect(() => openDatabase(path, { targetVersion: 13 })).toThrow(/outbox.kind is required/);
    const again = openDatabase(path, { targetVersion: previous });
    expect(again.schemaVersion).toBe(previous);
    expect(again.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(queued.length + 1);
    again.db.close();
  });
});
