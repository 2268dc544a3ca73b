/**
 * Foundation benchmarks. Each measurement is paired with a baseline taken in the same run on
 * the same machine, and the ratio is what we track (these machines are noisy).
 *
 *   npm run bench  → bench/results/foundation.json and the table in bench/README.md
 */
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { parseRouteCsv } from '../electron/services/routes/routeCsv';
import { importRoute } from '../electron/services/routes/importRoute';
import { saveManualReadings } from '../electron/services/readings/saveReadings';
import { openStore } from '../electron/services/store';
import { defaultValidationSettings } from '../shared/domain/readingValidation';

process.env.FIELDMETER_LOG = 'silent';
const KWH = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
const actor = { name: 'bench', role: 'technician' } as const;
const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-bench-'));

function routeCsv(stops: number): string {
  const lines = ['route_id,sequence,usage_point_id,address,meter_serial,reading_type,dials,last_read,last_read_date'];
  for (let i = 1; i <= stops; i++) lines.push(`BIG,${i},UP-${i},"${i} Long Road",E${i},${KWH},6,${i % 999999},2026-10-01`);
  return lines.join('\n');
}

function time(fn: () => void, repeat = 1): number {
  const start = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - start) / repeat;
}

const STOPS = 100_000;
const content = routeCsv(STOPS);
const rss0 = process.memoryUsage().rss;

// 1. Import 100k stops through the full importer vs the same rows as bare prepared inserts.
const store = openStore(join(dir, 'fieldmeter.db'));
const importMs = time(() => importRoute(store, actor, { fileName: 'big.csv', content, acceptValidRows: false }));
const parseMs = time(() => parseRouteCsv(content));
const raw = new Database(join(dir, 'raw.db'));
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = FULL'); // the same durability the store uses
raw.exec('CREATE TABLE t (route TEXT, seq INTEGER, up TEXT, address TEXT, serial TEXT, rt TEXT, dials INTEGER, last TEXT, date TEXT)');
const rows = content.split('\n').slice(1).map((l) => l.split(','));
const insert = raw.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
const rawMs = time(() => raw.transaction(() => rows.forEach((r) => insert.run(...r)))());
const rssAfterImport = process.memoryUsage().rss;

// 2. Route list: the whole 100k list vs a search; an indexed lookup as the floor.
const listMs = time(() => store.meters.listForRoute('BIG', ''), 3);
const searchMs = time(() => store.meters.listForRoute('BIG', 'E99999'), 10);
const getMs = time(() => store.meters.get('UP-54321'), 200);

// 3. Saving one visit (reading set + audit + outbox in one transaction) vs one bare insert transaction.
const meter = store.meters.get('UP-12345')!;
let n = 0;
const saveContext = { settings: defaultValidationSettings, photoDir: join(dir, 'photos') };
const saveMs = time(() => saveManualReadings(store, actor, { usagePointId: 'UP-12345', values: [{ registerId: meter.registers[0]!.id, value: String(12345 + n++) }] }, saveContext), 200);
const bareSaveMs = time(() => raw.transaction(() => insert.run('x', 1, 'u', 'a', 's', 'r', 6, '1', 'd'))(), 200);

const results = {
  machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
  stops: STOPS,
  importMs: Math.round(importMs),
  parseCsvMs: Math.round(parseMs),
  rawInsertMs: Math.round(rawMs),
  importVsRawInsert: +(importMs / rawMs).toFixed(2),
  listAllMs: +listMs.toFixed(1),
  searchMs: +searchMs.toFixed(2),
  getMeterMs: +getMs.toFixed(3),
  searchVsListAll: +(searchMs / listMs).toFixed(3),
  saveVisitMs: +saveMs.toFixed(3),
  bareInsertTxMs: +bareSaveMs.toFixed(3),
  saveVsBareInsert: +(saveMs / bareSaveMs).toFixed(2),
  rssGrowthDuringImportMiB: Math.round((rssAfterImport - rss0) / 2 ** 20),
};
store.close();
raw.close();
rmSync(dir, { recursive: true, force: true });

const outDir = join(import.meta.dirname, 'results');
writeFileSync(join(outDir, 'foundation.json'), JSON.stringify({ date: new Date().toISOString(), ...results }, null, 2) + '\n');
process.stdout.write(JSON.stringify(results, null, 2) + '\n');

const table = [
  '| measurement | value | baseline in the same run | ratio |',
  '|---|---|---|---|',
  `| import ${STOPS.toLocaleString('en')} stops (CSV parse + validate + one transaction) | ${results.importMs} ms | bare prepared inserts: ${results.rawInsertMs} ms | ${results.importVsRawInsert}× |`,
  `| route list, all ${STOPS.toLocaleString('en')} stops | ${results.listAllMs} ms | — | — |`,
  `| route search by serial | ${results.searchMs} ms | whole list: ${results.listAllMs} ms | ${results.searchVsListAll}× |`,
  `| open one meter (meters.get) | ${results.getMeterMs} ms | — | — |`,
  `| save one visit (readings + audit + outbox, synchronous=FULL) | ${results.saveVisitMs} ms | bare one-row transaction: ${results.bareInsertTxMs} ms | ${results.saveVsBareInsert}× |`,
  `| memory growth while importing | ${results.rssGrowthDuringImportMiB} MiB RSS | — | — |`,
].join('\n');
const readmePath = join(import.meta.dirname, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
const marked = /<!-- results:start -->[\s\S]*<!-- results:end -->/;
writeFileSync(readmePath, readme.replace(marked, `<!-- results:start -->\n${table}\n<!-- results:end -->`));
