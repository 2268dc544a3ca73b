/**
 * A stopped sync run is recorded as a code, a reason and typed details (issue 16 §3), never as an
 * English sentence: `sync.status` gives it back after a restart as the screen says it, a run an
 * earlier version recorded with its sentence still shows (as recorded), and an enterprise that
 * answers 401 is told apart by whether credentials were sent (missing or refused).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncStatus } from '../../../shared/contract/methods/sync';
import { openStore } from '../../../electron/services/store';
import { recordedRun, syncNow, type SyncNowOptions } from '../../../electron/services/sync';
import { memorySecretStore, type SecretStore } from '../../../electron/services/sync/secrets';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { seedDemoOutbox } from '../../support/enterpriseSimulator/seed';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

describe('a stopped sync run as recorded', () => {
  const tempDir = useTempDir();
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = undefined;
  });

  /** An endpoint that refuses every request with HTTP 401, as a gateway does without valid credentials. */
  async function refusingEndpoint(): Promise<string> {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(401, { 'www-authenticate': 'Basic realm="mdm"' }).end());
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/cim`;
  }

  const options = (endpoint: string, secrets: SecretStore): SyncNowOptions => ({
    endpoint: { endpoint, timeoutMs: 2000 },
    secrets,
    envelope: { source: 'FIELDMETER-TEST' },
    actor: { name: 'sync test', role: 'technician' },
    retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });

  async function statusAfterRestart(databasePath: string) {
    const app = startFieldmeter({ databasePath, host: 'web' });
    try {
      await signInAs(app, 'supervisor');
      return syncStatus.parse(await app.handlers['sync.status']({}));
    } finally {
      app.close();
    }
  }

  it('a 401 without credentials says they are missing; with a token, refused; the row keeps the reason, not a sentence', async () => {
    const databasePath = join(tempDir(), 'fm.db');
    seedDemoOutbox(databasePath, 3);
    const endpoint = await refusingEndpoint();
    const store = openStore(databasePath);
    try {
      const without = await recordedRun(store, { trigger: 'cli' }, () => syncNow(store, options(endpoint, memorySecretStore())));
      expect(without.stopped).toEqual({ code: 'REFUSED', reason: 'credentials', details: { status: 401, credentials: 'missing' } });
      const withToken = memorySecretStore({ 'sync.token': 'tok-1' });
      const refused = await recordedRun(store, { trigger: 'cli' }, () => syncNow(store, options(endpoint, withToken)));
      expect(refused.stopped).toMatchObject({ reason: 'credentials', details: { credentials: 'refused' } });
      const stored = store.db.prepare('SELECT stop_message FROM sync_runs ORDER BY rowid DESC LIMIT 1').pluck().get() as string;
      expect(JSON.parse(stored)).toEqual({ reason: 'credentials', details: { status: 401, credentials: 'refused' } });
    } finally {
      store.close();
    }
    const status = await statusAfterRestart(databasePath);
    expect(status.lastStop).toEqual({ code: 'REFUSED', reason: 'credentials', details: { status: 401, credentials: 'refused' } });
    // …and when: the Sync screen says when the last run stopped.
    expect(status.lastStopAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(status.lastSuccessAt).toBeNull();
  });

  it('a run recorded by an earlier version, with its English sentence, still shows as recorded', async () => {
    const databasePath = join(tempDir(), 'fm.db');
    const store = openStore(databasePath);
    const sentence = 'The enterprise could not be reached after 6 attempts (cannot reach mdm: ECONNREFUSED).';
    // As versions before this one wrote it: the stop code and the sentence.
    store.db
      .prepare(
        `INSERT INTO sync_runs (id, started_at, finished_at, trigger, stop_code, stop_message)
         VALUES ('old-run', '2026-11-20T08:00:00Z', '2026-11-20T08:01:00Z', 'user', 'UNREACHABLE', ?)`,
      )
      .run(sentence);
    store.close();
    const status = await statusAfterRestart(databasePath);
    expect(status.lastStop).toEqual({ code: 'UNREACHABLE', reason: 'recorded', details: { text: sentence } });
  });
});
