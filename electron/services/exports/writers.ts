/**
 * The export's rows and the choice of writer: each format in its own module, loaded when used.
 * What the writers share (progress, cancelling, back-pressure) is in writeStream.ts.
 */
import type { ExportFilter } from '../../../shared/contract/supervisorEntities';
import type { ReportLanguage } from '../../../shared/i18n/reportWords';
import type { CsvRecord, ExportHalf, ExportRow, createExportRowsRepository } from '../store/repositories/exportRows';
import { checkCsvColumns } from './columns';
import type { WriteOptions } from './writeStream';

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
export function exportSource(
  repository: ReturnType<typeof createExportRowsRepository>,
  filter: ExportFilter,
  half?: ExportHalf,
  streaming = false,
): ExportSource {
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
