/**
 * The `app://fieldmeter/` scheme that serves the built renderer. A real origin (instead of
 * file://) gives the page a same-origin policy, a CSP 'self' that means only our files, and
 * navigation guards that can tell our pages from anything else.
 */
import { readFile } from 'node:fs/promises';
import type { CustomScheme, Protocol } from 'electron';
import { contentSecurityPolicy } from '../../shared/contract/csp';
import { contentType, resolveStaticPath } from '../host/web/guards';
import { APP_HOST, APP_SCHEME } from './origin';

/** Registered before the app is ready; `standard` gives it origins and relative URLs. */
export const appScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const satisfies CustomScheme;

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
} as const;

const notFound = () => new Response('Not found', { status: 404, headers: securityHeaders });

/** Maps `app://fieldmeter/<path>` to a file under rendererRoot; 404 for anything else. */
export function createAppProtocolHandler(
  rendererRoot: string,
  policy: () => string = () => contentSecurityPolicy,
): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return notFound();
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: securityHeaders });
    }
    // The same traversal guard as the web host: `..`, encoded slashes and NUL never leave root.
    const file = resolveStaticPath(rendererRoot, url.pathname);
    if (file === null) return notFound();
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    // The page's policy follows the map's tile setting (shared/contract/csp.ts).
    const headers = { ...securityHeaders, 'Content-Security-Policy': policy(), 'Content-Type': contentType(file) };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string, policy?: () => string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot, policy));
}
