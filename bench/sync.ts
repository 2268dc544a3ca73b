/**
 * Sync benchmark (issue 7): 10,000 pending readings queued through the real services (route
 * import + saveManualReadings; timed apart, not part of the target), then built into messages
 * and sent by the real sync run over HTTP to the enterprise simulator on 127.0.0.1, which parses
 * and stores each one; then the simulator checks everything it stored against the schemas
 * (xmllint; GET /validate) and every message must be valid. Target: sync + that check ≤ 5 s.
 * Baselines in the same run: the raw HTTP round-trip rate of the same server (GET /ping, same
 * concurrency, keep-alive), and the same outbox synced to a simulator that validates each message
 * before its reply (`--validate inline`). BEFORE holds what this benchmark measured before the
 * sync path was reworked (one file per stored message, inline validation, two parses per
 * message). Two shapes: 4 coincident readings per visit (2,500 messages, as bench/cim.ts) and 1
 * reading per visit (10,000 messages).
 *
 *   npx tsx bench/sync.ts  → bench/results/sync.json
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importRoute } from '../electron/services/routes/importRoute';
import { saveManualReadings } from '../electron/services/readings/saveReadings';
import { openStore } from '../electron/services/store';
import { listRejected } from '../electron/services/sync';
import { runSync } from '../electron/services/sync/run';
import { createTransport } from '../electron/services/sync/transport';
import { defaultValidationSettings } from '../shared/domain/readingValidation';

process.env.FIELDMETER_LOG ??= 'silent';
const READINGS = 10_000;
const CONCURRENCY = Number(process.env.BENCH_SYNC_CONCURRENCY ?? 128);
const TARGET_MS = 5000;
const xsdDir = resolve(process.env.FIELDMETER_CIM_XSD_DIR ?? join(import.meta.dirname, '..', '..', 'shared', 'cim'));
const xmllint = spawnSync('xmllint', ['--version']).status === 0;
const validating = xmllint && existsSync(xsdDir);
const skipped = validating
  ? null
  : xmllint
    ? `no schemas at ${xsdDir}: messages were not schema-validated`
    : 'xmllint not installed: messages were not schema-validated';

/** Measured by this benchmark on 2026-11-23 before the rework (bench/results/sync.json then): sync and queueing, ms. */
const BEFORE: Readonly<Record<number, { syncMs: number; queueMs: number }>> = {
  4: { syncMs: 9760, queueMs: 4050 },
  1: { syncMs: 21104, queueMs: 8176 },
};

const header =
  'route_id,route_name,sequence,usage_point_id,address,meter_serial,reading_type,register_label,dials,decimals,multiplier,last_read,last_read_date';

function routeCsv(meters: number, perVisit: number): string {
  const lines = [header];
  for (let m = 1; m <= meters; m++) {
    for (let t = 1; t <= perVisit; t++) {
      const type = perVisit === 1 ? '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0' : `0.0.0.1.1.1.12.0.0.0.0.${t}.0.0.0.3.72.0`;
      lines.push(`B1,Bench,${m},UP-${m},"${m} Bench Road",E${100000 + m},${type},T${t},7,0,1,${1000 + t},2026-10-01`);
    }
  }
  return lines.join('\n') + '\n';
}

/** The simulator in its own process (`fieldmeter simulate enterprise`), as the enterprise would be: it gets its own core. */
async function startSimulatorProcess(storeDir: string, validation: 'inline' | 'after') {
  const args = [
    join(import.meta.dirname, '..', 'bin', 'fieldmeter.mjs'),
    'simulate',
    'enterprise',
    '--store',
    storeDir,
    '--json',
    ...(validating ? ['--xsd-dir', xsdDir, '--validate', validation] : []),
  ];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, FIELDMETER_CIM_XSD_DIR: '' },
  });
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  const { url } = JSON.parse(first.value as string) as { url: string };
  return {
    url,
    stats: async () => (await (await fetch(new URL('/stats', url))).json()) as { accepted: number; cpuMs: number },
    validateStored: async () => (await (await fetch(new URL('/validate', url))).json()) as { checked: number; invalid: unknown[] },
    close: () => child.kill('SIGTERM'),
  };
}

/** Raw round trips: GET /ping with the same concurrency and keep-alive. */
async function pingRate(url: string, count: number): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const once = () =>
    new Promise<void>((done, fail) => {
      http.get(new URL('/ping', url), { agent }, (res) => res.resume().on('end', () => done())).on('error', fail);
    });
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < count) await once();
    }),
  );
  const ms = performance.now() - start;
  agent.destroy();
  return (count / ms) * 1000;
}

