import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { precompress } from './scripts/precompress.mjs';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The export worker is an entry of its own: the packaged app starts it from out/main/exportWorker.cjs.
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          exportWorker: resolve(__dirname, 'electron/services/exports/exportWorker.ts'),
        },
        // Native modules load their .node binding at run time; they stay in node_modules.
        external: ['better-sqlite3', 'serialport'],
        // CommonJS as package.json "main" (out/main/index.cjs) expects; the .cjs extension
        // keeps Node from treating it as ESM under "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Bundle zod (the contract's names come with their schemas): a sandboxed preload
      // cannot require anything from node_modules at run time.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // A sandboxed preload is a single CommonJS script: it may require('electron') and
        // nothing else of ours, so the contract is bundled in and there are no chunks.
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    // Relative asset URLs: the same build is served by the web host at / and loaded by Electron.
    base: './',
    plugins: [react(), precompress()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified (electron-vite leaves the renderer readable by default): half the bytes to load and parse.
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
