#!/usr/bin/env node
// `npm run bench`: every benchmark in turn (each writes bench/results/<name>.json), then
// bench/report.ts regenerates bench/README.md and bench/results/latest.json. A benchmark that
// misses its target or fails still lets the others run; the exit code says whether all passed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// One list for the runner and the report (bench/benchmarks.json): script name, and the result file where it differs.
const benches = JSON.parse(readFileSync(new URL('../bench/benchmarks.json', import.meta.url), 'utf8')).map((b) => b.script);
const failed = [];
for (const name of benches) {
  process.stdout.write(`\n=== bench/${name}.ts\n`);
  const result = spawnSync('npx', ['tsx', `bench/${name}.ts`], { stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
}
const report = spawnSync('npx', ['tsx', 'bench/report.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
process.stdout.write(`\nbench/README.md and bench/results/latest.json written${report.status === 0 ? '' : ' (report failed)'}.\n`);
if (failed.length) process.stdout.write(`Missed a target or failed: ${failed.join(', ')}\n`);
process.exit(failed.length || report.status ? 1 : 0);
