/**
 * Route and reading benchmarks. Each measurement is paired with a baseline taken in the same
 * run on the same machine, and the ratio is what we track (these machines are noisy).
 *
 *   npx tsx bench/run.ts  → bench/results/foundation.json (bench/report.ts turns it into bench/README.md)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importRoute, writeRouteRows } from '../electron/services/routes/importRoute';
import { parseRouteCsv } from '../electron/services/routes/routeCsv';
import { saveManualReadings } from '../electron/services/readings/saveReadings';
import { openStore } from '../electron/services/store';
import { openDatabase } from '../electron/services/store/database';
import { buildSearchIndex, searchStops } from '../shared/domain/meterSearch';
import { defaultValidationSettings } from '../shared/domain/readingValidation';

process.env.FIELDMETER_LOG = 'silent';
const KWH = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
const actor = { name: 'bench', role: 'technician' } as const;
const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-bench-'));
const STOPS = 100_000;

function routeCsv(stops: number): string {
  const lines = [
    'route_id,sequence,usage_point_id,address,meter_serial,reading_type,dials,last_read,last_read_date,average_daily_use,account_id',
  ];
  for (let i = 1; i <= stops; i++)
    lines.push(`BIG,${i},UP-${i},"${i} Long Road",E${i},${KWH},6,${i % 999999},2026-10-01,${(i % 40) + 1},ACC-${i * 7}`);
  return lines.join('\n');
}

const time = (fn: () => void): number => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

const content = routeCsv(STOPS);
const rss0 = process.memoryUsage().rss;

// 1. Import: the whole importer (CSV → checks → one transaction) against bare INSERTs of the same
//    rows into the same tables (same schema and indexes, no checks, no upserts), one transaction.
const { rows } = parseRouteCsv(content);
function rawInsert(): number {
  const { db } = openDatabase(join(dir, `raw-${Math.random()}.db`));
  const up = db.prepare('INSERT INTO usage_points (id, address, account_id) VALUES (?, ?, ?)');
  const dev = db.prepare('INSERT INTO end_devices (serial_number, usage_point_id) VALUES (?, ?)');
  const reg = db.prepare(
    'INSERT INTO registers (end_device_id, reading_type, label, dials, last_value, last_read_at, average_daily_use) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const route = db.prepare("INSERT INTO routes (id, name, imported_at, source_file) VALUES ('BIG', 'BIG', 'now', 'x')");
  const stop = db.prepare('INSERT INTO route_stops (route_id, sequence, usage_point_id) VALUES (?, ?, ?)');
  const ms = time(() =>
    db.transaction(() => {
      route.run();
      for (const r of rows) {
        up.run(r.usagePointId, r.address, r.accountId);
        const id = dev.run(r.meterSerial, r.usagePointId).lastInsertRowid;
        reg.run(id, r.readingType, r.label, r.dials, r.lastValue, r.lastReadAt, r.averageDailyUse);
        stop.run('BIG', r.sequence, r.usagePointId);
      }
    })(),
  );
  db.close();
  return ms;
}
// Interleaved rounds, medians: the machine's load changes during a run, and this way it hits both sides alike.
const median = (xs: number[]) => percentile(xs, 50);
const rawRuns: number[] = [];
const writeRuns: number[] = [];
const importRuns: number[] = [];
const parseRuns: number[] = [];
let store = openStore(join(dir, 'warm-up.db'));
// Five rounds: the host of these virtual machines changes speed within a minute.
for (let round_ = 0; round_ < 5; round_++) {
  rawRuns.push(rawInsert());
  const writeOnlyStore = openStore(join(dir, `write-only-${round_}.db`));
  writeRuns.push(time(() => writeRouteRows(writeOnlyStore, actor, rows, { fileName: 'big.csv' })));
  writeOnlyStore.close();
  parseRuns.push(time(() => parseRouteCsv(content)));
  store.close();
  store = openStore(join(dir, `fieldmeter-${round_}.db`));
  importRuns.push(time(() => importRoute(store, actor, { fileName: 'big.csv', content, acceptValidRows: false })));
}
const rawMs = median(rawRuns);
const writeMs = median(writeRuns);
const parseMs = median(parseRuns);
const importMs = median(importRuns);
const rssAfterImport = process.memoryUsage().rss;

// 2. Search as the technician types: filtering the route in memory, per keystroke, against the
//    same search through SQLite (what the CLI and a cold list use).
const all = store.meters.listForRoute('BIG', '');
const index = buildSearchIndex(all);
const typed = ['E', 'E9', 'E98', 'E987', 'E9876', 'L', 'Lo', 'Lon', 'Long', '4', '42', '421', 'ACC-7', 'UP-5', 'UP-55'];
const keystrokes: number[] = [];
const sqlKeystrokes: number[] = [];
for (let round_ = 0; round_ < 5; round_++) {
  for (const q of typed) keystrokes.push(time(() => searchStops(index, q)));
}
for (const q of typed) sqlKeystrokes.push(time(() => store.meters.listForRoute('BIG', q)));
const listAllMs = time(() => store.meters.listForRoute('BIG', ''));

// 3. Opening a meter (meters.get) at random stops.
const opens: number[] = [];
for (let i = 0; i < 300; i++) {
  const id = `UP-${1 + Math.floor(Math.random() * STOPS)}`;
  opens.push(time(() => store.meters.get(id)));
}

// 4. Saving one visit (checks + readings + stop status + audit + outbox, synchronous=FULL) against
//    one bare single-row insert transaction on the same database.
const meter = store.meters.get('UP-12345')!;
const context = { settings: defaultValidationSettings, photoDir: join(dir, 'photos') };
let n = 0;
const saves: number[] = [];
for (let i = 0; i < 100; i++) {
  saves.push(
    time(() =>
      saveManualReadings(
        store,
        actor,
        { usagePointId: 'UP-12345', values: [{ registerId: meter.registers[0]!.id, value: String(12345 + n++) }] },
        context,
      ),
    ),
  );
}
const bare = store.db.prepare("INSERT INTO settings (key, value) VALUES (?, 'x')");
const bareSaves: number[] = [];
for (let i = 0; i < 100; i++) bareSaves.push(time(() => store.transaction(() => bare.run(`bench-${i}`))));
store.close();
rmSync(dir, { recursive: true, force: true });

const results = {
  machine: { node: process.version, cpus: cpus().length },
  stops: STOPS,
  import: {
    wholeImportMs: Math.round(importMs),
    parseAndCheckCsvMs: Math.round(parseMs),
    writeRowsMs: Math.round(writeMs),
    rawInsertMs: Math.round(rawMs),
    wholeImportVsRawInsert: round(importMs / rawMs),
    writeRowsVsRawInsert: round(writeMs / rawMs),
    rssGrowthMiB: Math.round((rssAfterImport - rss0) / 2 ** 20),
  },
  search: {
    keystrokes: keystrokes.length,
    inMemoryP50Ms: round(percentile(keystrokes, 50), 3),
    inMemoryP95Ms: round(percentile(keystrokes, 95), 3),
    sqliteP95Ms: round(percentile(sqlKeystrokes, 95), 1),
    inMemoryVsSqliteP95: round(percentile(keystrokes, 95) / percentile(sqlKeystrokes, 95), 3),
    listWholeRouteMs: round(listAllMs, 1),
  },
  openMeter: { p50Ms: round(percentile(opens, 50), 3), p95Ms: round(percentile(opens, 95), 3) },
  saveVisit: {
    p50Ms: round(percentile(saves, 50), 3),
    bareTransactionP50Ms: round(percentile(bareSaves, 50), 3),
    ratio: round(percentile(saves, 50) / percentile(bareSaves, 50)),
  },
};

const outDir = join(import.meta.dirname, 'results');
writeFileSync(join(outDir, 'foundation.json'), JSON.stringify({ date: new Date().toISOString(), ...results }, null, 2) + '\n');
process.stdout.write(JSON.stringify(results, null, 2) + '\n');
