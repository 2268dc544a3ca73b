/**
 * Raw HTTP requests to a host on the loopback address, for tests that send the headers a browser
 * or an attacker would (Host, Origin, Authorization, Accept-Encoding) and read the status, headers
 * and body exactly as they come back. Node sends `Host: 127.0.0.1:PORT` unless the test sets another.
 */
import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The body as sent (compressed bodies stay compressed). */
  readonly body: Buffer;
}

/** One request to 127.0.0.1:`port`; resolves once the whole body has arrived. */
export function rawRequest(port: number, path: string, options: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** The same with the body read as UTF-8 text. */
export async function rawTextRequest(
  port: number,
  path: string,
  options: RawRequest = {},
): Promise<Omit<RawResponse, 'body'> & { readonly body: string }> {
  const response = await rawRequest(port, path, options);
  return { ...response, body: response.body.toString('utf8') };
}
