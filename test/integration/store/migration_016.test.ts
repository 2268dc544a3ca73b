import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/services/store/database';
import { migrations } from '../../../electron/services/store/migrations';
import { useTempDir } from '../../support/tempDir';

describe('migration 16: a request keeps its ReplyAddress and AsyncReplyFlag', () => {
  const tempDir = useTempDir();
  // The migration before 16 in this build (parallel branches number theirs in between).
  const previous = Math.max(...migrations.map((m) => m.version).filter((v) => v < 16));

  it('adds inbox.reply_address and inbox.async_reply_flag, keeping existing messages without them', () => {
    const path = join(tempDir(), 'm16.db');
    const before = openDatabase(path, { targetVersion: previous });
    before.db.exec(
      `INSERT INTO inbox (message_id, correlation_id, noun, verb, payload, received_at) VALUES ('G1', 'C1', 'MeterReadings', 'get', '{}', '2026-11-23T08:00:00.000Z')`,
    );
    before.db.close();

    const after = openDatabase(path, { targetVersion: 16 });
    expect(after.schemaVersion).toBe(16);
    expect(after.db.prepare('SELECT message_id, correlation_id, reply_address, async_reply_flag FROM inbox').get()).toEqual({
      message_id: 'G1',
      correlation_id: 'C1',
      reply_address: null,
      async_reply_flag: null,
    });
    const insert = after.db.prepare(
      "INSERT INTO inbox (message_id, noun, verb, payload, received_at, reply_address, async_reply_flag) VALUES (?, 'MeterReadings', 'get', '{}', '2026-11-23T09:00:00.000Z', 'https://mdm.example.com/reply', ?)",
    );
    insert.run('G2', 1);
    expect(after.db.prepare("SELECT reply_address, async_reply_flag FROM inbox WHERE message_id = 'G2'").get()).toEqual({
      reply_address: 'https://mdm.example.com/reply',
      async_reply_flag: 1,
    });
    expect(() => insert.run('G3', 2)).toThrow(/CHECK/);
    after.db.close();
  });
});
