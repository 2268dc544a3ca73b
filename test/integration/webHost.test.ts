import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFieldmeter, type Fieldmeter } from '../../electron/services/fieldmeter';
import { startWebHost, type WebHost } from '../../electron/host/web/server';
import { latestVersion } from '../../electron/services/store/migrations';
import { bigRouteCsv } from '../support/reliability/bigRoute';
import { rawTextRequest, type RawRequest } from '../support/rawHttp';
import { useTempDir } from '../support/tempDir';
import { signInAs } from '../support/profiles';

/** A raw HTTP request, so tests can send the Host and Origin headers a browser or attacker would. */
const raw = (host: WebHost, path: string, options: RawRequest = {}) => rawTextRequest(host.port, path, options);

describe('web host', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  let host: WebHost | undefined;
  afterEach(async () => {
    await host?.close();
    app?.close();
  });

  async function start() {
    const dir = tempDir();
    const rendererRoot = join(dir, 'renderer');
    mkdirSync(rendererRoot);
    writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>Fieldmeter</title>');
    writeFileSync(join(dir, 'secret.txt'), 'not for the browser');
    app = startFieldmeter({ databasePath: join(dir, 'fieldmeter.db'), host: 'web' });
    await signInAs(app, 'technician');
    host = await startWebHost({ app, rendererRoot });
    return host;
  }

  const call = (h: WebHost, method: string, body: string, headers: Record<string, string> = {}) =>
    raw(h, `/api/call/${method}`, {
      method: 'POST',
      body,
      headers: { Host: `127.0.0.1:${h.port}`, Authorization: `Bearer ${h.token}`, 'Content-Type': 'application/json', ...headers },
    });

  it('listens on 127.0.0.1 only and prints a URL with the token in the fragment', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(h.openUrl).toBe(`${h.url}/#token=${h.token}`);
    expect(h.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a contract call with a result object', async () => {
    const h = await start();
    const res = await call(h, 'app.info', '{}');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { host: 'web', firstRun: true, schemaVersion: latestVersion } });
  });

  it('refuses a call without the token, with a wrong token, from a foreign Host or Origin', async () => {
    const h = await start();
    expect((await call(h, 'app.info', '{}', { Authorization: '' })).status).toBe(401);
    expect((await call(h, 'app.info', '{}', { Authorization: `Bearer ${h.token.slice(1)}x` })).status).toBe(401);
    const rebound = await call(h, 'app.info', '{}', { Host: `attacker.example:${h.port}` });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error.code).toBe('UNAUTHORIZED');
    expect((await call(h, 'app.info', '{}', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await raw(h, '/', { headers: { Host: `evil.example:${h.port}` } })).status).toBe(403);
  });

  it('rejects malformed JSON, wrong content type, unknown methods and bad input with coded errors', async () => {
    const h = await start();
    const malformed = await call(h, 'app.info', '{"oops"');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body).error.code).toBe('BAD_REQUEST');
    expect((await call(h, 'app.info', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect(JSON.parse((await call(h, 'app.nope', '{}')).body).error.code).toBe('UNKNOWN_METHOD');
    const bad = JSON.parse((await call(h, 'meters.get', '{"usagePointId": 42}')).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    // still alive after all of that
    expect(JSON.parse((await call(h, 'app.info', '{}')).body).ok).toBe(true);
  });

  it('refuses a body over the size limit', async () => {
    const h = await start();
    const res = await call(h, 'routes.import', JSON.stringify({ fileName: 'x.csv', content: 'x'.repeat(26 * 1024 * 1024) }));
    expect(res.status).toBe(413);
  });

  it('serves the renderer with the CSP and refuses paths outside it', async () => {
    const h = await start();
    const page = await raw(h, '/', { headers: { Host: `127.0.0.1:${h.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/index.html%00.js']) {
      const res = await raw(h, path, { headers: { Host: `127.0.0.1:${h.port}` } });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('not for the browser');
    }
  });

  it('pushes data.changed events to a subscriber with the token', async () => {
    const h = await start();
    expect((await raw(h, '/api/events?token=wrong', { headers: { Host: `127.0.0.1:${h.port}` } })).status).toBe(401);
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: h.port, path: `/api/events?token=${h.token}`, headers: { Host: `127.0.0.1:${h.port}` } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString('utf8');
            if (text.includes('event: data.changed')) {
              resolve(text);
              req.destroy();
            } else if (text.includes(': connected')) {
              void call(h, 'demo.load', '{}');
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    const text = await received;
    expect(text).toMatch(/event: data\.changed\ndata: \{"topics":\["routes"/);
  });

  it('sends a long list in pieces with the same bytes as one JSON text', async () => {
    const h = await start();
    const imported = await call(h, 'routes.import', JSON.stringify({ fileName: 'big.csv', content: bigRouteCsv('BIG', 4_500) }));
    expect(JSON.parse(imported.body)).toMatchObject({ ok: true, value: { usagePoints: 4_500 } });
    const listed = await call(h, 'meters.list', JSON.stringify({ routeId: 'BIG' }));
    expect(listed.status).toBe(200);
    expect(listed.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(listed.body).toBe(JSON.stringify({ ok: true, value: app?.store.meters.listForRoute('BIG', '') }));
  });
});
