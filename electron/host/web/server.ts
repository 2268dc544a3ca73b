/**
 * The web host: serves the renderer and the API contract on 127.0.0.1 only, on a random
 * port, behind a per-run token. It is how the real renderer runs in a real browser, for the
 * end-to-end tests and for `npm start` where Electron cannot run.
 *
 *   POST /api/call/<method>   body: JSON input   header: Authorization: Bearer <token>
 *   GET  /api/events?token=…  server-sent events, one per contract event
 *   GET  /api/export/<name>   an export file as a download   header: Authorization: Bearer <token>
 *   GET  /api/receipt/<name>  a visit receipt (PDF) as a download   header: Authorization: Bearer <token>
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventNames } from '../../../shared/contract/api';
import { contentSecurityPolicy } from '../../../shared/contract/csp';
import { AppError, type Result } from '../../../shared/contract/result';
import { EXPORT_DOWNLOAD_PATH } from '../../../shared/contract/supervisorEntities';
import { RECEIPT_DOWNLOAD_PATH } from '../../../shared/evidence/visit';
import { exportMediaType } from '../../services/exports/exportFiles';
import type { Fieldmeter } from '../../services/fieldmeter';
import { createLogger } from '../../services/log';
import { dispatch, leaving } from '../dispatch';
import { bearer, isAllowedHost, isAllowedOrigin, resolveStaticPath, tokenMatches } from './guards';
import { readStatic } from './staticFiles';

const log = createLogger('web-host');
const MAX_BODY = 25 * 1024 * 1024;
/** Event streams open at once, and the bytes one may hold unread before it is closed. */
const MAX_STREAMS = 16;
const MAX_STREAM_BACKLOG = 1024 * 1024;

export interface WebHostOptions {
  readonly app: Pick<Fieldmeter, 'handlers' | 'events'> & Partial<Pick<Fieldmeter, 'exportFile' | 'receiptFile' | 'contentSecurityPolicy'>>;
  /** Folder with the built renderer (index.html); API only when absent. */
  readonly rendererRoot?: string;
  readonly port?: number;
  readonly token?: string;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** The URL a person opens: the token travels in the fragment, never to the server's logs. */
  readonly openUrl: string;
  close(): Promise<void>;
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(text);
}

/** Items per piece when a long list is sent: small enough that no piece is big, large enough to be quick. */
const LIST_PIECE = 2_000;

/**
 * A successful result holding a long list (meters.list of a 100,000-stop route: 22 MB of JSON) is
 * written in pieces, waiting for the socket to drain, so the whole answer never exists at once as
 * one string and one buffer (issue 11). The bytes are exactly JSON.stringify's.
 */
