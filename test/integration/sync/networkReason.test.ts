/**
 * A connection that fails is coded, not described in English (issue 16 §3): refused, TLS, DNS and
 * timeout failures of real sockets become a network reason with the system's code as an identifier,
 * which the screen and the CLI say from syncWords.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTransport, TransportError } from '../../../electron/services/sync/transport';
import { networkFailure } from '../../../electron/services/sync/networkReason';
import { useTempDir } from '../../support/tempDir';

const openssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

async function failureOf(endpoint: string, timeoutMs = 10_000) {
  const transport = createTransport({ endpoint, auth: { kind: 'none' }, timeoutMs, maxReplyBytes: 1024, maxSockets: 1 });
  try {
    await transport.post('<x/>', {});
  } catch (error) {
    expect(error).toBeInstanceOf(TransportError);
    return (error as TransportError).failure;
  } finally {
    transport.close();
  }
  throw new Error(`${endpoint} answered`);
}

const listening = (server: Server) =>
  new Promise<number>((done) => server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)));

describe('a failed connection as a network reason', () => {
  const tempDir = useTempDir();
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
  });

  it('a closed port: refused, ECONNREFUSED', async () => {
    const server = createNetServer();
    const port = await listening(server);
    await new Promise((done) => server.close(done)); // the port was just free: nothing listens there now
    expect(await failureOf(`http://127.0.0.1:${port}/`)).toEqual({ network: 'refused', systemCode: 'ECONNREFUSED' });
  });

  it('a server that never answers: timed out, without a system code', async () => {
    const accepted: Socket[] = [];
    const server = createNetServer((socket) => void accepted.push(socket)); // accepts and stays silent
    servers.push(server);
    const port = await listening(server);
    const failure = await failureOf(`http://127.0.0.1:${port}/`, 200);
    for (const socket of accepted) socket.destroy();
    expect(failure).toEqual({ network: 'timedOut' });
  });

  it.skipIf(!openssl)('a self-signed certificate: TLS failed, with OpenSSL’s code', async () => {
    const dir = tempDir();
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'],
      {
        stdio: 'ignore',
      },
    );
    const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => res.end('ok'));
    servers.push(server as unknown as Server);
    const port = await listening(server as unknown as Server);
    expect(await failureOf(`https://127.0.0.1:${port}/`)).toEqual({ network: 'tlsFailed', systemCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('names the system codes it knows, and keeps an unknown one as the identifier of a failed connection', () => {
    const failure = (code?: string) => networkFailure(Object.assign(new Error('x'), code ? { code } : {}));
    expect(failure('ENOTFOUND')).toEqual({ network: 'dnsFailed', systemCode: 'ENOTFOUND' });
    expect(failure('EAI_AGAIN')).toEqual({ network: 'dnsFailed', systemCode: 'EAI_AGAIN' });
    expect(failure('ECONNRESET')).toEqual({ network: 'reset', systemCode: 'ECONNRESET' });
    expect(failure('EHOSTUNREACH')).toEqual({ network: 'hostUnreachable', systemCode: 'EHOSTUNREACH' });
    expect(failure('CERT_HAS_EXPIRED')).toEqual({ network: 'tlsFailed', systemCode: 'CERT_HAS_EXPIRED' });
    expect(failure('ERR_TLS_CERT_ALTNAME_INVALID')).toEqual({ network: 'tlsFailed', systemCode: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    expect(failure('EWHATEVER')).toEqual({ network: 'failed', systemCode: 'EWHATEVER' });
    expect(failure('not an identifier: <b>')).toEqual({ network: 'failed' });
    expect(failure()).toEqual({ network: 'failed' });
  });
});
