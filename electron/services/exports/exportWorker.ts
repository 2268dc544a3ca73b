/**
 * The export's worker thread (issue 10: "an export of 100,000 readings finishes without freezing
 * the UI"). It opens its own read-only connection (WAL: it sees what was committed, blocks no
 * writer), queries through the same repository, writes the file and posts
 * progress. Neither the query nor the writing runs on the app's main thread; only the requested
 * format's writer loads. The desktop build bundles this file as out/main/exportWorker.cjs.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { ExportFilter, ExportFormat } from '../../../shared/contract/supervisorEntities';
import type { ReportLanguage } from '../../../shared/i18n/reportWords';
import { createExportRowsRepository, type ExportHalf } from '../store/repositories/exportRows';
import { exportSource, writeFormat } from './writers';

export interface WorkerJob {
  databasePath: string;
  /** better_sqlite3.node for the running ABI (the desktop app's Electron build). */
  nativeBinding?: string | undefined;
  format: ExportFormat;
  filter: ExportFilter;
  path: string;
  filterText: string;
  /** The PDF report's language (shared/i18n/reportWords.ts). */
  language?: ReportLanguage | undefined;
  /** Only this half of the rows (a CSV export split over two workers). */
  half?: ExportHalf | undefined;
  /** Preparing the worker: write this many CSV records of the query to `path` (the null device), no progress. */
  warmUp?: number | undefined;
}
export type WorkerMessage =
  | { kind: 'total'; total: number }
  | { kind: 'progress'; done: number }
  | { kind: 'done'; rows: number }
  | { kind: 'failed'; message: string };

const post = (m: WorkerMessage) => parentPort?.postMessage(m);

/** The first `n` items; leaving early closes the statement's iterator before the connection closes. */
function* firstOf<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let i = 0;
  for (const item of items) {
    yield item;
    if (++i >= n) return;
  }
}

async function run(job: WorkerJob): Promise<number> {
  const db = new Database(job.databasePath, {
    readonly: true,
    fileMustExist: true,
    ...(job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}),
  });
  try {
    const source = exportSource(createExportRowsRepository(db), job.filter, job.half, true);
    if (job.warmUp !== undefined)
      return await (await import('./csvWriter')).writeCsv(firstOf(source.csvRecords().records, job.warmUp), job.path, {});
    return await writeFormat(job.format, source, job.path, {
      filterText: job.filterText,
      language: job.language,
      header: !job.half?.second,
      onTotal: (total) => post({ kind: 'total', total }),
      onProgress: (done) => post({ kind: 'progress', done }),
    });
  } finally {
    db.close();
  }
}

const serve = (job: WorkerJob) =>
  run(job).then(
    (rows) => post({ kind: 'done', rows }),
    (error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );

// The first job comes with the thread; a thread kept for the next export gets its job as a message (exportInWorker.ts).
void serve(workerData as WorkerJob);
parentPort?.on('message', (job: WorkerJob) => void serve(job));
