/**
 * The built renderer as the web host serves it (issue 21): each file in the encoding the browser
 * asks for, from the brotli/gzip copies written at build time (scripts/precompress.mjs) — nothing
 * is compressed per request — and the hashed assets cacheable for good, since their names change
 * with their content. A file without a compressed copy (small ones) goes out as it is.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { contentType } from './guards';

/** The encodings written at build time, best first, with the suffix of their copies. */
const encodings = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

export interface StaticFile {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/** The encodings the request accepts (RFC 9110 §12.5.3: `q=0` refuses one). */
export function acceptedEncodings(header: IncomingHttpHeaders['accept-encoding']): Set<string> {
  const accepted = new Set<string>();
  for (const part of String(header ?? '').split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (token && !(q && Number(q.slice(2)) === 0)) accepted.add(token);
  }
  return accepted;
}

/** Reads `file` in the best encoding the request accepts; null when the file does not exist. */
export async function readStatic(file: string, acceptEncoding: IncomingHttpHeaders['accept-encoding']): Promise<StaticFile | null> {
  const accepted = acceptedEncodings(acceptEncoding);
  const type = contentType(file);
  // Hashed names (assets/index-1a2B3c.js) never change content; index.html must be asked for anew.
  const caching = /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
  for (const encoding of encodings) {
    if (!accepted.has(encoding.name)) continue;
    const body = await readFile(file + encoding.suffix).catch(() => null);
    if (body)
      return {
        body,
        headers: { 'Content-Type': type, 'Content-Encoding': encoding.name, Vary: 'Accept-Encoding', 'Cache-Control': caching },
      };
  }
  const body = await readFile(file).catch(() => null);
  return body ? { body, headers: { 'Content-Type': type, Vary: 'Accept-Encoding', 'Cache-Control': caching } } : null;
}
