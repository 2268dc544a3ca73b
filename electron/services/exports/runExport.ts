/**
 * One export of the current filter (issue 10), used by the app and the CLI alike so both write
 * the same bytes. Only a supervisor may export (the files leave the device's audit scope), and
 * each export is audited. A failed or cancelled export removes its partial file.
 */
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExportFilter, ExportFormat } from '../../../shared/contract/supervisorEntities';
import { requireSupervisor } from '../review/roles';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { exportsDir } from './exportFiles';
import { writeExportFile, type WorkerLocation } from './exportInWorker';
import { exportSource } from './writers';

export interface ExportResult {
  path: string;
  rows: number;
  bytes: number;
}

export const describeFilter = (f: ExportFilter): string =>
  [f.from && `from ${f.from}`, f.to && `to ${f.to}`, f.route && `route ${f.route}`, f.status && `status ${f.status}`, f.type && `type ${f.type}`].filter(Boolean).join(', ') ||
  'all readings';

/** exports/ next to the database: a backup of the folder keeps them, and the web host needs no download route. */
export function defaultExportPath(store: Store, format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return join(exportsDir(store.path), `fieldmeter-${stamp}.${format}`);
}

export interface ExportOptions extends WorkerLocation {
  readonly signal?: AbortSignal | undefined;
  /** Rows from which the file is written on a worker thread (default: exportInWorker.inThreadBelow). */
  readonly workerFrom?: number | undefined;
  /** Rows from which a CSV export is split over two workers (default: exportInWorker.splitCsvFrom, with a core to spare). */
  readonly splitFrom?: number | undefined;
  onProgress?(done: number, total: number): void;
}

export async function runExport(store: Store, actor: Actor, format: ExportFormat, filter: ExportFilter, path: string, options: ExportOptions = {}): Promise<ExportResult> {
  requireSupervisor(actor, 'export readings');
  mkdirSync(dirname(path), { recursive: true });
  let total = 0;
  let count: number;
  try {
    options.onProgress?.(0, 0);
    const job = { databasePath: store.path, format, filter, path, filterText: `Filter: ${describeFilter(filter)}.` };
    const source = exportSource(store.exportRows, filter);
    count = await writeExportFile({ ...job, expected: store.exportRows.upperBound(), source, middle: () => store.exportRows.middle(filter) }, {
      signal: options.signal,
      workerFrom: options.workerFrom,
      splitFrom: options.splitFrom,
      builtWorker: options.builtWorker,
      nativeBinding: options.nativeBinding,
      onTotal: (n) => {
        total = n;
        options.onProgress?.(0, n);
      },
      onProgress: (done) => options.onProgress?.(done, total),
    });
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
  store.journal.audit(actor, { action: 'export.run', entity: 'export', entityId: path, details: { format, filter, rows: count } });
  return { path, rows: count, bytes: statSync(path).size };
}
