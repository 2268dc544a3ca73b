/**
 * Runs Fieldmeter in a browser: the web host on 127.0.0.1 with the built renderer.
 * `npm start` falls back to this where Electron cannot run; the E2E tests start it too.
 *
 *   tsx electron/host/web/main.ts [--db PATH] [--demo] [--port N] [--renderer DIR]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fill } from '../../../shared/i18n/catalogText';
import { terminalLanguage } from '../../../shared/i18n/terminalLanguage';
import { prepareTraining, startFieldmeter } from '../../services/fieldmeter';
import { favourSmallHeap } from '../../services/heap';
import { resolveDatabasePath } from '../../services/paths';
import { hostWordsIn, startFailureLines } from './hostWords';
import { startWebHost } from './server';

favourSmallHeap();

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    demo: { type: 'boolean', default: false },
    port: { type: 'string' },
    renderer: { type: 'string' },
    reason: { type: 'string' },
  },
  strict: true,
});

// What it prints is for the person at the terminal, in the terminal's language (hostWords.ts).
const language = terminalLanguage();
const words = hostWordsIn(language);
const rendererRoot = resolve(values.renderer ?? 'out/renderer');
if (!existsSync(resolve(rendererRoot, 'index.html'))) {
  process.stderr.write(`${fill(words.notBuilt, { path: `${rendererRoot}/index.html` })}\n`);
  process.exit(1);
}

try {
  const databasePath = resolveDatabasePath(values.db, process.env, undefined, { training: values.demo });
  const app = startFieldmeter({ databasePath, host: 'web' });
  if (values.demo) {
    const seeded = await prepareTraining(app.store);
    for (const p of seeded)
      process.stdout.write(`${fill(words.trainingProfile, { name: p.name, role: words.role[p.role], pin: p.pin })}\n`);
    process.stdout.write(`${fill(words.trainingDatabase, { path: databasePath })}\n`);
  }
  const host = await startWebHost({ app, rendererRoot, port: values.port ? Number(values.port) : 0 });
  // One line a person (or a test, by the address's form) can act on: the URL with its access token.
  process.stdout.write(`${fill(words.running, { url: host.openUrl })}\n`);
  const stop = () => {
    void host.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`${startFailureLines(error, language)}\n`);
  process.exit(1);
}
