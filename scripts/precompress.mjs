/**
 * A Vite plugin that writes a brotli (.br) and a gzip (.gz) copy next to each text asset of the
 * renderer build, so the web host serves them compressed without compressing per request
 * (electron/host/web/staticFiles.ts). Small files are left alone: their headers cost more than
 * compression saves.
 */
import { brotliCompress, constants, gzip } from 'node:zlib';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|wasm)$/;
const MIN_BYTES = 1024;

export function precompress() {
  return {
    name: 'fieldmeter-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      await Promise.all(
        Object.keys(bundle)
          .filter((name) => COMPRESSIBLE.test(name))
          .map(async (name) => {
            const path = join(dir, name);
            const content = await readFile(path);
            if (content.length < MIN_BYTES) return;
            const [br, gzipped] = await Promise.all([
              brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
              gz(content, { level: 9 }),
            ]);
            await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
          }),
      );
    },
  };
}
