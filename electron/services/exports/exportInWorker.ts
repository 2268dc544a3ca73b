/**
 * Runs the file writing of an export on a worker thread, with progress and cancel (issue 10).
 * From a source checkout (CLI, web host: TypeScript through tsx) the worker loads tsx first; where
 * the worker module is not on disk (the bundled Electron main), it writes on this thread instead,
 * still yielding progress — see the report of issue 10 for bundling the worker.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/result';
import type { ExportFormat } from '../../../shared/contract/supervisorEntities';
import type { ExportRow } from '../store/repositories/exportRows';
import type { WorkerJob, WorkerMessage } from './exportWorker';
import { writeFormat, type WriteOptions } from './writers';

const workerUrl = new URL('./exportWorker.ts', import.meta.url);

function workerAvailable(): boolean {
  try {
    return workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));
  } catch {
    return false;
  }
}

/** The worker's bootstrap: register tsx's loader, then import the worker module. */
function bootstrap(): string {
  // The ESM entry of tsx/esm/api from tsx's own exports map (require.resolve would pick the CJS one).
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsxApi = pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
  return `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
}

/** Below these row counts the file is written faster here than a worker starts. */
export const inThreadBelow: Readonly<Record<ExportFormat, number>> = { csv: 5000, xml: 5000, pdf: 200 };

const cancelled = () => new AppError('VALIDATION', 'The export was cancelled; no file was kept.');
const failed = (message: string) => new AppError('INTERNAL', `The export failed: ${message}. Nothing was changed; try again.`);

/**
 * Writes the export file. `expected` (a cheap upper bound) decides where: on this thread for small
 * sets, else on a worker that queries its own read-only connection and writes the file.
 */
export async function writeExportFile(
  job: Omit<WorkerJob, 'filterText'> & { filterText: string; expected: number; loadRows(): ExportRow[] },
  options: WriteOptions & { readonly workerFrom?: number | undefined; onTotal?(total: number): void },
): Promise<number> {
  if (options.signal?.aborted) throw cancelled();
  if (job.expected < (options.workerFrom ?? inThreadBelow[job.format]) || !workerAvailable()) {
    const rows = job.loadRows();
    options.onTotal?.(rows.length);
    return writeFormat(job.format, rows, job.path, { ...options, filterText: job.filterText });
  }
  const workerData: WorkerJob = { databasePath: job.databasePath, format: job.format, filter: job.filter, path: job.path, filterText: job.filterText };
  const worker = new Worker(bootstrap(), { eval: true, workerData });
  return new Promise<number>((resolve, reject) => {
    options.signal?.addEventListener('abort', () => void worker.terminate().then(() => reject(cancelled())), { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'total') options.onTotal?.(m.total);
      else if (m.kind === 'progress') options.onProgress?.(m.done);
      else if (m.kind === 'done') resolve(m.rows);
      else reject(failed(m.message));
      if (m.kind === 'done' || m.kind === 'failed') void worker.terminate();
    });
    worker.on('error', (error) => reject(failed(error.message)));
  });
}
