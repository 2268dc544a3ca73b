// Runs a built ES module CLI entry with the given arguments and, when the process exits, prints on
// stderr the npm packages it loaded through require (the CommonJS ones: better-sqlite3, serialport,
// pdfkit) as one line `LOADED ["name", …]`. Used by test/integration/cliBuild.test.ts.
const Module = require('node:module');
const { pathToFileURL } = require('node:url');

const [entry, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], entry, ...args];
const packageOf = (path) => {
  const parts = path.split('node_modules/').pop().split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
};
process.on('exit', () => {
  const names = new Set(
    Object.keys(Module._cache)
      .filter((p) => p.includes('node_modules/'))
      .map(packageOf),
  );
  process.stderr.write(`\nLOADED ${JSON.stringify([...names])}\n`);
});
import(pathToFileURL(entry).href);
