import type { Plugin } from 'vite';

/** Writes .br and .gz copies of the renderer's text assets at build time. */
export declare function precompress(): Plugin;
