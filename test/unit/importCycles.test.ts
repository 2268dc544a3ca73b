/**
 * No module in electron/ or shared/ imports itself round a loop: a cycle makes load order decide
 * which side sees `undefined` (the export writers once imported the module that loads them).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles } from '../support/importCycles';
import { useTempDir } from '../support/tempDir';

const root = join(import.meta.dirname, '..', '..');

describe('import cycles', () => {
  it('electron/ and shared/ have none', () => {
    expect(importCycles(root, ['electron', 'shared'])).toEqual([]);
  });

  const tempDir = useTempDir('fieldmeter-cycles-');
  function tree(files: Record<string, string>): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'src'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'src', name), text);
    return dir;
  }

  it('finds a cycle through a static import, a re-export or a dynamic import()', () => {
    const dir = tree({
      'writers.ts': "export const load = () => import('./csvWriter');\nexport const n = 1;",
      'csvWriter.ts': "import { n } from './writers';\nexport const w = n;",
      'a.ts': "export * from './b';",
      'b.ts': "import './a';\nexport const b = 1;",
    });
    expect(importCycles(dir, ['src']).sort()).toEqual([
      ['src/a.ts', 'src/b.ts'],
      ['src/csvWriter.ts', 'src/writers.ts'],
    ]);
  });

  it('does not count type-only imports, which vanish when compiled', () => {
    const dir = tree({
      'a.ts': "import type { B } from './b';\nexport type A = B;\nexport const a = 1;",
      'b.ts': "import { a } from './a';\nexport type B = string;\nexport const b = a;\n// import { c } from './b';",
    });
    expect(importCycles(dir, ['src'])).toEqual([]);
  });
});
