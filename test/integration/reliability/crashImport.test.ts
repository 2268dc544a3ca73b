/**
 * Issue 11, crash safety (b): `fieldmeter import route FILE` runs as a child process on a large
 * read list and is killed with SIGKILL at a random moment (every other run: once its transaction is
 * writing to the WAL, so kills inside the transaction are certain, not lucky). The import is one transaction, so
 * afterwards the database holds the whole route (with its audit row) or nothing of it, and
 * passes integrity_check. Each cycle starts from a copy of the same migrated, empty database.
 * Default 8 kills (~2–6 s each here, by load); FIELDMETER_CRASH_KILLS=100 for the full run; FIELDMETER_SEED.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../electron/services/sync/simulator/faults';
import { fieldmeter, fieldmeterBin } from '../../support/cli';
import { bigRouteCsv } from '../../support/reliability/bigRoute';
import { scaled } from '../../support/timeouts';
import { useTempDir } from '../../support/tempDir';

const KILLS = Number(process.env.FIELDMETER_CRASH_KILLS ?? 8);
const SEED = Number(process.env.FIELDMETER_SEED ?? 11);
const METERS = 60_000;

interface Contents {
  integrity: string;
  routes: number;
  stops: number;
  usagePoints: number;
  registers: number;
  audits: number;
}

function contents(path: string): Contents {
  const db = new Database(path, { readonly: true });
  try {
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      routes: count('SELECT count(*) FROM routes'),
      stops: count('SELECT count(*) FROM route_stops'),
      usagePoints: count('SELECT count(*) FROM usage_points'),
      registers: count('SELECT count(*) FROM registers'),
      audits: count("SELECT count(*) FROM audit_log WHERE entity_id = 'BIG'"),
    };
  } finally {
    db.close();
  }
}

describe(`a route import survives kill -9 at ${KILLS} random points`, () => {
  const tempDir = useTempDir();

  it(
    'leaves all of the route or none of it, and the file intact',
    async () => {
      const dir = tempDir();
      const csvPath = join(dir, 'big.csv');
      writeFileSync(csvPath, bigRouteCsv('BIG', METERS));
      const template = join(dir, 'template.db');
      expect((await fieldmeter(['db', 'migrate', '--db', template])).code).toBe(0);
      const random = seededRandom(SEED);
      process.stderr.write(`crash-import: seed ${SEED} (FIELDMETER_SEED), ${KILLS} kills, ${METERS} meters\n`);

      // One undisturbed run measures how long an import takes on this machine right now.
      const fresh = () => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
        copyFileSync(template, db);
      };
      const db = join(dir, 'fm.db');
      fresh();
      const t0 = Date.now();
      expect((await fieldmeter(['import', 'route', csvPath, '--db', db, '--json'])).code).toBe(0);
      const fullRunMs = Date.now() - t0;

      const outcomes = { none: 0, all: 0, completed: 0, midWrite: 0 };
      const none = { routes: 0, stops: 0, usagePoints: 0, registers: 0, audits: 0 };
      const all = { routes: 1, stops: METERS, usagePoints: METERS, registers: METERS, audits: 1 };
      for (let k = 0; k < KILLS; k++) {
        fresh();
        const child = spawn(process.execPath, [fieldmeterBin, 'import', 'route', csvPath, '--db', db, '--json'], {
          env: { ...process.env, FIELDMETER_LOG: 'silent' },
          stdio: 'ignore',
        });
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        // Only the import's transaction writes megabytes: WAL pages past 1 MB mean it is under way.
        const walBusy = () => existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > 1024 * 1024;
        const kill = () => {
          if (child.exitCode !== null) return;
          if (walBusy()) outcomes.midWrite++;
          child.kill('SIGKILL');
        };
        let timer: NodeJS.Timeout;
        if (k % 2 === 0) {
          // Even runs: a random moment of the whole run (start-up, CSV parsing, writing, past the end).
          timer = setTimeout(kill, Math.floor(fullRunMs * (0.3 + random() * 0.8)));
        } else {
          // Odd runs: once the transaction is writing, after a random 0–300 ms more.
          const delay = Math.floor(random() * 300);
          timer = setInterval(() => {
            if (!walBusy()) return;
            clearInterval(timer);
            timer = setTimeout(kill, delay);
          }, 2);
        }
        const code = await exited;
        clearTimeout(timer);
        clearInterval(timer);

        const { integrity, ...rows } = contents(db);
        if ((k + 1) % 10 === 0) process.stderr.write(`crash-import: ${k + 1} kills\n`);
        expect(integrity, `after kill ${k}`).toBe('ok');
        if (code === 0) {
          outcomes.completed++;
          expect(rows).toEqual(all);
        } else if (rows.routes === 0) {
          outcomes.none++;
          expect(rows, `after kill ${k}: nothing or everything`).toEqual(none);
        } else {
          outcomes.all++;
          expect(rows, `after kill ${k}: nothing or everything`).toEqual(all);
        }
      }
      process.stderr.write(
        `crash-import: undisturbed import ${fullRunMs} ms; ${KILLS} runs: ${outcomes.none} killed before the commit (nothing imported; ` +
          `${outcomes.midWrite} of the kills with the transaction's pages already in the WAL), ${outcomes.all} killed after it (all), ${outcomes.completed} finished; 0 partial\n`,
      );
      expect(outcomes.none).toBeGreaterThan(0);
      expect(outcomes.midWrite, 'some kills must land inside the transaction').toBeGreaterThan(0);
    },
    scaled(Math.max(120_000, KILLS * 6_000)),
  );
});
