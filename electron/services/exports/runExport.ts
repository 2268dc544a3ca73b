/**
 * One export of the current filter (issue 10), used by the app and the CLI alike so both write
 * the same bytes. Only a supervisor may export (the files leave the device's audit scope), and
 * each export is audited. A failed or cancelled export leaves no file; an existing file is replaced
 * only with `force`, and never the database (issue 18).
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fill, reportWords, type ReportLanguage } from '../../../shared/i18n/reportWords';
import type { ExportFilter, ExportFormat } from '../../../shared/contract/supervisorEntities';
import { requireSupervisor } from '../review/roles';
import { checkTarget, writeFileSafely } from '../files/safeWrite';
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

/** The filter in the reader's words for the report's heading; empty for all readings. */
export function describeFilter(f: ExportFilter, language: ReportLanguage = 'en'): string {
  const parts = reportWords[language].report.filterParts;
  const status = f.status && (reportWords[language].stopStatus[f.status] ?? f.status);
  const values = { from: f.from, to: f.to, route: f.route, status, type: f.type };
  return (Object.keys(parts) as (keyof typeof parts)[])
    .flatMap((key) => (values[key] ? [fill(parts[key], { value: values[key] })] : []))
    .join(', ');
}

/** exports/ next to the database: a backup of the folder keeps them, and the web host needs no download route. */
export function defaultExportPath(store: Store, format: ExportFormat, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  // Two exports in one second get two files: an export never replaces another (files/safeWrite.ts refuses to).
  const named = (n: number) => join(exportsDir(store.path), `fieldmeter-${stamp}${n > 1 ? `-${n}` : ''}.${format}`);
  let n = 1;
  while (existsSync(named(n))) n++;
  return named(n);
}

export interface ExportOptions extends WorkerLocation {
  readonly signal?: AbortSignal | undefined;
  /** Rows from which the file is written on a worker thread (default: exportInWorker.inThreadBelow). */
  readonly workerFrom?: number | undefined;
  /** Rows from which a CSV export is split over two workers (default: exportInWorker.splitCsvFrom, with a core to spare). */
  readonly splitFrom?: number | undefined;
  /** The PDF report's language (the UI's, or the CLI's `--lang`); default English. */
  readonly language?: ReportLanguage | undefined;
  /** Replace an existing file at the path (CLI `--force`); never the database or a backup (files/safeWrite.ts). */
  readonly force?: boolean | undefined;
  onProgress?(done: number, total: number): void;
}

export async function runExport(
  store: Store,
  actor: Actor,
  format: ExportFormat,
  filter: ExportFilter,
  target: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  requireSupervisor(actor, 'export readings');
  const fileOptions = { force: options.force, databasePath: store.path };
  // Refused before any work: an existing file without --force, the database, its journals, a backup.
  const path = checkTarget(target, fileOptions);
  mkdirSync(dirname(path), { recursive: true });
  let total = 0;
  // Written beside the target and renamed at the end: a failed or cancelled export leaves nothing behind.
  const count = await writeFileSafely(path, fileOptions, async (temporary) => {
    options.onProgress?.(0, 0);
    const job = {
      databasePath: store.path,
      format,
      filter,
      path: temporary,
      filterText: describeFilter(filter, options.language),
      language: options.language,
    };
    const source = exportSource(store.exportRows, filter);
    return writeExportFile(
      { ...job, expected: store.exportRows.upperBound(), source, middle: () => store.exportRows.middle(filter) },
      {
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
      },
    );
  });
  store.mutate(actor, (change) =>
    change.audit({ action: 'export.run', entity: 'export', entityId: path, details: { format, filter, rows: count } }),
  );
  return { path, rows: count, bytes: statSync(path).size };
}
