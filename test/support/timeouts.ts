/**
 * Timeouts of tests that start processes (the CLI, the web host, socat), scaled for a busy
 * machine (issue 21): a timeout only catches a hang, so on a loaded machine it grows instead of
 * failing a test that is merely slow. FIELDMETER_TEST_TIMEOUT_SCALE sets the factor (`npm run
 * test:stress` sets it for its CPU burner); otherwise it is derived once from the load per core
 * when the run starts (in vitest.config.ts, playwright.config.ts) and handed to every test process.
 */
import { availableParallelism, loadavg } from 'node:os';

/** The factor for this run: the variable when set, else the 1-minute load per core (at least 1, at most 4). */
export function timeoutScaleFor(env: NodeJS.ProcessEnv = process.env): number {
  const given = Number(env.FIELDMETER_TEST_TIMEOUT_SCALE);
  if (Number.isFinite(given) && given >= 1) return given;
  const perCore = (loadavg()[0] ?? 0) / availableParallelism();
  return Math.min(4, Math.max(1, Math.ceil(perCore * 10) / 10));
}

export const timeoutScale = timeoutScaleFor();
// Test processes started from here (vitest forks, Playwright workers) use the same factor.
process.env.FIELDMETER_TEST_TIMEOUT_SCALE ??= String(timeoutScale);

/** `ms` scaled for this run: the timeout of a test or a wait that starts a process. */
export const scaled = (ms: number): number => Math.round(ms * timeoutScale);
