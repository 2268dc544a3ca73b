/**
 * The export's worker thread (issue 10: "an export of 100,000 readings finishes without freezing
 * the UI"). It opens its own read-only connection (WAL: it sees what was committed, blocks no
 * writer), queries through the same repository, writes the file and posts progress. Neither the
 * query nor the writing runs on the app's main thread; only the requested format's writer loads.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { ExportFilter, ExportFormat } from '../../../shared/contract/supervisorEntities';
import { createExportRowsRepository } from '../store/repositories/exportRows';
import { writeFormat } from './writers';

export interface WorkerJob {
  databasePath: string;
  format: ExportFormat;
  filter: ExportFilter;
  path: string;
  filterText: string;
}
export type WorkerMessage = { kind: 'total'; total: number } | { kind: 'progress'; done: number } | { kind: 'done'; rows: number } | { kind: 'failed'; message: string };

const post = (m: WorkerMessage) => parentPort?.postMessage(m);
const job = workerData as WorkerJob;

async function run(): Promise<number> {
  const db = new Database(job.databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = createExportRowsRepository(db).list(job.filter);
    post({ kind: 'total', total: rows.length });
    return await writeFormat(job.format, rows, job.path, { filterText: job.filterText, onProgress: (done) => post({ kind: 'progress', done }) });
  } finally {
    db.close();
  }
}

run().then(
  (rows) => post({ kind: 'done', rows }),
  (error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
