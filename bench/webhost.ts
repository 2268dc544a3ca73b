/**
 * Memory of the web host with a 100,000-meter route (issue 11, target < 300 MB RSS).
 * The host runs as its own process, exactly as `npm start` runs it where Electron cannot;
 * the route goes in through the API (routes.import) and comes back whole through meters.list.
 * RSS is read from /proc/<pid>/status: VmRSS at each step and VmHWM, the peak.
 *
 *   npx tsx bench/webhost.ts   → bench/results/webhost.json
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bigRouteCsv } from '../test/support/reliability/bigRoute';
import { startHostProcess } from '../test/support/reliability/webHostProcess';

const METERS = 100_000;
const TARGET_BYTES = 300 * 1024 * 1024;
const MB = 1024 * 1024;

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-bench-webhost-'));
const host = await startHostProcess({ db: join(dir, 'fm.db'), workDir: dir });
const pid = host.child.pid!;

/** A fresh host over the database that already holds the route: what listing alone costs. */
async function listOnly() {
  const fresh = await startHostProcess({ db: join(dir, 'fm.db'), workDir: dir });
  try {
    const afterStart = memory(fresh.child.pid!);
    const t = performance.now();
    const listed = await fresh.call('meters.list', { routeId: 'BIG' });
    const listMs = performance.now() - t;
    if ((listed.json as { value: unknown[] }).value.length !== METERS) throw new Error('meters.list incomplete');
    const after = memory(fresh.child.pid!);
    return {
      listMs: Math.round(listMs),
      rssAfterStartMB: +(afterStart.rss / MB).toFixed(1),
      rssAfterListMB: +(after.rss / MB).toFixed(1),
      peakRssMB: +(after.peak / MB).toFixed(1),
    };
  } finally {
    await fresh.kill('SIGKILL');
  }
}

try {
  const afterStart = memory(pid);
  const content = bigRouteCsv('BIG', METERS);
  let t = performance.now();
  const imported = await host.call('routes.import', { fileName: 'big.csv', content });
  const importMs = performance.now() - t;
  if (!(imported.json as { ok: boolean }).ok) throw new Error(`import failed: ${JSON.stringify(imported.json).slice(0, 300)}`);
  const afterImport = memory(pid);
  t = performance.now();
  const listed = await host.call('meters.list', { routeId: 'BIG' });
  const listMs = performance.now() - t;
  const items = (listed.json as { ok: boolean; value: unknown[] }).value;
  if (items?.length !== METERS) throw new Error(`meters.list returned ${items?.length} of ${METERS}`);
  const afterList = memory(pid);
  // A second listing shows whether memory keeps growing or is reused.
  await host.call('meters.list', { routeId: 'BIG' });
  const afterSecondList = memory(pid);
  await host.kill('SIGKILL');
  const restarted = await listOnly();

  const result = {
    benchmark: 'webhost-memory',
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      totalMemMB: Math.round(totalmem() / MB),
    },
    meters: METERS,
    csvMB: +(Buffer.byteLength(content) / MB).toFixed(1),
    importMs: Math.round(importMs),
    listMs: Math.round(listMs),
    listResponseMB: +(Buffer.byteLength(JSON.stringify(listed.json)) / MB).toFixed(1),
    rssMB: {
      afterStart: +(afterStart.rss / MB).toFixed(1),
      afterImport: +(afterImport.rss / MB).toFixed(1),
      afterList: +(afterList.rss / MB).toFixed(1),
      afterSecondList: +(afterSecondList.rss / MB).toFixed(1),
    },
    /** VmHWM just after the import: the import's own peak. */
    peakAfterImportMB: +(afterImport.peak / MB).toFixed(1),
    peakRssMB: +(afterSecondList.peak / MB).toFixed(1),
    /** The route already in the database (imported earlier), a fresh host lists it whole. */
    listOnlyAfterRestart: restarted,
    targetMB: TARGET_BYTES / MB,
    pass: afterSecondList.peak < TARGET_BYTES && restarted.peakRssMB * MB < TARGET_BYTES,
  };
  const out = join(import.meta.dirname, 'results', 'webhost.json');
  writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nwritten to ${out}\n`);
  if (!result.pass) process.exitCode = 1;
} finally {
  await host.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
}
