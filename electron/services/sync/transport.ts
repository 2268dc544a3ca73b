/**
 * HTTP(S) POST of one SOAP message to the enterprise's one endpoint (DESIGN.md §5), and GET /
 * DELETE beside it for the enterprise's queue of messages for this device (sync/inbound.ts). node:https
 * rather than fetch: client certificates and a custom CA go straight into the Agent. TLS
 * verification is always on unless the caller turns it off explicitly. The reply is read up to a
 * size cap and the socket is destroyed beyond it, so a 100 MB answer costs at most the cap.
 */
import http from 'node:http';
import https from 'node:https';
import { networkFailure, type NetworkFailure } from './networkReason';

export type SyncAuth = { kind: 'none' } | { kind: 'basic'; user: string; password: string } | { kind: 'bearer'; token: string };

export interface TlsOptions {
  /** PEM of a CA to trust in addition to (or instead of, for a private PKI) the system's. */
  readonly ca?: string | Buffer;
  /** Client certificate and key (PEM), for mutual TLS. */
  readonly cert?: string | Buffer;
  readonly key?: string | Buffer;
  readonly passphrase?: string;
  /** Default true. Only a test against a self-signed simulator should ever set false. */
  readonly rejectUnauthorized?: boolean;
}

export interface TransportOptions {
  readonly endpoint: string;
  readonly auth: SyncAuth;
  readonly tls?: TlsOptions;
  readonly timeoutMs: number;
  readonly maxReplyBytes: number;
  readonly maxSockets: number;
}

export interface HttpReply {
  status: number;
  body: string;
  durationMs: number;
}

export type TransportErrorKind = 'UNREACHABLE' | 'TIMEOUT' | 'TOO_LARGE';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  /** TOO_LARGE: the limit the reply went over, for the words that say the stop. */
  readonly limitBytes?: number;
  /** What the connection did, coded (the message is English, for the log). */
  readonly failure: NetworkFailure;
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    extra: { readonly limitBytes?: number; readonly failure?: NetworkFailure } = {},
  ) {
    super(message);
    this.limitBytes = extra.limitBytes;
    this.failure = extra.failure ?? { network: kind === 'TIMEOUT' ? 'timedOut' : 'failed' };
  }
}

function authHeader(auth: SyncAuth): Record<string, string> {
  if (auth.kind === 'basic') return { authorization: `Basic ${Buffer.from(`${auth.user}:${auth.password}`, 'utf8').toString('base64')}` };
  if (auth.kind === 'bearer') return { authorization: `Bearer ${auth.token}` };
  return {};
}

export function createTransport(options: TransportOptions) {
  const url = new URL(options.endpoint);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TransportError('UNREACHABLE', `the endpoint ${options.endpoint} is not an http(s) URL`, { failure: { network: 'notHttp' } });
  const secure = url.protocol === 'https:';
  const agent = secure
    ? new https.Agent({
        keepAlive: true,
        maxSockets: options.maxSockets,
        ca: options.tls?.ca,
        cert: options.tls?.cert,
        key: options.tls?.key,
        passphrase: options.tls?.passphrase,
        rejectUnauthorized: options.tls?.rejectUnauthorized ?? true,
      })
    : new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
  const fixedHeaders = authHeader(options.auth);

  function send(
    method: 'POST' | 'GET' | 'DELETE',
    target: URL,
    body: string | null,
    headers: Readonly<Record<string, string>>,
  ): Promise<HttpReply> {
    const started = performance.now();
    const payload = body === null ? null : Buffer.from(body, 'utf8');
    return new Promise<HttpReply>((resolve, reject) => {
      const request = (secure ? https : http).request(target, {
        method,
        agent,
        headers: { ...headers, ...fixedHeaders, ...(payload ? { 'content-length': String(payload.length) } : {}) },
      });
      let settled = false;
      const fail = (error: TransportError) => {
        if (settled) return;
        settled = true;
        request.destroy();
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new TransportError('TIMEOUT', `no reply from ${url.host} within ${options.timeoutMs} ms`)),
        options.timeoutMs,
      );
      request.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        fail(new TransportError('UNREACHABLE', `cannot reach ${url.host}: ${e.code ?? e.message}`, { failure: networkFailure(e) }));
      });
      request.on('response', (response) => {
        const declared = Number(response.headers['content-length'] ?? '0');
        if (declared > options.maxReplyBytes) {
          clearTimeout(timer);
          fail(
            new TransportError('TOO_LARGE', `the reply announces ${declared} bytes, more than the limit of ${options.maxReplyBytes}`, {
              limitBytes: options.maxReplyBytes,
            }),
          );
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxReplyBytes) {
            clearTimeout(timer);
            fail(
              new TransportError('TOO_LARGE', `the reply exceeds the limit of ${options.maxReplyBytes} bytes; reading stopped`, {
                limitBytes: options.maxReplyBytes,
              }),
            );
            return;
          }
          chunks.push(chunk);
        });
        response.on('error', (e: NodeJS.ErrnoException) => {
          clearTimeout(timer);
          const failure = networkFailure(e);
          const network = failure.network === 'failed' ? 'brokeOff' : failure.network;
          fail(
            new TransportError('UNREACHABLE', `the reply from ${url.host} broke off: ${e.message}`, { failure: { ...failure, network } }),
          );
        });
        response.on('end', () => {
          clearTimeout(timer);
          if (settled) return;
          settled = true;
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            durationMs: Math.round(performance.now() - started),
          });
        });
      });
      if (payload) request.end(payload);
      else request.end();
    });
  }

  /** A path next to the endpoint (same host, same credentials, same TLS), e.g. the enterprise's `outbound` queue. */
  const beside = (path: string) => {
    const target = new URL(path, url);
    if (target.origin !== url.origin)
      throw new TransportError('UNREACHABLE', `${path} is not on the endpoint's server`, { failure: { network: 'notAllowed' } });
    return target;
  };

  return {
    endpoint: url.href,
    post: (body: string, headers: Readonly<Record<string, string>>) => send('POST', url, body, headers),
    get: (path: string) => send('GET', beside(path), null, {}),
    delete: (path: string) => send('DELETE', beside(path), null, {}),
    close: () => agent.destroy(),
  };
}
export type Transport = ReturnType<typeof createTransport>;