async function sendResult(res: ServerResponse, result: Result<unknown>): Promise<void> {
  if (!result.ok || !Array.isArray(result.value) || result.value.length <= LIST_PIECE) return send(res, 200, result);
  const items: readonly unknown[] = result.value;
  res.writeHead(200, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8' });
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  const write = (text: string) => (res.write(text) ? Promise.resolve() : drained());
  await write('{"ok":true,"value":[');
  for (let i = 0; i < items.length; i += LIST_PIECE) {
    if (res.destroyed) return;
    const piece = JSON.stringify(items.slice(i, i + LIST_PIECE));
    await write((i === 0 ? '' : ',') + piece.slice(1, -1));
  }
  res.end(']}');
}

/** A refusal of the host itself: code and reason on the wire, the English sentence in the log only. */
function sendError(res: ServerResponse, status: number, error: AppError) {
  send(res, status, { ok: false, error: leaving('web-host', error) });
}

const tokenMissingOrWrong = (presented: unknown) =>
  presented === undefined || presented === null
    ? new AppError('UNAUTHORIZED', 'The access token is missing. Open the URL Fieldmeter printed at start.', { reason: 'tokenMissing' })
    : new AppError('UNAUTHORIZED', 'The access token is wrong. Open the URL Fieldmeter printed at start.', { reason: 'tokenWrong' });

/**
 * The body as text, or null when it is over the limit. An oversized body is still read to its
 * end (and dropped): closing the connection under a client that is still sending makes its
 * write fail with a reset instead of letting it read our 413. requestTimeout bounds the wait.
 */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY) chunks.push(chunk as Buffer);
  }
  return size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8');
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;

  async function handleCall(req: IncomingMessage, res: ServerResponse, method: string) {
    const presented = bearer(req.headers.authorization);
    if (!tokenMatches(presented, token)) return sendError(res, 401, tokenMissingOrWrong(presented));
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 415, new AppError('BAD_REQUEST', 'Send the request body as application/json.', { reason: 'notJsonType' }));
    }
    const body = await readBody(req);
    if (body === null)
      return sendError(
        res,
        413,
        new AppError('BAD_REQUEST', 'The request is larger than 25 MB.', { reason: 'bodyTooLarge', limitMb: MAX_BODY / 1024 / 1024 }),
      );
    let input: unknown;
    try {
      input = body === '' ? {} : JSON.parse(body);
    } catch {
      return sendError(res, 400, new AppError('BAD_REQUEST', 'The request body is not valid JSON.', { reason: 'notJson' }));
    }
    await sendResult(res, await dispatch(options.app.handlers, method, input));
  }

  /** Open event streams: a tab holds one; more than MAX_STREAMS is a client gone wrong (issue 18). */
  const streams = new Set<ServerResponse>();

  function handleEvents(req: IncomingMessage, res: ServerResponse, url: URL) {
    const presented = url.searchParams.get('token');
    if (!tokenMatches(presented, token)) return sendError(res, 401, tokenMissingOrWrong(presented));
    if (streams.size >= MAX_STREAMS)
      return sendError(
        res,
        429,
        new AppError('BAD_REQUEST', 'Too many open event streams: close other Fieldmeter tabs.', {
          reason: 'tooManyStreams',
          limit: MAX_STREAMS,
        }),
      );
    res.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    const unsubscribe = eventNames.map((name) =>
      options.app.events.on(name, (payload) => {
        // A reader that stopped reading is let go rather than buffered without end; its browser
        // reconnects and refetches what it shows.
        if (res.writableLength > MAX_STREAM_BACKLOG) return res.destroy();
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      }),
    );
    req.on('close', () => {
      streams.delete(res);
      unsubscribe.forEach((off) => off());
    });
  }

  /**
   * An export or a receipt as a download: the name must be one the app wrote (services/exports/exportFiles,
   * services/evidence/receipts), never a path.
   */
  function handleDownload(req: IncomingMessage, res: ServerResponse, name: string, what: 'export' | 'receipt') {
    const presented = bearer(req.headers.authorization);
    if (!tokenMatches(presented, token)) return sendError(res, 401, tokenMissingOrWrong(presented));
    let file;
    try {
      const { exportFile, receiptFile } = options.app;
      const decoded = decodeURIComponent(name);
      if (what === 'export' && exportFile) file = exportFile(decoded);
      else if (what === 'receipt' && receiptFile) file = { ...receiptFile(decoded), format: 'pdf' as const };
      else throw new AppError('NOT_FOUND', `This host serves no ${what}s.`, { reason: 'notServed' });
    } catch (error) {
      const known =
        error instanceof AppError
          ? error
          : new AppError('NOT_FOUND', `There is no such ${what}.`, { reason: what === 'receipt' ? 'receiptUnknown' : 'exportUnknown' });
      return sendError(res, known.code === 'FORBIDDEN' || known.code === 'SIGN_IN_REQUIRED' ? 403 : 404, known);
    }
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Type': exportMediaType[file.format],
      'Content-Length': String(file.size),
      // The name is [0-9A-Za-z-.] only (exportFileName), so it needs no quoting beyond the quotes.
      'Content-Disposition': `attachment; filename="${file.name}"`,
    });
    createReadStream(file.path)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string) {
    const root = options.rendererRoot;
    const file = root ? resolveStaticPath(root, pathname) : null;
    const found = file ? await readStatic(file, req.headers['accept-encoding']) : null;
    if (!found) return sendError(res, 404, new AppError('NOT_FOUND', 'No such page.', { reason: 'notServed' }));
    // The page's policy follows the map's tile setting (read per request: a changed setting applies at the next load).
    const policy = options.app.contentSecurityPolicy?.() ?? contentSecurityPolicy;
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Security-Policy': policy,
      ...found.headers,
      'Content-Length': String(found.body.length),
    });
    res.end(found.body);
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      if (!isAllowedHost(req.headers.host, port))
        return sendError(res, 403, new AppError('UNAUTHORIZED', 'Requests must be addressed to 127.0.0.1.', { reason: 'foreignHost' }));
      if (!isAllowedOrigin(req.headers.origin, port))
        return sendError(res, 403, new AppError('UNAUTHORIZED', 'Requests from other sites are refused.', { reason: 'foreignSite' }));
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const call = /^\/api\/call\/([\w.]+)$/.exec(url.pathname);
      if (call && req.method === 'POST') return handleCall(req, res, call[1] as string);
      if (url.pathname === '/api/events' && req.method === 'GET') return handleEvents(req, res, url);
      if (url.pathname.startsWith(EXPORT_DOWNLOAD_PATH) && req.method === 'GET')
        return handleDownload(req, res, url.pathname.slice(EXPORT_DOWNLOAD_PATH.length), 'export');
      if (url.pathname.startsWith(RECEIPT_DOWNLOAD_PATH) && req.method === 'GET')
        return handleDownload(req, res, url.pathname.slice(RECEIPT_DOWNLOAD_PATH.length), 'receipt');
      if (url.pathname.startsWith('/api/')) return sendError(res, 404, new AppError('UNKNOWN_METHOD', 'No such API path.'));
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendError(
          res,
          405,
          new AppError('BAD_REQUEST', 'Method not allowed.', { reason: 'httpMethod', httpMethod: String(req.method).slice(0, 16) }),
        );
      return handleStatic(req, res, url.pathname);
    })().catch((error: unknown) => {
      log.error('request failed', error);
      if (!res.headersSent)
        sendError(res, 500, new AppError('INTERNAL', 'Something went wrong inside Fieldmeter. Your saved data is safe; try again.'));
      else res.end();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 60_000;

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  log.info(`listening on ${url}`);
  return {
    url,
    port,
    token,
    openUrl: `${url}/#token=${token}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
