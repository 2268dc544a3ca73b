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
