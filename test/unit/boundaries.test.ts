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

/** Layers as an allow-list (eslint-rules/layers.js): each refusal below is a real lint error, dynamic import() included. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
}

describe('layers (eslint-rules/layers.js)', () => {
  it.each([
    [
      'electron/services/store/repositories/x.ts',
      "import { saveManualReadings } from '../../readings/saveReadings';\nexport const x = saveManualReadings;",
      'repositories',
      'services',
    ],
    ['electron/services/store/database.ts', "export const x = () => import('../handlers/readings');", 'store', 'handlers'],
    [
      'electron/services/readings/x.ts',
      "import { readingHandlers } from '../handlers/readings';\nexport const x = readingHandlers;",
      'services',
      'handlers',
    ],
    ['electron/services/readings/x.ts', "export { startFieldmeter } from '../fieldmeter';", 'services', 'app'],
    ['electron/services/handlers/x.ts', "import { dispatch } from '../../host/dispatch';\nexport const x = dispatch;", 'handlers', 'host'],
    ['electron/host/web/x.ts', "import { openStore } from '../../services/store';\nexport const x = openStore;", 'host', 'repositories'],
    ['electron/host/web/x.ts', 'export const x = () => import(`../../cli/program`);', 'host', 'cli'],
    ['electron/services/sync/x.ts', "export const x = require('../../main/app');", 'services', 'main'],
    ['electron/services/log.ts', "import { openStore } from './store';\nexport const x = openStore;", 'core', 'repositories'],
    // store ← repositories: the store (file, migrations, audit chain, write log) knows no repository nor the Store built of them.
    [
      'electron/services/store/database.ts',
      "import { createJournal } from './repositories/journal';\nexport const x = createJournal;",
      'store',
      'repositories',
    ],
    ['electron/services/store/migrations/x.ts', "export const x = () => import('../repositories/outbox');", 'store', 'repositories'],
    ['electron/services/store/writeLog.ts', "export { mutate } from './mutation';", 'store', 'repositories'],
    // repositories ← domain services ← handlers ← app ← hosts: the layers above reach the store through the repositories only.
    [
      'electron/services/readings/x.ts',
      "import { openDatabase } from '../store/database';\nexport const x = openDatabase;",
      'services',
      'store',
    ],
    ['electron/services/sync/x.ts', "export const x = () => import('../store/auditChain');", 'services', 'store'],
    [
      'electron/services/handlers/x.ts',
      "import { trackWrites } from '../store/writeLog';\nexport const x = trackWrites;",
      'handlers',
      'store',
    ],
    [
      'electron/services/fieldmeter.ts',
      "import type { OpenOptions } from './store/database';\nexport type X = OpenOptions;",
      'app',
      'store',
    ],
    ['electron/cli/x.ts', "export const x = () => import('../services/store/auditChain');", 'cli', 'store'],
    ['shared/domain/x.ts', "import { App } from '../../renderer/src/app/App';\nexport const x = App;", 'shared', 'renderer'],
  ])('%s may not import it', async (file, code, from, to) => {
    const errors = await layerErrors(file, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`The ${from} layer may not import the ${to} layer`);
  });

  it.each([
    ['electron/services/readings/x.ts', "import { openStore } from '../store';\nexport const x = openStore;"],
    ['electron/services/store/repositories/x.ts', "import type { Db } from '../database';\nexport type X = Db;"],
    [
      'electron/services/store/index.ts',
      "import { createOutboxRepository } from './repositories/outbox';\nexport const x = createOutboxRepository;",
    ],
    ['electron/services/readings/x.ts', "import type { Actor } from '../store/repositories/journal';\nexport type X = Actor;"],
    ['electron/services/handlers/x.ts', "export const x = () => import('../readings/saveReadings');"],
    ['electron/services/fieldmeter.ts', "import { readingHandlers } from './handlers/readings';\nexport const x = readingHandlers;"],
    ['electron/host/web/x.ts', "import { startFieldmeter } from '../../services/fieldmeter';\nexport const x = startFieldmeter;"],
    ['electron/cli/x.ts', "import { openStore } from '../services/store';\nexport const x = openStore;"],
  ])('%s may import it', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
