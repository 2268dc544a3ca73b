/**
 * Listening on rtl-wmbus's named pipe, then Stop before rtl-wmbus ever opened it: nothing may stay
 * waiting for a writer. A blocking open held one of libuv's file threads until something wrote to
 * the pipe, so with a single thread (UV_THREADPOOL_SIZE=1) every later file operation of the app
 * hung. The child opens and closes the pipe, then reads a file: it must finish.
 */
import { execFileSync, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';

const root = resolve(import.meta.dirname, '..', '..', '..');
const lineSource = join(root, 'electron/services/mbus/lineSource.ts');

describe('rtl-wmbus on a named pipe', () => {
  const tempDir = useTempDir();

  it('Stop before any writer came leaves no file thread waiting', async () => {
    const fifo = join(tempDir(), 'wmbus.fifo');
    execFileSync('mkfifo', [fifo]);
    const script = `
      import { readFile } from 'node:fs/promises';
      import { openLineSource } from ${JSON.stringify(lineSource)};
      const link = await openLineSource(${JSON.stringify(fifo)});
      await link.close();
      await readFile(${JSON.stringify(lineSource)});
      console.log('file read after stop');
      process.exit(0);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      env: { ...process.env, UV_THREADPOOL_SIZE: '1' },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    // A hang, not a slow machine, is what fails: the bound is scaled by the load.
    const timer = setTimeout(() => child.kill('SIGKILL'), scaled(15_000));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    clearTimeout(timer);
    expect(out).toContain('file read after stop');
    expect(code).toBe(0);
  });
});
