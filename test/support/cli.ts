/** Runs the real `fieldmeter` command as a child process and returns its exit code and output. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const fieldmeterBin = join(import.meta.dirname, '..', '..', 'bin', 'fieldmeter.mjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `env` changes this process's environment for the child: a value sets a variable, undefined removes it. */
export async function fieldmeter(
  args: readonly string[],
  overrides: Readonly<Record<string, string | undefined>> = {},
): Promise<CliResult> {
  const env = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  try {
    const { stdout, stderr } = await run(process.execPath, [fieldmeterBin, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * The same command run in this process (runCli of electron/cli/program.ts, the function the built
 * bin calls): for tests about what a command does, where a child process would add only its start
 * (about 0.2 s of CPU idle, many seconds on a loaded machine; issue 21). What the command prints
 * (and what its loggers write to stderr) is captured as a child's output would be. Tests about the
 * start itself, exit codes and stdout of the real process keep `fieldmeter` above.
 */
export async function fieldmeterInProcess(
  args: readonly string[],
  overrides: Readonly<Record<string, string | undefined>> = {},
): Promise<CliResult> {
  const { runCli } = await import('../../electron/cli/program');
  const saved = Object.keys(overrides).map((name) => [name, process.env[name]] as const);
  const setEnv = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  for (const [name, value] of Object.entries(overrides)) setEnv(name, value);
  let stdout = '';
  let stderr = '';
  const stderrWrite = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    done?.();
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await runCli(args, { out: (text) => (stdout += `${text}\n`), err: (text) => (stderr += `${text}\n`) });
    return { code, stdout, stderr };
  } finally {
    process.stderr.write = stderrWrite;
    for (const [name, value] of saved) setEnv(name, value);
  }
}
