/**
 * What every export writer shares (issue 10): progress every PROGRESS_EVERY rows and a check of
 * the AbortSignal there, so a cancelled export stops promptly (the caller removes the file).
 */
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { AppError } from '../../../shared/contract/result';
import type { ExportRow } from '../store/repositories/exportRows';

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

/** Each format in its own module, loaded when used: a CSV export never loads pdfkit (worker start-up time). */
export async function writeFormat(format: 'csv' | 'xml' | 'pdf', rows: Iterable<ExportRow>, path: string, options: WriteOptions & { filterText?: string }): Promise<number> {
  if (format === 'csv') return (await import('./csvWriter')).writeCsv(rows, path, options);
  if (format === 'xml') return (await import('./xmlWriter')).writeXml(rows, path, options);
  return (await import('./pdfWriter')).writePdf(rows, path, options);
}
