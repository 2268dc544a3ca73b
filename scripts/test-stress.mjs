#!/usr/bin/env node
// `npm run test:stress [-- PATH…]`: the test suite while a CPU burner keeps every core busy
// (issue 21: the suite must hold on a shared machine). With no paths it runs all of `npm test`;
// with paths, only those vitest files or folders.
//
// The burner (scripts/cpu-burner.mjs) is bounded: one busy thread per core, for the length of the
// run and never longer than BURN_LIMIT_MS. It is ended on every way out of this script (normal
// exit, an error, Ctrl+C, SIGTERM, SIGHUP), and ends itself when this script goes away without a
// word (SIGKILL): it watches its IPC channel.
import { fork, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const BURN_LIMIT_MS = 45 * 60 * 1000;
/** The burner halves the CPU a test gets; timeouts grow by this much (test/support/timeouts.ts). */
const TIMEOUT_SCALE = 3;

const cores = availableParallelism();
const burner = fork(fileURLToPath(new URL('./cpu-burner.mjs', import.meta.url)), [String(cores), String(BURN_LIMIT_MS / 1000)], {
  execArgv: [],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
let stopped = false;
function stopBurner() {
  if (stopped) return;
  stopped = true;
  if (burner.exitCode === null && burner.signalCode === null) burner.kill('SIGKILL');
}
process.on('exit', stopBurner);
const paths = process.argv.slice(2);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const [command, args] = paths.length
  ? [npx, ['vitest', 'run', ...paths]]
  : [process.execPath, [fileURLToPath(new URL('./test.mjs', import.meta.url))]];
process.stdout.write(
  `CPU burner: ${cores} busy threads (pid ${burner.pid}), at most ${BURN_LIMIT_MS / 60000} min; timeouts ×${TIMEOUT_SCALE}\n`,
);
process.stdout.write(`Running: ${[command, ...args].join(' ')}\n`);
const started = performance.now();
const run = spawn(command, args, { stdio: 'inherit', env: { ...process.env, FIELDMETER_TEST_TIMEOUT_SCALE: String(TIMEOUT_SCALE) } });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopBurner();
    run.kill(signal);
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal] ?? 0));
  });
}
run.on('error', (error) => {
  process.stderr.write(`could not start the tests: ${error.message}\n`);
  process.exit(1);
});
run.on('exit', (code, signal) => {
  stopBurner();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `\ntest:stress: ${code === 0 ? 'passed' : `failed (${signal ?? `exit ${code}`})`} in ${seconds} s wall with ${cores} cores kept busy\n`,
  );
  process.exit(code ?? 1);
});
