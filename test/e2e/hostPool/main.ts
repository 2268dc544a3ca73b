/**
 * One web-host process per Playwright worker, serving one Fieldmeter at a time: each test gets a
 * fresh app on a fresh database file (a copy of a template prepared once), on its own port with its
 * own token. The same code as `electron/host/web/main.ts` (startFieldmeter, prepareTraining,
 * startWebHost) without a process start per test, which cost about 1.2 s idle and 15 s at a load of
 * 20 (issue 21). Started with `fork` from test/e2e/hostPool.ts; it is driven over the IPC channel.
 * The real `main.ts` process keeps its own tests (test/support/reliability/webHostProcess.ts).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { prepareTraining, startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { startWebHost, type WebHost } from '../../../electron/host/web/server';
import type { PoolMessage, PoolReply, PoolRequest } from './protocol';

const rendererRoot = resolve(process.argv[2] ?? 'out/renderer');
const running = new Map<number, { app: Fieldmeter; host: WebHost }>();
let nextId = 1;

/**
 * A template database per kind, made the first time it is asked for: migrated (and for `demo`, the
 * training profiles and demo route in, whose PINs take a deliberately slow hash each), then closed
 * so its file holds everything (no WAL left beside it) and can be copied.
 */
const templates = new Map<'demo' | 'plain', string>();
const templateDir = mkdtempSync(join(tmpdir(), 'fieldmeter-e2e-template-'));
async function template(kind: 'demo' | 'plain'): Promise<string> {
  const known = templates.get(kind);
  if (known) return known;
  const path = join(templateDir, `${kind}.db`);
  const app = startFieldmeter({ databasePath: path, host: 'web' });
  if (kind === 'demo') await prepareTraining(app.store);
  app.close();
  templates.set(kind, path);
  return path;
}

async function start(databasePath: string, demo: boolean, fromTemplate: boolean): Promise<PoolReply> {
  if (fromTemplate) copyFileSync(await template(demo ? 'demo' : 'plain'), databasePath);
  const app = startFieldmeter({ databasePath, host: 'web' });
  try {
    const host = await startWebHost({ app, rendererRoot, port: 0 });
    const id = nextId++;
    running.set(id, { app, host });
    return { ok: true, id, openUrl: host.openUrl, port: host.port, token: host.token };
  } catch (error) {
    app.close();
    throw error;
  }
}

async function stop(id: number): Promise<PoolReply> {
  const found = running.get(id);
  if (found) {
    running.delete(id);
    await found.host.close();
    found.app.close();
  }
  return { ok: true, id };
}

process.on('message', (request: PoolRequest) => {
  if (request.kind === 'start') useEnvironment(request.env);
  const answer = request.kind === 'start' ? start(request.databasePath, request.demo, request.fromTemplate) : stop(request.id);
  void answer
    .catch((error: unknown): PoolReply => ({ ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }))
    .then((reply) => process.send?.({ ...reply, request: request.request } satisfies PoolMessage));
});
// The worker that started this process is gone (it ended or crashed): so is this process.
process.on('disconnect', () => process.exit(0));
process.send?.({ ok: true, request: 0, ready: true } satisfies PoolMessage);

/** The app of the next test sees the FIELDMETER_* variables its worker has now, and no others. */
function useEnvironment(env: Record<string, string>): void {
  for (const name of Object.keys(process.env)) if (name.startsWith('FIELDMETER_') && !(name in env)) delete process.env[name];
  Object.assign(process.env, env);
}
