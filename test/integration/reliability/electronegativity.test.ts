/**
 * Issue 11: @doyensec/electronegativity over electron/ with zero HIGH findings. Its CLI cannot
 * start here (it requires whatever `commander` is hoisted, and ours is v14, whose API it predates),
 * so the test calls its runner module, which is what the CLI calls too. The runner tries to
 * fetch Electron's release list; offline that fails with a warning and the scan still runs.
 * Accepted MEDIUM findings are listed in docs/RELIABILITY.md; a new one fails here so it gets
 * looked at.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/reliability/webHostProcess';

interface Finding {
  id: string;
  severity: { name?: string } | string;
  file: string;
  location?: { line?: number };
  description?: string;
}
interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: unknown[];
  issues: Finding[];
}
type Runner = (options: Record<string, unknown>) => Promise<ScanResult>;

const require = createRequire(import.meta.url);
const electronVersion = (require('electron/package.json') as { version: string }).version;

/** MEDIUM findings we reviewed and accept (why: docs/RELIABILITY.md, "Electronegativity"). */
const acceptedMedium = new Set(['OPEN_EXTERNAL_JS_CHECK main/security.ts']);

const severityOf = (f: Finding) => (typeof f.severity === 'string' ? f.severity : (f.severity.name ?? '')).toUpperCase();

describe('electronegativity over electron/', () => {
  it('finds nothing HIGH, and no MEDIUM that was not reviewed', async () => {
    const run = require('@doyensec/electronegativity') as Runner;
    const result = await run({
      input: join(repoRoot, 'electron'),
      isSarif: false,
      customScan: [],
      excludeFromScan: [],
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    const lines = result.issues.map((f) => `${severityOf(f)} ${f.id} ${f.file}:${f.location?.line ?? '?'} ${f.description ?? ''}`);
    process.stderr.write(
      `electronegativity: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${result.issues.length} findings\n${lines.join('\n')}\n`,
    );
    expect(result.atomicChecks).toBeGreaterThan(20); // the scan really ran its checks
    expect(result.errors).toEqual([]);
    expect(lines.filter((l) => l.startsWith('HIGH') || l.startsWith('CRITICAL'))).toEqual([]);
    const medium = result.issues.filter((f) => severityOf(f) === 'MEDIUM').map((f) => `${f.id} ${f.file}`);
    expect(medium.filter((m) => !acceptedMedium.has(m))).toEqual([]);
  }, 60_000);
});
