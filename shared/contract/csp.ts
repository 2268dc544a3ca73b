/**
 * The Content-Security-Policy of the renderer, built the same way for both hosts: no inline script,
 * no eval, no remote content. `connect-src 'self'` lets the web transport reach its own host.
 * 'wasm-unsafe-eval' lets the page compile WebAssembly (the barcode decoder, served from 'self'
 * like the scripts); it allows no eval of JavaScript (CSP Level 3, §6.1.2 "wasm-unsafe-eval").
 * Remote images are allowed from one origin only: the tile server a supervisor set for the route
 * map (https only, checked by shared/domain/geo.ts). Without that setting no remote image loads at
 * all, so the page cannot be made to call out through an <img> (CSP Level 3 §2.3.1 host-source).
 */
import { checkTileUrl } from '../domain/geo';

/**
 * The CSP source for a tile URL template: its scheme, host and port. A `{s}` style placeholder as
 * the host's first label (https://{s}.tile.example.org, the servers' sub-domains) becomes `*.`,
 * the host-source wildcard; a placeholder anywhere else in the host gives no source (no tiles).
 */
export function tileSource(tileUrl: string): string | null {
  const checked = checkTileUrl(tileUrl);
  if (!checked.ok || checked.url === '') return null;
  const match = /^https:\/\/([^/?#]+)/i.exec(checked.url);
  const authority = match?.[1];
  if (!authority) return null;
  const wildcard = /^\{[a-z]\}\./.test(authority);
  const rest = wildcard ? authority.replace(/^\{[a-z]\}\./, '') : authority;
  if (/[{}]/.test(rest)) return null;
  let url: URL;
  try {
    url = new URL(`https://${rest}`);
  } catch {
    return null;
  }
  return `https://${wildcard ? '*.' : ''}${url.host}`;
}

/** The policy with the tile server's origin as the only remote image source (none when empty). */
export function contentSecurityPolicyFor(tileUrl: string): string {
  const tiles = tileSource(tileUrl);
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The policy without a tile server: the default, and what every response but the page's carries. */
export const contentSecurityPolicy = contentSecurityPolicyFor('');
