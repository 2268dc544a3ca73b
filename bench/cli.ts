/**
 * CLI start (issue 21): CPU time (user + sys) of whole `fieldmeter` commands, median of 5, each
 * round next to a bare `node -e 0` so the ratio holds on a busy machine. The same commands run
 * once more through tsx at run time (FIELDMETER_CLI=source, how bin/fieldmeter ran before the
 * built CLI) for the before/after. Times come from bash's `times` (the children's rusage), so they
 * count every thread of the child and nothing of this process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ensureCliBuilt } from '../scripts/build-cli.mjs';
import { asciiBytes, concatBytes, dataBlock } from '../shared/iec62056';
import { findProfile } from '../electron/services/serial/simulator';

const RUNS = 5;
const root = resolve(import.meta.dirname, '..');
const bin = join(root, 'bin', 'fieldmeter.mjs');
const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-bench-cli-'));

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly targetS?: number;
  readonly targetRatio?: number;
  readonly env?: Readonly<Record<string, string>>;
}

/** CPU seconds (user + sys) of one run of `argv`, from bash's `times` after it waited for the child. */
function cpuSeconds(argv: readonly string[], env: Readonly<Record<string, string>> = {}): number {
  const quoted = argv.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const run = spawnSync('bash', ['-c', `${quoted} >/dev/null 2>&1 || echo "exit $?" >&2; times`], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (run.stderr.includes('exit ')) throw new Error(`${argv.join(' ')} failed: ${run.stderr}`);
  const children = run.stdout.trim().split('\n').at(-1)!;
  const [user, sys] = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return user! + sys!;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const round = (x: number, digits = 3) => Number(x.toFixed(digits));

// The inputs: a 2 kB mode C readout (the simulator's large meter), the demo route with a worked
// day (its training supervisor signs in for the export: one scrypt check of the PIN, slow on
// purpose), the same database without profiles (no sign-in), one PAN label.
const large = findProfile('large')!;
const readout = join(dir, 'readout.bin');
writeFileSync(
  readout,
  concatBytes(asciiBytes(`/?!\r\n/${large.identification}\r\n\x06050\r\n`), dataBlock(`${large.lines.join('\r\n')}\r\n!\r\n`)),
);
const readoutBytes = asciiBytes(`/${large.identification}`).length + dataBlock(`${large.lines.join('\r\n')}\r\n!\r\n`).length;
const db = join(dir, 'demo.db');
await ensureCliBuilt();
execFileSync(process.execPath, [bin, 'demo', 'seed', '--worked', '--db', db]);
const withoutProfiles = join(dir, 'demo-without-profiles.db');
copyFileSync(db, withoutProfiles);
const copy = new Database(withoutProfiles);
copy.exec('DELETE FROM profiles');
copy.close();
const supervisor = { FIELDMETER_USER: 'Sam Supervisor', FIELDMETER_PIN: '333333' };
mkdirSync(join(dir, 'out'));

const cases: Case[] = [
  { name: '`fieldmeter --help`', args: ['--help'], targetS: 0.25, targetRatio: 4 },
  {
    name: '`fieldmeter pan check …` (a valid label)',
    args: ['pan', 'check', '--eui64', '00:0D:6F:00:0A:79:7D:F1', '--install-code', '83FED3407A939723A5C639B26916D505C3B5'],
    targetS: 0.3,
  },
  { name: `\`fieldmeter readout parse\`, ${readoutBytes}-byte mode C readout`, args: ['readout', 'parse', readout], targetS: 0.35 },
  {
    name: '`fieldmeter export --format csv`, the demo day, signed in as its supervisor',
    args: ['export', '--db', db, '--format', 'csv', '--out', join(dir, 'out', 'day.csv')],
    targetS: 0.6,
    env: supervisor,
  },
];
const noSignIn: Case = {
  name: '… the same database without profiles (no sign-in)',
  args: ['export', '--db', withoutProfiles, '--format', 'csv', '--out', join(dir, 'out', 'day2.csv')],
};
const noCheck: Case = {
  name: '`fieldmeter --help` without the rebuild check (FIELDMETER_CLI=built)',
  args: ['--help'],
  env: { FIELDMETER_CLI: 'built' },
};

const node = [process.execPath];
function measure(c: Case, env: Readonly<Record<string, string>> = {}) {
  cpuSeconds([...node, bin, ...c.args], { ...env, ...c.env }); // warm-up: file cache
  const runs: number[] = [];
  const baselines: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const base = cpuSeconds([...node, '-e', '0']);
    const run = cpuSeconds([...node, bin, ...c.args], { ...env, ...c.env });
    baselines.push(base);
    runs.push(run);
    ratios.push(run / base);
  }
  return {
    cpuS: round(median(runs)),
    bareNodeS: round(median(baselines)),
    ratio: round(median(ratios), 2),
    runsS: runs.map((r) => round(r)),
  };
}

try {
  const results = cases.map((c) => {
    const built = measure(c);
    const source = measure(c, { FIELDMETER_CLI: 'source' });
    const ok = (c.targetS === undefined || built.cpuS <= c.targetS) && (c.targetRatio === undefined || built.ratio <= c.targetRatio);
    process.stdout.write(
      `${c.name}: ${built.cpuS} s CPU (${built.ratio}× bare node ${built.bareNodeS} s); through tsx: ${source.cpuS} s${ok ? '' : '  MISSED'}\n`,
    );
    return { name: c.name, targetS: c.targetS ?? null, targetRatio: c.targetRatio ?? null, ok, built, source };
  });
  const check = measure(noCheck);
  process.stdout.write(`${noCheck.name}: ${check.cpuS} s CPU (${check.ratio}×)\n`);
  const unsigned = measure(noSignIn);
  process.stdout.write(`${noSignIn.name}: ${unsigned.cpuS} s CPU (${unsigned.ratio}×)\n`);
  const result = {
    date: new Date().toISOString(),
    runs: RUNS,
    loadAverage: loadavg().map((l) => round(l, 2)),
    cases: results,
    withoutCheck: { name: noCheck.name, ...check },
    withoutSignIn: { name: noSignIn.name, ...unsigned },
  };
  writeFileSync(join(import.meta.dirname, 'results', 'cli.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (results.some((r) => !r.ok)) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
