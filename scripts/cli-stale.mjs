// Whether out/cli is older than its sources (issue 21), cheaply enough for every CLI start: the
// build's stamp (out/cli/build.json) lists the source files it was made from and the time it
// started; a list of about 200 stats costs a millisecond or two, where walking electron/ and
// shared/ would read every folder. A file added to the sources counts once something imports
// it, and that importer is then newer than the build. Plain JavaScript with no imports of ours:
// bin/fieldmeter.mjs loads it on every start.
import { readFileSync, statSync } from 'node:fs';

/** Why out/cli under `root` (a file: URL ending in /) cannot be used as it is, or null when it is current. */
export function cliBuildStale(root) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(new URL('out/cli/build.json', root), 'utf8'));
  } catch {
    return 'it is not built yet';
  }
  for (const input of stamp.inputs) {
    // A source that is gone was dropped by an importer, which changed too.
    const mtime = statSync(new URL(input, root), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtime > stamp.startedAt) return `${input} changed`;
  }
  return null;
}
