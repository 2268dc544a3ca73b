/**
 * The web host and the renderer in a real browser (issues 17 and 21):
 *  - host start: wall and CPU time from spawning the host to its printed URL, the built host
 *    (scripts/web-host.mjs, as `npm start` runs it) in turns with the same host compiled through
 *    tsx at run time (how it started before), median of RUNS;
 *  - first page: from navigation to the sign-in form ready for input, in Chromium, with the
 *    renderer served compressed (what a browser asks for) and, in turns, with `identity` only
 *    (the same files uncompressed) as the baseline of the same run; bytes over the wire of each;
 *  - screen change: a section tab pressed until its screen shows, first visit (its chunk loads)
 *    and later visits.
 *
 *   npx tsx bench/renderer.ts   → bench/results/renderer.json
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright';
import { ensureCliBuilt } from '../scripts/build-cli.mjs';

const RUNS = 5;
const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-bench-renderer-'));
const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const TARGETS = { hostStartMs: 2000, firstPageMs: 1000, screenChangeMs: 100 };

interface Started {
  readonly url: string;
  readonly wallMs: number;
  readonly cpuMs: number;
  stop(): void;
}

/** CPU time (user + sys) a process has used so far, from /proc/<pid>/stat. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

function startHost(argv: readonly string[], db: string): Promise<Started> {
  const began = performance.now();
  const child = spawn(process.execPath, [...argv, '--db', db, '--demo'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, FIELDMETER_LOG: 'silent' },
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out)?.[1];
      if (url) resolvePromise({ url, wallMs: performance.now() - began, cpuMs: cpuMsOf(child.pid!), stop: () => child.kill('SIGKILL') });
    });
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)));
  });
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x);

await ensureCliBuilt();
const built = ['scripts/web-host.mjs'];
const throughTsx = ['--import', 'tsx', 'electron/host/web/main.ts'];
const starts = { built: [] as Started[], tsx: [] as Started[] };
for (let i = 0; i < RUNS; i++) {
  for (const [name, argv] of [
    ['built', built],
    ['tsx', throughTsx],
  ] as const) {
    const host = await startHost(argv, join(dir, `start-${name}-${i}.db`));
    host.stop();
    starts[name].push(host);
  }
}

/** Loads the app and waits for the sign-in form to take input; returns the time and the bytes received. */
async function firstPage(page: Page, url: string): Promise<{ ms: number; bytes: number }> {
  let bytes = 0;
  page.on('requestfinished', (request) => {
    void request.sizes().then((s) => (bytes += s.responseBodySize + s.responseHeadersSize));
  });
  const began = performance.now();
  await page.goto(url);
  await page.getByTestId('sign-in-secret').waitFor({ state: 'visible' });
  const ms = performance.now() - began;
  await page.waitForLoadState('networkidle');
  return { ms, bytes };
}

const host = await startHost(built, join(dir, 'app.db'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const pages = { compressed: [] as { ms: number; bytes: number }[], identity: [] as { ms: number; bytes: number }[] };
const screens = { first: [] as number[], later: [] as number[] };
try {
  for (let i = 0; i < RUNS; i++) {
    for (const mode of ['compressed', 'identity'] as const) {
      const context = await browser.newContext({
        viewport: { width: 800, height: 1280 },
        extraHTTPHeaders: mode === 'identity' ? { 'Accept-Encoding': 'identity' } : {},
      });
      const page = await context.newPage();
      pages[mode].push(await firstPage(page, host.url));
      await context.close();
    }
  }
  // Screen changes: signed in as the training supervisor, each section in turn, twice round.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(host.url);
  await page.getByTestId('sign-in-profile').selectOption('Sam Supervisor');
  await page.getByTestId('sign-in-secret').fill('333333');
  await page.getByTestId('sign-in-secret').press('Enter');
  await page.locator('#root > [data-app-state="ready"]').waitFor();
  const sections = ['sync', 'workOrders', 'review', 'routes'];
  for (let round = 0; round < RUNS; round++) {
    for (const id of sections) {
      const began = performance.now();
      await page.getByTestId(`section-${id}`).click();
      await page.locator(`[data-testid="section-${id}"][aria-current="page"]`).waitFor();
      await page.getByTestId('section-loading').waitFor({ state: 'detached' });
      (round === 0 ? screens.first : screens.later).push(performance.now() - began);
    }
  }
  await context.close();
} finally {
  await browser.close();
  host.stop();
}

const result = {
  benchmark: 'renderer',
  date: new Date().toISOString(),
  loadAverage: loadavg().map((x) => +x.toFixed(1)),
  runs: RUNS,
  hostStart: {
    built: { wallMs: round(median(starts.built.map((s) => s.wallMs))), cpuMs: round(median(starts.built.map((s) => s.cpuMs))) },
    throughTsx: { wallMs: round(median(starts.tsx.map((s) => s.wallMs))), cpuMs: round(median(starts.tsx.map((s) => s.cpuMs))) },
  },
  firstPage: {
    compressed: { ms: round(median(pages.compressed.map((p) => p.ms))), kB: round(median(pages.compressed.map((p) => p.bytes)) / 1024) },
    identity: { ms: round(median(pages.identity.map((p) => p.ms))), kB: round(median(pages.identity.map((p) => p.bytes)) / 1024) },
  },
  screenChange: { firstVisitMs: round(median(screens.first)), laterMs: round(median(screens.later)) },
  targets: TARGETS,
};
const ok =
  result.hostStart.built.wallMs <= TARGETS.hostStartMs &&
  result.firstPage.compressed.ms <= TARGETS.firstPageMs &&
  result.screenChange.laterMs <= TARGETS.screenChangeMs;
writeFileSync(join(root, 'bench', 'results', 'renderer.json'), `${JSON.stringify({ ...result, ok }, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(result, null, 2)}\n${ok ? 'targets met' : 'a target was missed'}\n`);
process.exit(ok ? 0 : 1);
