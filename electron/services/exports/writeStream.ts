/**
 * What every export writer shares (issue 10): progress every PROGRESS_EVERY rows and a check of
 * the AbortSignal there, so a cancelled export stops promptly (the caller removes the file).
 * Apart from writers.ts, which loads the writers: a writer importing its loader made a cycle.
 */
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';
import { AppError } from '../../../shared/contract/result';

export interface WriteOptions {
  readonly signal?: AbortSignal | undefined;
  onProgress?(rows: number): void;
}
const PROGRESS_EVERY = 1000;

export function checkpoint(n: number, options: WriteOptions): void {
  if (n % PROGRESS_EVERY !== 0) return;
  if (options.signal?.aborted)
    throw new AppError('VALIDATION', 'The export was cancelled; no file was kept.', { reason: 'exportCancelled' });
  options.onProgress?.(n);
}

export async function write(out: WriteStream, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export async function finish(out: WriteStream): Promise<void> {
  out.end();
  await once(out, 'finish');
}
