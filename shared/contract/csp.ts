/**
 * The Content-Security-Policy of the renderer, one string for both hosts: no inline script,
 * no eval, no remote content. `connect-src 'self'` lets the web transport reach its own host.
 * 'wasm-unsafe-eval' lets the page compile WebAssembly (the barcode decoder, served from 'self'
 * like the scripts); it allows no eval of JavaScript (CSP Level 3, §6.1.2 "wasm-unsafe-eval").
 * `img-src https:` lets the route map show tiles from the tile server a supervisor sets (https
 * only, checked by shared/domain/geo.ts): images only, never scripts or data requests.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
