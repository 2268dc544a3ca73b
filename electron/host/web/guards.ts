/**
 * Small pure checks over untrusted request data for the loopback web host. A page from
 * another origin in the same browser, or a DNS-rebinding name that resolves to 127.0.0.1,
 * must not reach the API: Host and Origin are checked against our exact address, and every
 * API call carries the per-run token.
 */
import { timingSafeEqual } from 'node:crypto';
import { extname, resolve, sep } from 'node:path';

export function isAllowedHost(host: unknown, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Origin is absent on same-origin GETs; when present it must be our own. */
export function isAllowedOrigin(origin: unknown, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(presented: unknown, token: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearer(header: unknown): string | undefined {
  return typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/**
 * Maps a URL path to a file under root, or null when it would leave root (`..`, encoded
 * slashes, NUL) or is not a plain path. The same rule guards the Electron `app://` protocol.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const full = resolve(base, relative);
  if (full !== base && !full.startsWith(base + sep)) return null;
  return full;
}

const types: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  // The barcode decoder: WebAssembly.instantiateStreaming accepts only this type.
  '.wasm': 'application/wasm',
};
export const contentType = (path: string) => types[extname(path).toLowerCase()] ?? 'application/octet-stream';