/** One sync of the outbox in `db` to a simulator process; with validation 'after', the schema check over what it stored is timed too. */
async function syncTo(db: string, storeDir: string, validation: 'inline' | 'after') {
  const store = openStore(db);
  const messages = store.outbox.counts().pending;
  const sim = await startSimulatorProcess(storeDir, validation);
  try {
    const transport = createTransport({
      endpoint: sim.url,
      auth: { kind: 'none' },
      timeoutMs: 30_000,
      maxReplyBytes: 1024 * 1024,
      maxSockets: CONCURRENCY,
    });
    const simCpu0 = (await sim.stats()).cpuMs;
    const syncStart = performance.now();
    const cpu0 = process.cpuUsage();
    const summary = await runSync(store, {
      post: transport.post,
      envelope: { source: 'FIELDMETER-BENCH' },
      batchSize: 1000,
      concurrency: CONCURRENCY,
    });
    const syncMs = performance.now() - syncStart;
    const cpu = process.cpuUsage(cpu0);
    transport.close();
    const stats = await sim.stats();
    // CPU time of both sides during the sync: what the run costs, whatever else the machine is doing.
    const cpuMs = { client: Math.round((cpu.user + cpu.system) / 1000), simulator: stats.cpuMs - simCpu0 };
    if (summary.accepted !== messages || stats.accepted !== messages)
      throw new Error(`not all accepted: ${JSON.stringify(summary)} ${JSON.stringify(stats)} ${listRejected(store)[0]?.errorText ?? ''}`);
    let validateMs = 0;
    if (validating && validation === 'after') {
      const start = performance.now();
      const verdict = await sim.validateStored();
      validateMs = performance.now() - start;
      if (verdict.checked !== messages || verdict.invalid.length > 0)
        throw new Error(`schema check after the run: ${JSON.stringify(verdict).slice(0, 500)}`);
    }
    const raw = validation === 'after' ? await pingRate(sim.url, Math.max(messages, 5000)) : 0;
    return { messages, syncMs, validateMs, raw, cpuMs };
  } finally {
    sim.close();
    store.close();
  }
}

async function scenario(perVisit: number) {
  const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-bench-sync-'));
  try {
    const meters = READINGS / perVisit;
    const db = join(dir, 'fm.db');
    const store = openStore(db);
    const actor = { name: 'bench', role: 'technician' } as const;
    const queueStart = performance.now();
    importRoute(store, actor, { fileName: 'bench.csv', content: routeCsv(meters, perVisit), acceptValidRows: false });
    for (let m = 1; m <= meters; m++) {
      const meter = store.meters.get(`UP-${m}`)!;
      const values = meter.registers.map((r) => ({ registerId: r.id, value: String(Number(r.lastValue ?? '0') + 10) }));
      saveManualReadings(
        store,
        actor,
        { usagePointId: meter.usagePointId, values },
        { settings: defaultValidationSettings, photoDir: join(dir, 'photos') },
      );
    }
    const queueMs = performance.now() - queueStart;
    store.close();
    // The same outbox twice: once for the run measured, once for the inline-validation baseline.
    copyFileSync(db, join(dir, 'inline.db'));

    const after = await syncTo(db, join(dir, 'enterprise'), 'after');
    const inline = await syncTo(join(dir, 'inline.db'), join(dir, 'enterprise-inline'), 'inline');
    const totalMs = after.syncMs + after.validateMs;
    const perSecond = (after.messages / after.syncMs) * 1000;
    const before = BEFORE[perVisit]!;
    return {
      readingsPerVisit: perVisit,
      readings: READINGS,
      messages: after.messages,
      queueMs: Math.round(queueMs),
      syncMs: Math.round(after.syncMs),
      validateMs: Math.round(after.validateMs),
      totalMs: Math.round(totalMs),
      withinTarget: totalMs <= TARGET_MS,
      messagesPerSecond: Math.round(perSecond),
      readingsPerSecond: Math.round((READINGS / totalMs) * 1000),
      rawRoundTripsPerSecond: Math.round(after.raw),
      ratioToRawRoundTrip: Number((perSecond / after.raw).toFixed(3)),
      inlineValidationSyncMs: Math.round(inline.syncMs),
      ratioToInlineValidation: Number((totalMs / inline.syncMs).toFixed(3)),
      beforeSyncMs: before.syncMs,
      ratioToBefore: Number((totalMs / before.syncMs).toFixed(3)),
      cpuMs: after.cpuMs,
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
      schemaValidated: validating,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = [await scenario(4), await scenario(1)];
const out = {
  date: new Date().toISOString(),
  node: process.version,
  targetMs: TARGET_MS,
  concurrency: CONCURRENCY,
  skipped,
  scenarios: results,
};
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'results', 'sync.json'), JSON.stringify(out, null, 2) + '\n');
process.stdout.write(JSON.stringify(out, null, 2) + '\n');
