/** Issue 10: the audit log is append-only — no code path may UPDATE or DELETE its rows. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs|js)$/.test(name) ? [path] : [];
  });
}

describe('audit_log is append-only', () => {
  it('no source file updates or deletes audit_log rows (only migrations 7 and 14 name them: the triggers, and 14 chains the rows once)', () => {
    const offenders = ['electron', 'shared', 'renderer/src', 'bin', 'scripts']
      .flatMap((d) => sources(join(root, d)))
      .filter((file) => !file.endsWith(join('migrations', '007_review.ts')) && !file.endsWith(join('migrations', '014_audit_chain.ts')))
      .filter((file) =>
        /\b(UPDATE\s+audit_log|DELETE\s+FROM\s+audit_log|INSERT\s+OR\s+REPLACE\s+INTO\s+audit_log|DROP\s+TABLE\s+audit_log)\b/i.test(
          readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
