/**
 * Runs the real web host (`electron/host/web/main.ts`, built) as a child process, so tests can kill it
 * with SIGKILL, measure its memory, or fuzz it without taking the test runner down with it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { scaled } from '../timeouts';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');
/** The web host as built JavaScript (scripts/web-host.mjs), as `npm start` runs it; the test set-up builds it first. */
const mainScript = join(repoRoot, 'scripts', 'web-host.mjs');

export interface HostedApp {
  readonly child: ChildProcess;
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  call(method: string, body: unknown, headers?: Readonly<Record<string, string>>): Promise<CallResult>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export interface CallResult {
  readonly status: number;
  readonly json: unknown;
}

export interface StartOptions {
  readonly db: string;
  readonly demo?: boolean;
  /** A folder for a one-page stand-in renderer; the API does not need the real build. */
  readonly workDir: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Sign in as the supervisor once ready (default): the training one, or the first profile of a new database. */
  readonly signIn?: boolean;
}

/** The supervisor the started host is signed in as (the --demo training profile, or created as a new database's first). */
export const HOST_SUPERVISOR = { name: 'Sam Supervisor', secret: '333333' } as const;

/** Starts the host and waits for the line with its address (or its exit, which is an error). */
export async function startHostProcess(options: StartOptions): Promise<HostedApp> {
  const renderer = join(options.workDir, 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Fieldmeter</title>');
  const args = [mainScript, '--db', options.db, '--renderer', renderer, ...(options.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, FIELDMETER_LOG: 'silent', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const lines = createInterface({ input: child.stdout! });
  const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    lines.on('line', (line) => {
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(line); // the address by its form, in any language
      if (match?.[1] && match[2]) resolve({ url: match[1], token: match[2] });
    });
    void exited.then((code) => reject(new Error(`web host exited (${code}) before it was ready: ${stderr.trim()}`)));
  });
  const port = Number(new URL(url).port);
  if (options.signIn !== false) {
    const session = (await callHost(url, token, 'session.get', {})).json as { ok: boolean; value?: { profilesExist: boolean } };
    const method = session.value?.profilesExist ? 'session.signIn' : 'profiles.createFirst';
    const signedIn = (await callHost(url, token, method, HOST_SUPERVISOR)).json as { ok: boolean };
    if (!signedIn.ok) throw new Error(`the host did not sign in ${HOST_SUPERVISOR.name}: ${JSON.stringify(signedIn)}`);
  }
  return {
    child,
    url,
    port,
    token,
    exited,
    call: (method, body, headers = {}) => callHost(url, token, method, body, headers),
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** One POST /api/call/<method>; `body` is sent as is when it is a string (for malformed JSON). */
export async function callHost(
  url: string,
  token: string,
  method: string,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<CallResult> {
  const res = await fetch(`${url}/api/call/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(scaled(15_000)),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = { unparsable: text };
  }
  return { status: res.status, json };
}

/** Resident set size of a process in bytes, from /proc (Linux), or null where that is missing. */
export async function rssOf(pid: number): Promise<number | null> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/**
 * One crash cycle: starts a fresh host on `db`, lets the workers call it, and kills it with SIGKILL
 * just after the n-th request began (n seeded, 1..`within`). Counting requests instead of waiting a
 * time makes the kill land among requests in flight however fast or loaded the machine is.
 * Workers call `started()` right before each request; resolves with what each worker returned.
 */
export async function killWhileBusy<T>(
  options: StartOptions,
  random: () => number,
  workers: (host: HostedApp, started: () => void) => Promise<T>[],
  within = 40,
): Promise<T[]> {
  const host = await startHostProcess(options);
  const killAt = 1 + Math.floor(random() * within);
  let begun = 0;
  let reached: () => void = () => {};
  const killPoint = new Promise<void>((resolve) => (reached = resolve));
  const running = workers(host, () => {
    if (++begun === killAt) reached();
  });
  // Workers that run out of work before the kill point end the cycle too (the kill then finds no request).
  await Promise.race([killPoint, Promise.all(running)]);
  // Let the request that reached the kill point get onto the wire first.
  await new Promise((r) => setTimeout(r, Math.floor(random() * 5)));
  await host.kill('SIGKILL');
  return Promise.all(running);
}
