/**
 * Issue 11, crash safety (a) for work orders: the web host runs as a child process and is killed
 * with SIGKILL at random moments while clients complete meter exchanges through POST
 * /api/call/workOrders.completeExchange — the largest transaction a crew makes (readings of two
 * meters, seals, linkage moved, order completed, audit row, six outbox messages). After each kill:
 * integrity_check ok; every exchange the client saw confirmed is there whole; and every work order,
 * confirmed or not, is either whole or untouched — never half-exchanged.
 * FIELDMETER_CRASH_KILLS sets the kills (default 10), FIELDMETER_SEED the kill times.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../electron/services/sync/simulator/faults';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { bigRouteCsv } from '../../support/reliability/bigRoute';
import { killWhileBusy, type HostedApp } from '../../support/reliability/webHostProcess';
import { KWH } from '../../support/routeCsv';
import { scaled } from '../../support/timeouts';
import { useTempDir } from '../../support/tempDir';

const KILLS = Number(process.env.FIELDMETER_CRASH_KILLS ?? 10);
const SEED = Number(process.env.FIELDMETER_SEED ?? 11);
const WORKERS = 3;
/** A crew does at most this many exchanges per host life (the kill comes within the first 40 requests), so no speed can empty the queue. */
const PER_HOST = 30;
/** Enough work orders that the queue never runs dry, whatever the machine's speed. */
const ORDERS = Math.max(1_000, KILLS * WORKERS * PER_HOST + WORKERS);

/** One exchange to do: the order, the meter on site and its register, the stock meter and its register. */
interface Exchange {
  workOrderId: string;
  usagePointId: string;
  oldSerial: string;
  oldRegisterId: number;
  oldValue: number;
  newSerial: string;
  newRegisterId: number;
}

/** A route of ORDERS meters, an exchange work order at each, and a stock meter (with a kWh register) for each. */
function prepare(db: string): Exchange[] {
  const store = openStore(db);
  try {
    const actor = { name: 'office', role: 'supervisor' } as const;
    importRoute(store, actor, { fileName: 'route.csv', content: bigRouteCsv('WO', ORDERS), acceptValidRows: false });
    return store.transaction(() =>
      Array.from({ length: ORDERS }, (_, i) => {
        const n = String(i + 1).padStart(6, '0');
        const usagePointId = `UP-${n}`;
        const old = store.workOrders.meterAt(usagePointId)!;
        const [register] = store.workOrders.registersOf(old.id);
        const stockId = store.workOrders.addStockMeter(`N${n}`);
        store.workOrders.addRegister(stockId, { readingType: KWH, label: 'kWh', dials: 6, decimals: 0 });
        store.workOrders.insert({
          id: `WO-${n}`,
          kind: 'exchange',
          usagePointId,
          expectedMeterSerial: old.serialNumber,
          description: 'crash test',
          source: 'enterprise',
          at: '2026-11-01T08:00:00Z',
        });
        return {
          workOrderId: `WO-${n}`,
          usagePointId,
          oldSerial: old.serialNumber,
          oldRegisterId: register!.id,
          oldValue: Number(register!.lastValue ?? 0),
          newSerial: `N${n}`,
          newRegisterId: store.workOrders.registersOf(stockId)[0]!.id,
        };
      }),
    );
  } finally {
    store.close();
  }
}

/** Completes exchanges from the shared queue until the host goes away; records what the host confirmed. */
/** Resolves true when the kill landed while this crew's request was in flight. */
async function crew(host: HostedApp, queue: Exchange[], confirmed: Map<string, string[]>, started: () => void): Promise<boolean> {
  for (let job = queue.shift(), done = 0; job; job = queue.shift(), done++) {
    if (done === PER_HOST) {
      queue.unshift(job);
      await host.exited;
      return false;
    }
    started();
    const request = {
      workOrderId: job.workOrderId,
      oldMeter: {
        observedSerial: job.oldSerial,
        finalReadings: [{ registerId: job.oldRegisterId, value: String(job.oldValue + 7) }],
        sealsRemoved: [],
        disposition: 'returned',
        photoIds: [],
      },
      newMeter: {
        serial: job.newSerial,
        initialReadings: [{ registerId: job.newRegisterId, value: '3' }],
        sealsApplied: [`SEAL-${job.workOrderId}`],
        photoIds: [],
      },
      note: 'crash test',
    };
    try {
      const res = await host.call('workOrders.completeExchange', request);
      const json = res.json as { ok: true; value: { messageIds: string[] } } | { ok: false; error: unknown };
      if (res.status !== 200 || !json.ok) throw new Error(`exchange refused: ${res.status} ${JSON.stringify(json)}`);
      confirmed.set(job.workOrderId, json.value.messageIds);
    } catch (error) {
      await Promise.race([host.exited, new Promise((r) => setTimeout(r, 3000))]);
      if (host.child.exitCode === null && host.child.signalCode === null) throw error;
      return true; // killed under this request: not confirmed; it is whole or untouched, and never retried
    }
  }
  return false;
}

