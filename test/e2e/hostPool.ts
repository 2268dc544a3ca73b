/**
 * A Playwright worker's web-host process (hostPool/main.ts, bundled by global-setup.ts into
 * out/e2e/host-pool.mjs): started once per worker, it serves one fresh Fieldmeter per test on a
 * database of the test's own, on a new port with a new token. A test sees the same RunningHost as
 * from a process of its own (webHost.ts); a process that died is started again for the next test.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { scaled } from '../support/timeouts';
import type { PoolMessage, PoolRequest } from './hostPool/protocol';
import type { RunningHost } from './webHost';

const root = resolve(import.meta.dirname, '..', '..');
export const hostPoolBundle = resolve(root, 'out', 'e2e', 'host-pool.mjs');
const START_TIMEOUT_MS = scaled(30_000);

export interface HostPool {
  /** A fresh app on `databasePath`: copied from the template first when `fromTemplate` (a new database), else opened as it is. */
  start(databasePath: string, options: { demo: boolean; fromTemplate: boolean }): Promise<RunningHost>;
  close(): Promise<void>;
}

type Pending = { resolve: (m: PoolMessage) => void; reject: (e: Error) => void };
type StartRequest = Omit<Extract<PoolRequest, { kind: 'start' }>, 'request'>;
type StopRequest = Omit<Extract<PoolRequest, { kind: 'stop' }>, 'request'>;

/** One host process, its output so far, and its requests awaiting a reply. */
function spawnPool() {
  const child: ChildProcess = fork(hostPoolBundle, [resolve(root, 'out', 'renderer')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    execArgv: [],
  });
  let output = '';
  const pending = new Map<number, Pending>();
  let nextRequest = 1;
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.on('message', (m: PoolMessage) => {
    const waiting = pending.get(m.request);
    pending.delete(m.request);
    if (!waiting) return;
    if (m.ok) waiting.resolve(m);
    else waiting.reject(new Error(`The web host could not start:\n${m.message}`));
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.once('exit', (code, signal) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`The web host process ended (${code ?? signal}):\n${output}`));
    pending.clear();
  });
  const replyTo = (request: number) =>
    new Promise<PoolMessage>((resolveReply, reject) => pending.set(request, { resolve: resolveReply, reject }));
  const ask = (request: StartRequest | StopRequest) => {
    const id = nextRequest++;
    const reply = replyTo(id);
    child.send({ ...request, request: id } satisfies PoolRequest);
    return reply;
  };
  // Request 0 is the process's own message once it listens for requests.
  const ready = withTimeout(replyTo(0), () => {
    child.kill('SIGKILL');
    return `The web host process did not start within ${START_TIMEOUT_MS} ms:\n${output}`;
  });
  return { child, ask, ready, exited, output: () => output };
}

function withTimeout<T>(promise: Promise<T>, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message())), START_TIMEOUT_MS)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const fieldmeterEnvironment = (): Record<string, string> =>
  Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[0].startsWith('FIELDMETER_') && e[1] !== undefined),
  );

export function startHostPool(): HostPool {
  let pool: ReturnType<typeof spawnPool> | undefined;
  const alive = () => {
    if (!pool || pool.child.exitCode !== null || pool.child.signalCode !== null) pool = spawnPool();
    return pool;
  };
  return {
    async start(databasePath, { demo, fromTemplate }) {
      const current = alive();
      await current.ready;
      const from = current.output().length;
      const reply = await withTimeout(
        current.ask({ kind: 'start', databasePath, demo, fromTemplate, env: fieldmeterEnvironment() }),
        () => {
          return `The web host did not start an app within ${START_TIMEOUT_MS} ms:\n${current.output().slice(from)}`;
        },
      );
      if (!reply.ok || !('openUrl' in reply) || !reply.openUrl)
        throw new Error(`Unexpected reply from the web host: ${JSON.stringify(reply)}`);
      const { id, openUrl, port, token } = reply as { id: number; openUrl: string; port: number; token: string };
      let stopped: Promise<void> | undefined;
      return {
        openUrl,
        origin: `http://127.0.0.1:${port}`,
        port,
        token,
        databasePath,
        output: () => current.output().slice(from),
        stop() {
          stopped ??= current.child.connected ? current.ask({ kind: 'stop', id }).then(() => undefined) : Promise.resolve();
          return stopped;
        },
      };
    },
    async close() {
      if (!pool || pool.child.exitCode !== null || pool.child.signalCode !== null) return;
      pool.child.kill('SIGTERM');
      const killer = setTimeout(() => pool?.child.kill('SIGKILL'), 5_000);
      await pool.exited;
      clearTimeout(killer);
    },
  };
}
