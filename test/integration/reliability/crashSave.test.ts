/**
 * Issue 11, crash safety (a): the web host runs as a child process and is killed with SIGKILL at
 * random moments while a client saves readings through POST /api/call/readings.save. After each
 * kill the database must pass integrity_check, and every save the client saw confirmed must be
 * there with its readings, audit row and outbox message; no reading set may lack either.
 * Each cycle costs a Node + tsx start (~1 s here), so the default is 15 kills to stay under 60 s;
 * FIELDMETER_CRASH_KILLS=100 runs the full set (~3 min). FIELDMETER_SEED picks the kill times.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../electron/services/sync/simulator/faults';
import { checkAfterCrash, type ConfirmedSave } from '../../support/reliability/crashChecks';
import { killWhileBusy, startHostProcess, type HostedApp } from '../../support/reliability/webHostProcess';
import { scaled } from '../../support/timeouts';
import { useTempDir } from '../../support/tempDir';

const KILLS = Number(process.env.FIELDMETER_CRASH_KILLS ?? 15);
const SEED = Number(process.env.FIELDMETER_SEED ?? 11);
const WORKERS = 3;

interface Target {
  usagePointId: string;
  registers: { id: number; next: number }[];
}
interface ApiOk<T> {
  ok: true;
  value: T;
}

async function value<T>(host: HostedApp, method: string, body: unknown): Promise<T> {
  const res = await host.call(method, body);
  const json = res.json as ApiOk<T> | { ok: false; error: unknown };
  if (!json.ok) throw new Error(`${method} failed: ${JSON.stringify(json.error)}`);
  return json.value;
}

/** The demo route's meters with their cumulative registers, each with the next (higher) value to save. */
async function targets(host: HostedApp): Promise<Target[]> {
  const routes = await value<{ id: string }[]>(host, 'routes.list', {});
  const meters = await value<{ usagePointId: string }[]>(host, 'meters.list', { routeId: routes[0]!.id });
  const result: Target[] = [];
  for (const m of meters.slice(0, 24)) {
    const detail = await value<{ registers: { id: number; kind: string; dials: number; lastValue: string | null }[] }>(host, 'meters.get', {
      usagePointId: m.usagePointId,
    });
    const registers = detail.registers
      .filter((r) => r.kind === 'cumulative' && Number(r.lastValue ?? 0) + 10_000 < 10 ** r.dials)
      .map((r) => ({ id: r.id, next: Math.floor(Number(r.lastValue ?? 0)) + 1 }));
    if (registers.length) result.push({ usagePointId: m.usagePointId, registers });
  }
  return result;
}

/** Saves visits on its own meters until the host goes away; records what the host confirmed. */
async function saver(host: HostedApp, mine: Target[], confirmed: ConfirmedSave[], started: () => void): Promise<void> {
  for (let i = 0; ; i++) {
    const target = mine[i % mine.length]!;
    // Every attempt takes a higher value, confirmed or not: a save in flight at the kill may have committed.
    const values = target.registers.map((r) => ({
      registerId: r.id,
      value: String(r.next++),
      confirmation: { method: 'reason', reason: 'crash test' },
    }));
    started();
    try {
      const res = await host.call('readings.save', { usagePointId: target.usagePointId, values });
      const json = res.json as ApiOk<{ readingSetId: string; readAt: string }> | { ok: false; error: { code: string; details?: unknown } };
      if (res.status !== 200 || !json.ok) throw new Error(`save refused: ${res.status} ${JSON.stringify(json)}`);
      confirmed.push({
        readingSetId: json.value.readingSetId,
        readAt: json.value.readAt,
        usagePointId: target.usagePointId,
        values: values.map((v) => v.value),
      });
    } catch (error) {
      // The reset can arrive before the exit is reported: give the exit a moment to land.
      await Promise.race([host.exited, new Promise((r) => setTimeout(r, 3000))]);
      if (host.child.exitCode === null && host.child.signalCode === null) throw error;
      return; // the host was killed under this request: not confirmed, may or may not be stored
    }
  }
}

describe(`saving readings survives kill -9 at ${KILLS} random points`, () => {
  const tempDir = useTempDir();

  it(
    'keeps every confirmed save with its audit row and outbox message, and the file intact',
    async () => {
      const dir = tempDir();
      const db = join(dir, 'fm.db');
      const random = seededRandom(SEED);
      process.stderr.write(`crash-save: seed ${SEED} (FIELDMETER_SEED), ${KILLS} kills\n`);
      const first = await startHostProcess({ db, demo: true, workDir: dir });
      const all = await targets(first);
      await first.kill('SIGTERM');
      expect(all.length).toBeGreaterThanOrEqual(WORKERS);

      const confirmed: ConfirmedSave[] = [];
      let killedMidSave = 0;
      for (let k = 0; k < KILLS; k++) {
        const before = confirmed.length;
        await killWhileBusy({ db, workDir: dir }, random, (host, started) =>
          Array.from({ length: WORKERS }, (_, w) =>
            saver(
              host,
              all.filter((_, i) => i % WORKERS === w),
              confirmed,
              started,
            ),
          ),
        );
        if (confirmed.length > before) killedMidSave++;

        // Saves confirmed since the last kill are checked now; all of them again at the end.
        const check = checkAfterCrash(db, confirmed.slice(before));
        expect(check.integrity, `after kill ${k}`).toBe('ok');
        expect(check.missing, `after kill ${k}`).toEqual([]);
        expect(check.orphans, `after kill ${k}`).toBe(0);
        expect(check.readingSets).toBeGreaterThanOrEqual(confirmed.length);
        if ((k + 1) % 10 === 0) process.stderr.write(`crash-save: ${k + 1} kills, ${confirmed.length} confirmed saves so far\n`);
      }
      const last = checkAfterCrash(db, confirmed);
      expect(last.missing).toEqual([]);
      process.stderr.write(
        `crash-save: ${KILLS} kills (${killedMidSave} while saves were flowing), ${confirmed.length} confirmed saves all present, ` +
          `${last.readingSets - confirmed.length} unconfirmed saves that committed before the kill, 0 half-written\n`,
      );
      expect(killedMidSave).toBeGreaterThanOrEqual(Math.floor(KILLS * 0.8));
    },
    scaled(Math.max(90_000, KILLS * 8_000)),
  );
});
