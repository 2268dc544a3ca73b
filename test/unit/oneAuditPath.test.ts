/**
 * One way to write an audit row (issue 16 §1): through the caller's mutation, `change.audit`, which
 * only works while the change's transaction is open. Helpers that run inside their caller's
 * transaction take the caller's `Change`; nothing on the Node side calls the journal directly
 * but the mutation itself (store/mutation.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('audit rows', () => {
  it('are written through the mutation only: no journal.audit( outside store/mutation.ts', () => {
    const direct = sources(join(root, 'electron'))
      .filter((file) => /journal\s*\.\s*audit\s*\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file).split('\\').join('/'));
    expect(direct).toEqual(['electron/services/store/mutation.ts']);
  });
});
