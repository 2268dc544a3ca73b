import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process boundaries (eslint.config.js)', () => {
  it.each([
    ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;"],
    ['renderer/src/x.ts', "import { openStore } from '../../electron/services/store';\nexport const x = openStore;"],
    ['shared/domain/x.ts', "import { join } from 'path';\nexport const x = join;"],
    ['shared/domain/x.ts', "import { EventEmitter } from 'events';\nexport const x = EventEmitter;"],
    ['shared/domain/x.ts', "import { gzipSync } from 'node:zlib';\nexport const x = gzipSync;"],
    ['shared/domain/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['electron/services/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/host/web/x.ts', "import { app } from 'electron';\nexport const x = app;"],
  ])('refuses the import in %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/x.ts', "import { methods } from '../../shared/contract/api';\nexport const x = methods;"],
    ['electron/services/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['shared/iec62056/x.ts', "import { frame } from './events';\nexport const x = frame;"],
  ])('allows the import in %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
