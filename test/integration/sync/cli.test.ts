/** `fieldmeter sync` and `fieldmeter simulate enterprise` as child processes (issue 7). */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/store';
import { startEnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { readAccepted } from '../../../electron/services/sync/simulator/storage';
import { fieldmeterBin, fieldmeterInProcess } from '../../support/cli';
import { seedDemoOutbox } from '../../support/enterpriseSimulator/seed';
import { cimDir, xsdSkipReason } from '../../support/xsd';
import { useTempDir } from '../../support/tempDir';

describe('fieldmeter sync', () => {
  const tempDir = useTempDir();

  it('prints sent/accepted/rejected/pending; a second run sends nothing; --dry-run writes the requests only', async () => {
    const dir = tempDir();
    const db = join(dir, 'fm.db');
    const queued = seedDemoOutbox(db);
    const dry = await fieldmeterInProcess(['sync', '--db', db, '--dry-run', '--out', join(dir, 'dry'), '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({ sent: 0, accepted: 0, rejected: 0, pending: queued });
    const files = readdirSync(join(dir, 'dry'));
    expect(files).toHaveLength(queued);
    expect(readFileSync(join(dir, 'dry', files[0]!), 'utf8')).toMatch(/<soap:Envelope[^>]*><soap:Body><msg:EventMessage/);

    const sim = await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise') });
    try {
      const first = await fieldmeterInProcess(['sync', '--db', db, '--endpoint', sim.url, '--json']);
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toEqual({ sent: queued, accepted: queued, rejected: 0, pending: 0 });
      const second = await fieldmeterInProcess(['sync', '--db', db, '--endpoint', sim.url]);
      expect(second.stdout.trim()).toBe('Sent 0 messages: 0 accepted, 0 rejected; 0 left in the outbox.');
      expect(sim.stats.received).toBe(queued);
      // Recorded in sync_runs like a run from the app: "last success" counts CLI runs too.
      const runs = syncRuns(db);
      expect(runs).toEqual([
        expect.objectContaining({ trigger: 'cli', sent: queued, accepted: queued, pending: 0, stop_code: null }),
        expect.objectContaining({ trigger: 'cli', sent: 0, accepted: 0, pending: 0, stop_code: null }),
      ]);
      expect(runs.every((r) => r.finished_at !== null)).toBe(true);
    } finally {
      await sim.close();
    }
  });

  it("stops with exit 1 and says why in the operator's language, from the stop's reason, with the peer's words apart", async () => {
    const dir = tempDir();
    const db = join(dir, 'fm.db');
    const queued = seedDemoOutbox(db);
    const run = await fieldmeterInProcess(
      ['sync', '--db', db, '--endpoint', 'http://127.0.0.1:9/', '--attempts', '2', '--retry-delay', '1', '--json'],
      { LANG: 'de_DE.UTF-8' },
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ accepted: 0, pending: queued });
    // The words from the catalog (errors.syncStop.unreachable), then what the connection did, coded (syncStop.network.refused)
    // with the system's code as an identifier; no English from the transport (issue 16 §3), which only the log has.
    const said = run.stderr.slice(run.stderr.indexOf('Fehler: '));
    expect(said.trim()).toMatch(
      /^Fehler: Das Büro war nach 2 Versuchen nicht erreichbar\. Alles Unbeantwortete bleibt im Postausgang.* Der Server des Büros hat die Verbindung abgelehnt \(ECONNREFUSED\): Prüfen Sie die Adresse des Endpunkts und ob der Server läuft\.$/,
    );
    expect(said).not.toMatch(/could not be reached|stays in the outbox|cannot reach/);
    expect(syncRuns(db)).toEqual([expect.objectContaining({ trigger: 'cli', accepted: 0, pending: queued, stop_code: 'UNREACHABLE' })]);
  });

  it('refuses a bad endpoint and half a client certificate before touching the outbox', async () => {
    const db = join(tempDir(), 'fm.db');
    expect((await fieldmeterInProcess(['sync', '--db', db, '--endpoint', 'ftp://x/', '--verbose'])).stderr).toMatch(
      /must be an https:\/\/ URL/,
    );
    // Plain http only to this machine, and no credentials in the URL (issue 18).
    expect((await fieldmeterInProcess(['sync', '--db', db, '--endpoint', 'http://mdm.example.com/cim', '--verbose'])).stderr).toMatch(
      /must be an https:\/\/ URL/,
    );
    const withUser = await fieldmeterInProcess(['sync', '--db', db, '--endpoint', 'https://crew:Pw-77@mdm.example.com/cim', '--verbose']);
    expect(withUser.stderr).toMatch(/Leave the user and password out/);
    expect(withUser.stderr).not.toContain('Pw-77');
    expect((await fieldmeterInProcess(['sync', '--db', db, '--endpoint', 'https://x/', '--cert', 'c.pem', '--verbose'])).stderr).toMatch(
      /both the certificate and its key/,
    );
    expect((await fieldmeterInProcess(['sync', '--db', db, '--verbose'])).stderr).toMatch(/No endpoint/);
    expect(
      (await fieldmeterInProcess(['sync', '--db', db, '--endpoint', 'https://x/', '--xsd-dir', dirname(db), '--verbose'])).stderr,
    ).toMatch(/has no Message\.xsd: choose the folder with the utility's/);
    expect(syncRuns(db)).toEqual([]); // bad usage is not a run
  });
});

function syncRuns(
  db: string,
): { trigger: string; sent: number; accepted: number; pending: number; stop_code: string | null; finished_at: string | null }[] {
  const store = openStore(db);
  try {
    return store.db
      .prepare('SELECT trigger, sent, accepted, pending, stop_code, finished_at FROM sync_runs ORDER BY started_at, rowid')
      .all() as ReturnType<typeof syncRuns>;
  } finally {
    store.close();
  }
}

function sentIds(db: string): string[] {
  const store = openStore(db);
  try {
    return store.outbox
      .list({ status: 'sent' })
      .map((e) => e.messageId)
      .sort();
  } finally {
    store.close();
  }
}

describe.skipIf(xsdSkipReason !== null)(
  `fieldmeter simulate enterprise with schema validation${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    it('validates every message against the schemas and stores each MessageID once', async () => {
      const dir = tempDir();
      const db = join(dir, 'fm.db');
      const queued = seedDemoOutbox(db);
      const child = spawn(
        process.execPath,
        [fieldmeterBin, 'simulate', 'enterprise', '--store', join(dir, 'enterprise'), '--xsd-dir', cimDir, '--json'],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      try {
        const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
        const address = JSON.parse(((await lines.next()).value as string) ?? '{}') as { url: string; schemaValidation: boolean };
        expect(address.schemaValidation).toBe(true);
        const run = await fieldmeterInProcess(['sync', '--db', db, '--endpoint', address.url, '--soap', '1.2', '--json']);
        expect(JSON.parse(run.stdout)).toEqual({ sent: queued, accepted: queued, rejected: 0, pending: 0 });
        expect(
          readAccepted(join(dir, 'enterprise'))
            .map((m) => m.messageId)
            .sort(),
        ).toEqual(sentIds(db));
        const stats = (await (await fetch(new URL('/stats', address.url))).json()) as { invalid: number; rejected: number };
        expect(stats).toMatchObject({ invalid: 0, rejected: 0 });
      } finally {
        child.kill('SIGTERM');
      }
    });

    it('--validate after: replies at once, GET /validate checks everything stored afterwards', async () => {
      const dir = tempDir();
      const db = join(dir, 'fm.db');
      const queued = seedDemoOutbox(db);
      const child = spawn(
        process.execPath,
        [fieldmeterBin, 'simulate', 'enterprise', '--store', join(dir, 'enterprise'), '--xsd-dir', cimDir, '--validate', 'after', '--json'],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      try {
        const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
        const address = JSON.parse(((await lines.next()).value as string) ?? '{}') as { url: string };
        const run = await fieldmeterInProcess(['sync', '--db', db, '--endpoint', address.url, '--json']);
        expect(JSON.parse(run.stdout)).toEqual({ sent: queued, accepted: queued, rejected: 0, pending: 0 });
        const verdict = (await (await fetch(new URL('/validate', address.url))).json()) as { checked: number; invalid: unknown[] };
        expect(verdict).toEqual({ checked: queued, invalid: [] });
      } finally {
        child.kill('SIGTERM');
      }
    });
  },
);
