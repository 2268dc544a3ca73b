/**
 * `npm run bench` and the report read one list (bench/benchmarks.json): every benchmark that writes
 * a result is run and reported, and every listed one exists.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const bench = resolve(import.meta.dirname, '../../bench');
const listed = JSON.parse(readFileSync(join(bench, 'benchmarks.json'), 'utf8')) as { script: string; result?: string }[];

describe('the benchmark list', () => {
  it('names every benchmark that writes a result, and only scripts that exist', () => {
    const writers = readdirSync(bench)
      .filter((f) => f.endsWith('.ts') && f !== 'report.ts')
      .filter((f) => /'results'/.test(readFileSync(join(bench, f), 'utf8')))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(listed.map((b) => b.script).sort()).toEqual(writers.sort());
    for (const b of listed) expect(existsSync(join(bench, `${b.script}.ts`))).toBe(true);
  });

  it('gives each result file once', () => {
    const results = listed.map((b) => b.result ?? b.script);
    expect(new Set(results).size).toBe(results.length);
  });
});
