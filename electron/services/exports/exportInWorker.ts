/**
 * Runs the file writing of an export on a worker thread, with progress and cancel (issue 10).
 * The desktop app passes its built worker (out/main/exportWorker.cjs, plain JavaScript: it starts
 * in a fraction of the time); the built CLI (out/cli, scripts/build-cli.mjs) has its worker next to
 * its own files; from a source checkout (web host, tests: TypeScript through tsx) the worker loads
 * tsx first. Where none is on disk, it writes on this thread, still with progress.
 */
import { createReadStream, createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, devNull, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/contract/result';
import type { ExportFormat } from '../../../shared/contract/supervisorEntities';
import { createLogger } from '../log';
import type { ExportHalf } from '../store/repositories/exportRows';
import type { WorkerJob, WorkerMessage } from './exportWorker';
import { writeFormat, type ExportSource } from './writers';
import { finish, write, type WriteOptions } from './writeStream';

const log = createLogger('export');
const sourceWorker = new URL('./exportWorker.ts', import.meta.url);
/** In the built CLI this module is part of a chunk in out/cli, beside the worker's own entry. */
const bundledWorker = new URL('./exportWorker.mjs', import.meta.url);

/** Where the worker comes from: the built file the host names, else the TypeScript source. */
export interface WorkerLocation {
  /** A built worker module (the desktop app's out/main/exportWorker.cjs). */
  readonly builtWorker?: string | undefined;
  /** better_sqlite3.node for the running ABI, passed on to the worker's connection. */
  readonly nativeBinding?: string | undefined;
}

/** The worker's bootstrap for the TypeScript source: register tsx's loader, then import the worker module. */
function tsxBootstrap(): string {
  // The ESM entry of tsx/esm/api from tsx's own exports map (require.resolve would pick the CJS one).
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const tsxApi = pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
  return `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(sourceWorker.href)}); });`;
}

function workerScript(location: WorkerLocation): { script: string; eval: boolean } | null {
  if (location.builtWorker) {
    if (existsSync(location.builtWorker)) return { script: resolve(location.builtWorker), eval: false };
    log.warn(`the export worker ${location.builtWorker} is missing; writing on this thread`);
    return null;
  }
  try {
    if (bundledWorker.protocol === 'file:' && existsSync(fileURLToPath(bundledWorker)))
      return { script: fileURLToPath(bundledWorker), eval: false };
    if (sourceWorker.protocol === 'file:' && existsSync(fileURLToPath(sourceWorker))) return { script: tsxBootstrap(), eval: true };
  } catch {
    // Bundled without the source next to it: write on this thread.
  }
  return null;
}

/** Below these row counts the file is written faster here than a worker starts. */
export const inThreadBelow: Readonly<Record<ExportFormat, number>> = { csv: 5000, xml: 5000, pdf: 200 };
/** From this many rows a CSV export is split over two workers (with a core to spare), each querying and writing half. */
export const splitCsvFrom = 20_000;
/**
 * Each half's query still joins every reading before it keeps its half, so two workers cost more
 * CPU than one. Each half takes about half the time of the whole, so with a core free for each the
 * file is done sooner; on a busy machine it is not (measured: 1.3× slower on 2 cores at a load of
 * 14). Windows reports no load average: there it splits.
 */
const coreToSpare = () => availableParallelism() > 1 && (loadavg()[0] ?? 0) < availableParallelism() - 1;

const cancelled = () => new AppError('VALIDATION', 'The export was cancelled; no file was kept.', { reason: 'exportCancelled' });
const failed = (message: string) => new AppError('INTERNAL', `The export failed: ${message}. Nothing was changed; try again.`);

interface WorkerRun {
  readonly signal: AbortSignal;
  onTotal(total: number): void;
  onProgress(done: number): void;
}

/**
 * A worker that finished an export waits for the next one for a while: a new thread writes its
 * first 100,000 rows before V8 has optimised the SQLite and CSV paths (measured: about a third of
 * the export's CPU time). Idle threads are unref'd (they keep no process alive) and end after
 * KEEP_WARM_MS; one that failed or was cancelled is terminated, never kept.
 */
const KEEP_WARM_MS = 60_000;
/** Enough for a CSV export split over two workers. */
const KEEP_AT_MOST = 2;
const idle: { thread: Worker; script: string; timer: NodeJS.Timeout; drop(): void }[] = [];

/** How many finished workers wait for the next export. */
export const keptWorkers = (): number => idle.length;

/** Ends every waiting worker (the next export starts a cold one). */
export async function endKeptWorkers(): Promise<void> {
  const threads = idle.splice(0).map((w) => {
    clearTimeout(w.timer);
    w.thread.off('error', w.drop).off('exit', w.drop);
    return w.thread.terminate();
  });
  await Promise.all(threads);
}

function startWorker(script: { script: string; eval: boolean }, workerData: WorkerJob): Worker {
  const i = idle.findIndex((w) => w.script === script.script);
  if (i < 0) {
    // The built worker is plain JavaScript: it needs none of this process's loaders (tsx for the CLI,
    // the web host and the bench), which would load and compile in the worker before its first row.
    return new Worker(script.script, { eval: script.eval, workerData, ...(script.eval ? {} : { execArgv: [] }) });
  }
  const kept = idle.splice(i, 1)[0]!;
  clearTimeout(kept.timer);
  kept.thread.off('error', kept.drop).off('exit', kept.drop).ref();
  kept.thread.postMessage(workerData);
  return kept.thread;
}

function keepWarm(thread: Worker, script: string): void {
  const drop = () => {
    const i = idle.findIndex((w) => w.thread === thread);
    if (i >= 0) clearTimeout(idle.splice(i, 1)[0]!.timer);
    void thread.terminate();
  };
  thread.on('error', drop).on('exit', drop).unref();
  idle.push({ thread, script, drop, timer: setTimeout(drop, KEEP_WARM_MS).unref() });
}

function runWorker(script: { script: string; eval: boolean }, workerData: WorkerJob, run: WorkerRun): Promise<number> {
  const thread = startWorker(script, workerData);
  return new Promise<number>((resolve, reject) => {
    const abort = () => void thread.terminate().then(() => reject(cancelled()));
    run.signal.addEventListener('abort', abort, { once: true });
    const settle = (kept: boolean) => {
      run.signal.removeEventListener('abort', abort);
      thread.off('message', onMessage).off('error', onError);
      if (kept && idle.length < KEEP_AT_MOST) keepWarm(thread, script.script);
      else void thread.terminate();
    };
    const onMessage = (m: WorkerMessage) => {
      if (m.kind === 'total') run.onTotal(m.total);
      else if (m.kind === 'progress') run.onProgress(m.done);
      else if (m.kind === 'done') {
        settle(true);
        resolve(m.rows);
      } else {
        settle(false);
        reject(failed(m.message));
      }
    };
    const onError = (error: Error) => {
      settle(false);
      reject(failed(error.message));
    };
    thread.on('message', onMessage).on('error', onError);
  });
}

/** Rows a prepared worker writes to the null device: enough for V8 to optimise the query and CSV paths. */
export const WARM_UP_ROWS = 30_000;
const warming = new Map<string, Promise<boolean>>();

/**
 * Gets a worker ready before the supervisor exports, so that the first export of a session is as
 * fast as the next ones (the Export panel asks when it opens, and again while it stays open). A
 * worker already waiting waits KEEP_WARM_MS longer; otherwise a new one writes the first
 * WARM_UP_ROWS CSV records of the whole export to the null device and then waits like one that
 * finished an export. Resolves true when a warm worker waits; false where exports of this
 * database are written on the calling thread (small sets) or no worker can start.
 */
export function prepareExportWorker(
  job: { databasePath: string; expected: number },
  location: WorkerLocation & { readonly workerFrom?: number | undefined },
): Promise<boolean> {
  if (job.expected < (location.workerFrom ?? inThreadBelow.csv)) return Promise.resolve(false);
  const script = workerScript(location);
  if (!script) return Promise.resolve(false);
  const kept = idle.find((w) => w.script === script.script);
  if (kept) {
    kept.timer.refresh();
    return Promise.resolve(true);
  }
  const pending = warming.get(script.script);
  if (pending) return pending;
  const thread = startWorker(script, {
    databasePath: job.databasePath,
    nativeBinding: location.nativeBinding,
    format: 'csv',
    filter: {},
    path: devNull,
    filterText: '',
    warmUp: WARM_UP_ROWS,
  });
  const ready = new Promise<boolean>((resolve) => {
    const settle = (ok: boolean) => {
      thread.off('message', onMessage).off('error', onError);
      warming.delete(script.script);
      const keep = ok && idle.length < KEEP_AT_MOST;
      if (keep) keepWarm(thread, script.script);
      else void thread.terminate();
      resolve(keep);
    };
    const onMessage = (m: WorkerMessage) => {
      if (m.kind === 'done') settle(true);
      else if (m.kind === 'failed') {
        log.warn(`preparing the export worker failed: ${m.message}`);
        settle(false);
      }
    };
    const onError = (error: Error) => {
      log.warn(`preparing the export worker failed: ${error.message}`);
      settle(false);
    };
    thread.on('message', onMessage).on('error', onError);
  });
  warming.set(script.script, ready);
  return ready;
}

/** Appends the halves' files, in order, into `path`. */
async function joinFiles(parts: readonly string[], path: string): Promise<void> {
  const out = createWriteStream(path);
  for (const part of parts) for await (const chunk of createReadStream(part)) await write(out, chunk as Buffer);
  await finish(out);
}

/**
 * Writes the export file. `expected` (a cheap upper bound) decides where: on this thread for small
 * sets (from `source`, over the app's connection), else on a worker that queries its own
 * read-only connection and writes the file — for a large CSV, two workers each with a half.
 */
export async function writeExportFile(
  job: Omit<WorkerJob, 'nativeBinding' | 'half'> & { expected: number; source: ExportSource; middle(): ExportHalf['at'] | null },
  options: WriteOptions &
    WorkerLocation & { readonly workerFrom?: number | undefined; readonly splitFrom?: number | undefined; onTotal?(total: number): void },
): Promise<number> {
  if (options.signal?.aborted) throw cancelled();
  const script = job.expected < (options.workerFrom ?? inThreadBelow[job.format]) ? null : workerScript(options);
  if (!script) return writeFormat(job.format, job.source, job.path, { ...options, filterText: job.filterText, language: job.language });
  // A worker being prepared is ready in a fraction of what a cold one would add to this export.
  await warming.get(script.script);
  const base: WorkerJob = {
    databasePath: job.databasePath,
    nativeBinding: options.nativeBinding,
    format: job.format,
    filter: job.filter,
    path: job.path,
    filterText: job.filterText,
    language: job.language,
  };
  // One controller for every worker of this export: cancel, or one failing, stops them all.
  const stop = new AbortController();
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  const splitFrom = options.splitFrom ?? (coreToSpare() ? splitCsvFrom : Infinity);
  const at = job.format === 'csv' && job.expected >= splitFrom ? job.middle() : null;
  if (!at)
    return runWorker(script, base, {
      signal: stop.signal,
      onTotal: (n) => options.onTotal?.(n),
      onProgress: (n) => options.onProgress?.(n),
    });

  const halves = [false, true].map((second, i) => ({ ...base, path: `${job.path}.part${i + 1}`, half: { second, at } }));
  const totals = [-1, -1];
  const done = [0, 0];
  try {
    const rows = await Promise.all(
      halves.map((half, i) =>
        runWorker(script, half, {
          signal: stop.signal,
          onTotal: (n) => {
            totals[i] = n;
            if (totals.every((t) => t >= 0)) options.onTotal?.(totals[0]! + totals[1]!);
          },
          onProgress: (n) => {
            done[i] = n;
            options.onProgress?.(done[0]! + done[1]!);
          },
        }).catch((error: unknown) => {
          stop.abort();
          throw error;
        }),
      ),
    );
    await joinFiles(
      halves.map((h) => h.path),
      job.path,
    );
    return rows[0]! + rows[1]!;
  } finally {
    for (const half of halves) rmSync(half.path, { force: true });
  }
}
