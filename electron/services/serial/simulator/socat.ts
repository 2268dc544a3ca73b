/**
 * A pseudo-terminal pair from socat (`socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B`):
 * the app opens one end, the simulator the other. Stopped by the PID we started, nothing broader.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface PtyPair {
  readonly appPath: string;
  readonly meterPath: string;
  readonly pid: number;
  /** Ends socat (both links vanish, like a probe pulled out). */
  stop(): Promise<void>;
}

export const SOCAT = process.env.FIELDMETER_SOCAT ?? 'socat';

/** Null when socat runs; else why not (for a test's skip reason). */
export function socatMissingReason(): string | null {
  const probe = spawnSync(SOCAT, ['-V'], { encoding: 'utf8' });
  if (probe.error)
    return `socat is not installed (${(probe.error as NodeJS.ErrnoException).code ?? probe.error.message}); install it with apt-get install socat`;
  return probe.status === 0 ? null : `socat -V exited with ${probe.status}`;
}

export async function startPtyPair(appPath: string, meterPath: string, timeoutMs = 5000): Promise<PtyPair> {
  const child = spawn(SOCAT, ['-d', '-d', `pty,raw,echo=0,link=${appPath}`, `pty,raw,echo=0,link=${meterPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failed = new Promise<never>((_, reject) => child.once('error', reject));
  const deadline = Date.now() + timeoutMs;
  const ready = (async () => {
    while (!(existsSync(appPath) && existsSync(meterPath))) {
      if (child.exitCode !== null) throw new Error(`socat exited (${child.exitCode}): ${log.trim()}`);
      if (Date.now() > deadline) throw new Error(`socat did not create ${appPath} and ${meterPath} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    await Promise.race([ready, failed]);
  } catch (error) {
    if (child.pid !== undefined && child.exitCode === null) child.kill('SIGTERM');
    throw error;
  }
  const pid = child.pid ?? -1;
  return {
    appPath,
    meterPath,
    pid,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/**
 * Where a simulated device sits: on `path` itself when it exists (a PTY end or adapter someone else
 * made), else on `path + '.meter'` of a socat pair started here, the app opening `path`.
 */
export async function attachOrPair(path: string): Promise<{ readonly meterPath: string; readonly pair: PtyPair | null }> {
  if (existsSync(path)) return { meterPath: path, pair: null };
  const meterPath = `${path}.meter`;
  return { meterPath, pair: await startPtyPair(path, meterPath) };
}
