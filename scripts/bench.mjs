#!/usr/bin/env node
// `npm run bench`: every benchmark in turn (each writes bench/results/<name>.json), then
// bench/report.ts regenerates bench/README.md and bench/results/latest.json. A benchmark that
// misses its target or fails still lets the others run; the exit code says whether all passed.
import { spawnSync } from 'node:child_process';

const benches = [
  'run',
  'cim',
  'optical',
  'dlms',
  'dlmsLine',
  'sync',
  'export',
  'webhost',
  'switching',
  'inbound',
  'cli',
  'renderer',
  'mbus',
  'mbusListen',
  'listenFrames',
  'fieldEvidence',
];
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
