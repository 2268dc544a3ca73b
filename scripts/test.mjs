#!/usr/bin/env node
// `npm test`: lint, type-check, build, unit + integration tests (vitest), end-to-end tests
// (Playwright in Chromium, and the Electron smoke test where a binary exists). Ends with one
// plain line "N passed, N failed, N skipped" summing both runners; exits non-zero on any failure.
// Each stage prints its wall time, and a table of them all comes before the counts (issue 21).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = 'test-results';
mkdirSync(results, { recursive: true });
const vitestJson = `${results}/vitest.json`;
const playwrightJson = `${results}/playwright.json`;
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const failedSteps = [];
/** Wall time of each stage, in the order they ran. */
const stageTimes = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const suiteStarted = performance.now();
function step(name, command, args, env = {}) {
  process.stdout.write(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const started = performance.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ms = performance.now() - started;
  stageTimes.push({ name, ms, ok: run.status === 0 });
  process.stdout.write(`=== ${name}: ${run.status === 0 ? 'ok' : 'FAILED'} in ${seconds(ms)}\n`);
  if (run.status !== 0) failedSteps.push(name);
  return run.status === 0;
}

/** A stage run beside others: its output is held and printed whole when it ends, so lines never interleave. */
function stepBeside(name, command, args) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => (output += `${error.message}\n`));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      stageTimes.push({ name, ms, ok: code === 0 });
      process.stdout.write(
        `\n=== ${name}: ${command} ${args.join(' ')}\n${output}=== ${name}: ${code === 0 ? 'ok' : 'FAILED'} in ${seconds(ms)}\n`,
      );
      if (code !== 0) failedSteps.push(name);
      resolve(code === 0);
    });
  });
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// Lint and the type checks are single-threaded: lint on one core, both type checks one after the other on the other.
await Promise.all([
  stepBeside('lint', npx, ['eslint', '--max-warnings', '0', '.']).then(() => stepBeside('format', npx, ['prettier', '--check', '.'])),
  stepBeside('typecheck (node)', npx, ['tsc', '-p', 'tsconfig.node.json']).then(() =>
    stepBeside('typecheck (web)', npx, ['tsc', '-p', 'tsconfig.web.json']),
  ),
]);
const built = step('build', npx, ['electron-vite', 'build']) && step('build the CLI', process.execPath, ['scripts/build-cli.mjs']);
// Property tests draw from a fixed seed here, so the result depends on the code only
// (FIELDMETER_PROPERTY_SEED=random npm test explores; test/setup/propertySeed.ts).
const propertySeed = process.env.FIELDMETER_PROPERTY_SEED ?? '20261201';
step('unit and integration', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {
  FIELDMETER_PROPERTY_SEED: propertySeed,
});
if (built) step('end-to-end', npx, ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
else failedSteps.push('end-to-end (not run: the build failed)');

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  counts.passed += v.numPassedTests ?? 0;
  counts.failed += v.numFailedTests ?? 0;
  counts.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
/** Every skipped test is named with its reason: a skip is never a silent pass. */
const skipped = [];
function collectSkips(suite) {
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      if (t.status !== 'skipped') continue;
      const reason = (t.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
      skipped.push(`${spec.file}: ${spec.title} — ${reason}`);
    }
  }
  for (const child of suite.suites ?? []) collectSkips(child);
}
if (existsSync(vitestJson)) {
  for (const file of JSON.parse(readFileSync(vitestJson, 'utf8')).testResults ?? []) {
    for (const a of file.assertionResults ?? []) {
      if (a.status === 'skipped' || a.status === 'pending' || a.status === 'todo') skipped.push(`${file.name}: ${a.fullName}`);
    }
  }
}
if (existsSync(playwrightJson)) {
  const report = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  for (const suite of report.suites ?? []) collectSkips(suite);
  const stats = report.stats ?? {};
  counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  counts.failed += stats.unexpected ?? 0;
  counts.skipped += stats.skipped ?? 0;
}
if (skipped.length) process.stdout.write(`\nSkipped:\n${skipped.map((s) => `  - ${s}`).join('\n')}\n`);
const total = performance.now() - suiteStarted;
process.stdout.write(
  `\nWall time per stage:\n${stageTimes.map((t) => `  ${t.name.padEnd(24)} ${seconds(t.ms).padStart(8)}${t.ok ? '' : '  (failed)'}`).join('\n')}\n  ${'total'.padEnd(24)} ${seconds(total).padStart(8)}\n`,
);
if (failedSteps.length) process.stdout.write(`\nFailed steps: ${failedSteps.join(', ')}\n`);
// A failed step with no failed test (lint, types, build) still counts as one failure.
const failed = counts.failed || failedSteps.length;
process.stdout.write(`\n${counts.passed} passed, ${failed} failed, ${counts.skipped} skipped\n`);
process.exit(failedSteps.length ? 1 : 0);
