/**
 * The built CLI (issue 21): bin/fieldmeter runs out/cli and rebuilds it only when a source it was
 * built from is newer; the export worker sits next to the code that starts it.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cliBuildStale } from '../../scripts/cli-stale.mjs';
import { fieldmeter } from '../support/cli';
import { repoRoot } from '../support/reliability/webHostProcess';
import { useTempDir } from '../support/tempDir';
import { scaled } from '../support/timeouts';

describe('the CLI build stamp', () => {
  const tempDir = useTempDir();
  const project = () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out', 'cli'), { recursive: true });
    mkdirSync(join(dir, 'electron'));
    return { dir, root: pathToFileURL(`${dir}/`) };
  };
  const stamp = (dir: string, startedAt: number, inputs: string[]) =>
    writeFileSync(join(dir, 'out', 'cli', 'build.json'), JSON.stringify({ startedAt, inputs }));
  const source = (dir: string, name: string, mtimeMs: number) => {
    writeFileSync(join(dir, name), 'export {};\n');
    utimesSync(join(dir, name), mtimeMs / 1000, mtimeMs / 1000);
  };

  it('is stale when there is no build', () => {
    expect(cliBuildStale(project().root)).toBe('it is not built yet');
  });

  it('is current while every source it was built from is older than the build', () => {
    const { dir, root } = project();
    const builtAt = Date.parse('2026-12-01T10:00:00Z');
    source(dir, 'electron/a.ts', builtAt - 60_000);
    source(dir, 'electron/b.ts', builtAt - 1);
    stamp(dir, builtAt, ['electron/a.ts', 'electron/b.ts']);
    expect(cliBuildStale(root)).toBeNull();
    // A file nobody imports does not count: the build never read it.
    source(dir, 'electron/unused.ts', builtAt + 60_000);
    expect(cliBuildStale(root)).toBeNull();
  });

  it('is stale once one of its sources is edited after the build started, and names it', () => {
    const { dir, root } = project();
    const builtAt = Date.parse('2026-12-01T10:00:00Z');
    source(dir, 'electron/a.ts', builtAt - 60_000);
    source(dir, 'electron/b.ts', builtAt + 1);
    stamp(dir, builtAt, ['electron/a.ts', 'electron/b.ts']);
    expect(cliBuildStale(root)).toBe('electron/b.ts changed');
  });

  it('ignores a source that was deleted (its importer changed with it)', () => {
    const { dir, root } = project();
    const builtAt = Date.parse('2026-12-01T10:00:00Z');
    source(dir, 'electron/a.ts', builtAt - 60_000);
    stamp(dir, builtAt, ['electron/a.ts', 'electron/gone.ts']);
    rmSync(join(dir, 'electron', 'gone.ts'), { force: true });
    expect(cliBuildStale(root)).toBeNull();
  });
});

describe('the built CLI in out/cli', () => {
  const outCli = join(repoRoot, 'out', 'cli');
  const tempDir = useTempDir();

  it('is current for the sources of this checkout (the test set-up built it) and lists them', () => {
    expect(cliBuildStale(pathToFileURL(`${repoRoot}/`))).toBeNull();
    const { inputs } = JSON.parse(readFileSync(join(outCli, 'build.json'), 'utf8')) as { inputs: string[] };
    expect(inputs).toEqual(
      expect.arrayContaining(['electron/cli/main.ts', 'electron/services/exports/exportWorker.ts', 'scripts/build-cli.mjs']),
    );
    expect(inputs.some((p) => p.includes('node_modules'))).toBe(false);
  });

  it('has the export worker beside the chunk that starts it (exportInWorker.ts looks for ./exportWorker.mjs)', () => {
    const files = readdirSync(outCli);
    expect(files).toContain('exportWorker.mjs');
    const starters = files.filter((f) => f.endsWith('.mjs') && readFileSync(join(outCli, f), 'utf8').includes('"./exportWorker.mjs"'));
    expect(starters.length).toBeGreaterThan(0);
  });

  /** The static imports of a built file and of what it imports in turn: what loads before any action runs. */
  const startupFiles = (file: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const m of readFileSync(join(outCli, file), 'utf8').matchAll(/^import\s[^;]*?from\s*"\.\/([^"]+)"|^import\s*"\.\/([^"]+)"/gm))
      startupFiles((m[1] ?? m[2])!, seen);
    return seen;
  };

  it('defines its commands without zod: the schemas load only in the actions that parse', () => {
    const files = [...startupFiles('fieldmeter.mjs')];
    expect(files.length).toBeGreaterThan(1);
    const zodIn = files.filter((f) => readFileSync(join(outCli, f), 'utf8').includes('ZodError'));
    expect(zodIn).toEqual([]);
    // …while the build does carry zod, in a chunk of its own.
    expect(readdirSync(outCli).some((f) => f.endsWith('.mjs') && readFileSync(join(outCli, f), 'utf8').includes('ZodError'))).toBe(true);
  });

  const loadedBy = async (args: readonly string[], env: Readonly<Record<string, string>> = {}) => {
    const run = await promisify(execFile)(
      process.execPath,
      [join(repoRoot, 'test', 'support', 'loadedPackages.cjs'), join(outCli, 'fieldmeter.mjs'), ...args],
      { env: { ...process.env, FIELDMETER_LOG: 'silent', ...env } },
    );
    return JSON.parse(/LOADED (.*)/.exec(run.stderr)![1]!) as string[];
  };

  it(
    'loads SQLite, the serial port and PDFKit only in the commands that use them',
    async () => {
      const heavy = ['better-sqlite3', '@serialport/bindings-cpp', 'serialport', 'pdfkit'];
      expect((await loadedBy(['--help'])).filter((p) => heavy.includes(p))).toEqual([]);
      expect(
        (
          await loadedBy(['pan', 'check', '--eui64', '00:0D:6F:00:0A:79:7D:F1', '--install-code', '83FED3407A939723A5C639B26916D505C3B5'])
        ).filter((p) => heavy.includes(p)),
      ).toEqual([]);
      // The probe sees a package once a command needs it.
      const dir = tempDir();
      const db = join(dir, 'f.db');
      expect((await fieldmeter(['demo', 'seed', '--db', db])).code).toBe(0);
      // The demo's training supervisor (demo seed prints the PINs).
      const pdf = await loadedBy(['export', '--db', db, '--format', 'pdf', '--out', join(dir, 'day.pdf')], {
        FIELDMETER_USER: 'Sam Supervisor',
        FIELDMETER_PIN: '333333',
      });
      expect(pdf).toEqual(expect.arrayContaining(['better-sqlite3', 'pdfkit']));
      expect(pdf).not.toContain('serialport');
    },
    scaled(60_000),
  );
});
