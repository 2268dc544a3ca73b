/**
 * Starts the real web host (electron/host/web/main.ts, built: scripts/web-host.mjs) as its own process on a database in a
 * temp dir, and reads the URL with its token from the one line it prints. Restartable on
 * the same database, which is how a test proves that data survives a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { scaled } from '../support/timeouts';

const root = resolve(import.meta.dirname, '..', '..');
// The address by its form: the line around it is in the terminal's language (electron/host/web/hostWords.ts).
const READY = /(http:\/\/127\.0\.0\.1:(\d+)\/#token=(\S+))/;
const START_TIMEOUT_MS = scaled(30_000);

export interface RunningHost {
  /** The URL to open: http://127.0.0.1:PORT/#token=TOKEN */
  readonly openUrl: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  readonly databasePath: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

export async function startHost(databasePath: string, options: { demo?: boolean } = {}): Promise<RunningHost> {
  const args = ['scripts/web-host.mjs', '--db', databasePath];
  if (options.demo) args.push('--demo');
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const match = await new Promise<RegExpExecArray>((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The web host did not start within ${START_TIMEOUT_MS} ms:\n${output}`));
    }, START_TIMEOUT_MS);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = READY.exec(output);
      if (found) {
        clearTimeout(timer);
        resolvePromise(found);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web host exited with code ${code} before it was ready:\n${output}`));
    });
  });

  const exited = new Promise<void>((resolveExit) => {
    if (child.exitCode !== null) resolveExit();
    else child.once('exit', () => resolveExit());
  });
  const port = Number(match[2]);
  return {
    openUrl: match[1] as string,
    origin: `http://127.0.0.1:${port}`,
    port,
    token: match[3] as string,
    databasePath,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
