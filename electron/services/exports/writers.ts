/**
 * What every export writer shares (issue 10): progress every PROGRESS_EVERY rows and a check of
 * the AbortSignal there, so a cancelled export stops promptly (the caller removes the file).
 */
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { AppError } from '../../../shared/contract/result';
import type { ExportFilter } from '../../../shared/contract/supervisorEntities';
import type { ReportLanguage } from '../../../shared/i18n/reportWords';
import type { CsvRecord, ExportHalf, ExportRow, createExportRowsRepository } from '../store/repositories/exportRows';
import { checkCsvColumns } from './columns';

export interface WriteOptions {
  readonly signal?: AbortSignal | undefined;
  onProgress?(rows: number): void;
}
const PROGRESS_EVERY = 1000;

export function checkpoint(n: number, options: WriteOptions): void {
  if (n % PROGRESS_EVERY !== 0) return;
  if (options.signal?.aborted) throw new AppError('VALIDATION', 'The export was cancelled; no file was kept.');
  options.onProgress?.(n);
}

export async function write(out: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export async function finish(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/** Where a writer takes its rows from: the export query with the filter applied. */
export interface ExportSource {
  rows(): ExportRow[];
  /** The CSV columns formatted by the query, as arrays (no object per row), and how many records there are. */
  csvRecords(): { total: number; records: Iterable<CsvRecord> };
}

/**
 * `streaming` only where the connection is the writer's own (the export worker): the records then
 * come straight from the statement, which stays open across the writer's awaits.
 */
export function exportSource(repository: ReturnType<typeof createExportRowsRepository>, filter: ExportFilter, half?: ExportHalf, streaming = false): ExportSource {
  return {
    rows: () => repository.list(filter),
    csvRecords: () => {
      checkCsvColumns(repository.csvColumns());
      if (streaming) return repository.streamCsvRecords(filter, half);
      const records = repository.csvRecords(filter, half);
      return { total: records.length, records };
    },
  };
}

/** Each format in its own module, loaded when used: a CSV export never loads pdfkit (worker start-up time). */
export async function writeFormat(
  format: 'csv' | 'xml' | 'pdf',
  source: ExportSource,
  path: string,
  options: WriteOptions & { filterText?: string; language?: ReportLanguage | undefined; header?: boolean; onTotal?(total: number): void },
): Promise<number> {
  // The rows first, then their number (the progress bar's total), then the file.
  if (format === 'csv') {
    const { total, records } = source.csvRecords();
    options.onTotal?.(total);
    return (await import('./csvWriter')).writeCsv(records, path, options);
  }
  const rows = source.rows();
  options.onTotal?.(rows.length);
  if (format === 'xml') return (await import('./xmlWriter')).writeXml(rows, path, options);
  return (await import('./pdfWriter')).writePdf(rows, path, options);
}