interface ExchangeCheck {
  integrity: string;
  /** Confirmed exchanges not found whole. */
  missing: string[];
  /** Work orders found neither whole nor untouched. */
  halfDone: string[];
  completed: number;
}

/** On a read-only connection: each work order is whole (completed, meters swapped, audit, six messages) or untouched. */
function checkExchanges(db: string, all: readonly Exchange[], confirmed: ReadonlyMap<string, string[]>): ExchangeCheck {
  const conn = new Database(db, { readonly: true });
  try {
    const integrity = String(conn.pragma('integrity_check', { simple: true }));
    const status = conn.prepare('SELECT status FROM work_orders WHERE id = ?').pluck();
    const installed = conn
      .prepare("SELECT serial_number FROM end_devices WHERE usage_point_id = ? AND kind = 'meter' AND status = 'installed'")
      .pluck();
    const messages = conn.prepare('SELECT message_id FROM outbox WHERE usage_point_id = ?').pluck();
    const audits = conn.prepare("SELECT count(*) FROM audit_log WHERE action = 'meter.exchange' AND entity_id = ?").pluck();
    const readings = conn.prepare('SELECT count(*) FROM reading_sets WHERE usage_point_id = ?').pluck();
    const missing: string[] = [];
    const halfDone: string[] = [];
    let completed = 0;
    for (const job of all) {
      const state = {
        status: status.get(job.workOrderId) as string,
        meter: installed.get(job.usagePointId) as string | undefined,
        messages: messages.all(job.usagePointId) as string[],
        audits: audits.get(job.usagePointId) as number,
        readings: readings.get(job.usagePointId) as number,
      };
      const whole =
        state.status === 'completed' &&
        state.meter === job.newSerial &&
        state.messages.length === 6 &&
        state.audits === 1 &&
        state.readings === 2;
      const untouched =
        state.status === 'assigned' &&
        state.meter === job.oldSerial &&
        state.messages.length === 0 &&
        state.audits === 0 &&
        state.readings === 0;
      if (whole) completed++;
      if (!whole && !untouched) halfDone.push(`${job.workOrderId}: ${JSON.stringify(state)}`);
      const ids = confirmed.get(job.workOrderId);
      if (ids && !(whole && ids.every((id) => state.messages.includes(id)))) missing.push(job.workOrderId);
    }
    return { integrity, missing, halfDone, completed };
  } finally {
    conn.close();
  }
}

describe(`completing work orders survives kill -9 at ${KILLS} random points`, () => {
  const tempDir = useTempDir();

  it(
    'keeps every confirmed exchange whole, and no work order half-exchanged',
    async () => {
      const dir = tempDir();
      const db = join(dir, 'fm.db');
      const random = seededRandom(SEED);
      process.stderr.write(`crash-work-orders: seed ${SEED} (FIELDMETER_SEED), ${KILLS} kills\n`);
      const all = prepare(db);
      const queue = [...all];
      const confirmed = new Map<string, string[]>();
      let killedMidSave = 0;
      let killedInFlight = 0;
      for (let k = 0; k < KILLS; k++) {
        const before = confirmed.size;
        const inFlight = await killWhileBusy({ db, workDir: dir }, random, (host, started) =>
          Array.from({ length: WORKERS }, () => crew(host, queue, confirmed, started)),
        );
        if (inFlight.some(Boolean)) killedInFlight++;
        if (confirmed.size > before) killedMidSave++;
        const check = checkExchanges(db, all, confirmed);
        expect(check.integrity, `after kill ${k}`).toBe('ok');
        expect(check.missing, `after kill ${k}`).toEqual([]);
        expect(check.halfDone, `after kill ${k}`).toEqual([]);
        expect(queue.length, 'the route ran out of work orders; raise ORDERS').toBeGreaterThan(0);
      }
      const last = checkExchanges(db, all, confirmed);
      process.stderr.write(
        `crash-work-orders: ${KILLS} kills (${killedInFlight} with an exchange in flight, ${killedMidSave} after some were confirmed), ${confirmed.size} confirmed exchanges all whole, ` +
          `${last.completed - confirmed.size} unconfirmed that committed before the kill, 0 half-exchanged of ${all.length}\n`,
      );
      expect(killedInFlight).toBeGreaterThanOrEqual(Math.floor(KILLS * 0.8));
    },
    scaled(Math.max(120_000, KILLS * 12_000)),
  );
});
