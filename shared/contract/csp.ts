/**
 * The Content-Security-Policy of the renderer, one string for both hosts: no inline script,
 * no eval, no remote content. `connect-src 'self'` lets the web transport reach its own host.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
