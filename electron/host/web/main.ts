/**
 * Runs Fieldmeter in a browser: the web host on 127.0.0.1 with the built renderer.
 * `npm start` falls back to this where Electron cannot run; the E2E tests start it too.
 *
 *   tsx electron/host/web/main.ts [--db PATH] [--demo] [--port N] [--renderer DIR]
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeTrainingProfiles, prepareTraining, startFieldmeter } from '../../services/fieldmeter';
import { favourSmallHeap } from '../../services/heap';
import { resolveDatabasePath } from '../../services/paths';
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

const rendererRoot = resolve(values.renderer ?? 'out/renderer');
if (!existsSync(resolve(rendererRoot, 'index.html'))) {
  process.stderr.write(`The renderer is not built (${rendererRoot}/index.html is missing). Run: npm run build\n`);
  process.exit(1);
}

try {
  const databasePath = resolveDatabasePath(values.db, process.env, undefined, { training: values.demo });
  const app = startFieldmeter({ databasePath, host: 'web' });
  if (values.demo) {
    const seeded = await prepareTraining(app.store);
    if (seeded.length) process.stdout.write(`${describeTrainingProfiles(seeded)}\n`);
    process.stdout.write(`Training database: ${databasePath} (reset it with: fieldmeter demo reset)\n`);
  }
  const host = await startWebHost({ app, rendererRoot, port: values.port ? Number(values.port) : 0 });
  // One line a person (or a test) can act on: the URL with its access token.
  process.stdout.write(`Fieldmeter is running at ${host.openUrl}\n`);
  const stop = () => {
    void host.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`Fieldmeter could not start: ${(error as Error).message}\n`);
  process.exit(1);
}
