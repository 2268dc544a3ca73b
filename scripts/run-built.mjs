// Runs one entry of the plain-JavaScript build in out/cli (scripts/build-cli.mjs; issue 21: no
// TypeScript is compiled at a start): the `fieldmeter` command (bin/fieldmeter.mjs) and the web
// host (scripts/web-host.mjs, which `npm start` and the tests run).
//
// A source file newer than the build (a developer edited electron/ or shared/) rebuilds it first
// (about 0.5 s). The check (scripts/cli-stale.mjs) stats only the files the build was made from:
// about 200 stats, a millisecond or two. FIELDMETER_CLI=source runs the TypeScript through tsx
// instead (no build at all); FIELDMETER_CLI=built skips the check (an installed copy never edited).
import { statSync } from 'node:fs';
import { cliBuildStale } from './cli-stale.mjs';

const root = new URL('../', import.meta.url);

/** Runs out/cli/<name>.mjs, or `source` (a path under the package root) through tsx when asked or when there is no build. */
export async function runBuilt(name, source) {
  const entry = new URL(`out/cli/${name}.mjs`, root);
  const runSource = async () => {
    const { register } = await import('tsx/esm/api');
    register();
    await import(new URL(source, root).href);
  };
  const mode = process.env.FIELDMETER_CLI;
  if (mode === 'source') return runSource();
  const reason = mode === 'built' ? null : cliBuildStale(root);
  let built = reason === null;
  if (!built) {
    try {
      const { buildCli } = await import(new URL('scripts/build-cli.mjs', root).href);
      await buildCli();
      built = true;
    } catch (error) {
      // No build tools (a production install without devDependencies) or a source that does not
      // compile: say so once and run what there is.
      process.stderr.write(
        `fieldmeter: could not build (${reason}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`,
      );
    }
  }
  if (built || statSync(entry, { throwIfNoEntry: false })) await import(entry.href);
  else await runSource();
}
