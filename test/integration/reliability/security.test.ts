/**
 * Issue 11, security checks beyond test/integration/webHost.test.ts:
 * - the host's listening socket is bound to 127.0.0.1 (read from /proc/net, not from its own
 *   report) and nothing answers on the machine's other addresses or on ::1;
 * - the token is needed on every path (events too), is taken only from the Authorization header
 *   for calls, and foreign Host/Origin variants are refused; no CORS header ever goes out;
 * - no sync secret reaches the data folder in plain text (nor in Basic-auth base64).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/store';
import { openDatabase } from '../../../electron/services/store/database';
import { startEnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { fieldmeter } from '../../support/cli';
import { rawRequest } from '../../support/rawHttp';
import { seedDemoOutbox, visitDemoRoute } from '../../support/enterpriseSimulator/seed';
import { startHostProcess, type HostedApp } from '../../support/reliability/webHostProcess';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';

const raw = (port: number, path: string, method: string, headers: Record<string, string>) =>
  rawRequest(port, path, { method, headers, body: method === 'POST' ? '{}' : undefined });

const canConnect = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port, timeout: scaled(2000) });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });

/** Local addresses of listening TCP sockets on `port`, from /proc/net/tcp and tcp6 (Linux). */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === '0A') // 0A = LISTEN
      .map((f) => f[1]!.split(':')[0]!),
  );
}

describe('web host: network exposure and request guards', () => {
  // One host for the whole group (a start costs ~1 s), so its folder outlives single tests.
  let host: HostedApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldmeter-sec-'));
    host = await startHostProcess({ db: join(dir, 'fm.db'), workDir: dir });
  }, scaled(60_000));
  afterAll(async () => {
    await host.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(listeningAddresses(host.port)).toEqual(['0100007F']); // 127.0.0.1, little-endian hex
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address);
    for (const address of [...others, '::1']) expect(await canConnect(address, host.port), address).toBe(false);
    expect(await canConnect('127.0.0.1', host.port)).toBe(true);
  });

  it('refuses calls and events without the token, and does not take the token from the query or a cookie', async () => {
    const h = { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json' };
    expect((await raw(host.port, '/api/call/app.info', 'POST', h)).status).toBe(401);
    expect((await raw(host.port, `/api/call/app.info?token=${host.token}`, 'POST', h)).status).toBe(401);
    expect((await raw(host.port, '/api/call/app.info', 'POST', { ...h, Cookie: `token=${host.token}` })).status).toBe(401);
    expect((await raw(host.port, '/api/call/app.info', 'POST', { ...h, Authorization: `Basic ${host.token}` })).status).toBe(401);
    expect((await raw(host.port, '/api/events', 'GET', h)).status).toBe(401);
    expect((await raw(host.port, '/api/call/app.info', 'POST', { ...h, Authorization: `Bearer ${host.token}` })).status).toBe(200);
  });

  it('refuses rebinding Host names and foreign Origins on every path, and never sends CORS headers', async () => {
    const auth = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
    const good = `127.0.0.1:${host.port}`;
    // localhost:<port> is allowed on purpose (guards.ts): only this machine can answer to that name.
    const hosts = [
      `127.0.0.1.evil.example:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
      '127.0.0.1',
      `[::1]:${host.port}`,
      `0.0.0.0:${host.port}`,
    ];
    const origins = ['null', `https://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port}.evil.example`, 'file://'];
    for (const [path, method] of [
      ['/api/call/app.info', 'POST'],
      [`/api/events?token=${host.token}`, 'GET'],
      ['/', 'GET'],
    ] as const) {
      for (const name of hosts)
        expect((await raw(host.port, path, method, { ...auth, Host: name })).status, `${path} Host ${name}`).toBe(403);
      for (const origin of origins)
        expect((await raw(host.port, path, method, { ...auth, Host: good, Origin: origin })).status, `${path} Origin ${origin}`).toBe(403);
    }
    const preflight = await raw(host.port, '/api/call/app.info', 'OPTIONS', {
      Host: good,
      Origin: `http://127.0.0.1:${host.port}`,
      'Access-Control-Request-Method': 'POST',
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const ok = await raw(host.port, '/api/call/app.info', 'POST', { ...auth, Host: good, Origin: `http://127.0.0.1:${host.port}` });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBeUndefined();
  });
});

/** Every file under `dir`, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe('no sync secret in plain text', () => {
  const tempDir = useTempDir();

  it(
    'leaves no password, token or Basic credentials in any file of the data folder after syncs',
    async () => {
      const dir = tempDir();
      const dataDir = join(dir, 'data');
      const db = join(dataDir, 'fm.db');
      mkdirSync(dataDir);
      // Start from an old schema so the upgrade leaves a backup copy in the folder too.
      openDatabase(db, { targetVersion: 1 }).db.close();
      seedDemoOutbox(db, 10);
      const user = 'crew-7-user';
      const password = 'pw-7f3a9c1e-Correct-Horse';
      const token = 'tok-5b2d8e0f41a6c9773e1d';
      // A recording relay in front of the simulator proves the credentials really were sent.
      const sim = await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise') });
      const seen: string[] = [];
      const relay: Server = createServer((req, res) => {
        seen.push(String(req.headers.authorization ?? ''));
        const upstream = httpRequest(
          sim.url,
          { method: req.method, path: req.url, headers: { ...req.headers, host: new URL(sim.url).host } },
          (r) => {
            res.writeHead(r.statusCode ?? 502, r.headers);
            r.pipe(res);
          },
        );
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
      const endpoint = `http://127.0.0.1:${(relay.address() as { port: number }).port}${new URL(sim.url).pathname}`;
      try {
        const first = await fieldmeter(['sync', '--db', db, '--endpoint', endpoint, '--json'], {
          FIELDMETER_SYNC_USER: user,
          FIELDMETER_SYNC_PASSWORD: password,
        });
        expect(first.code, first.stderr).toBe(0);
        const store = openStore(db);
        visitDemoRoute(store, join(dataDir, 'photos'), 5, new Date('2026-11-24T08:00:00Z'));
        store.close();
        const second = await fieldmeter(['sync', '--db', db, '--endpoint', endpoint, '--json'], {
          FIELDMETER_SYNC_TOKEN: token,
          FIELDMETER_SYNC_USER: undefined,
          FIELDMETER_SYNC_PASSWORD: undefined,
        });
        expect(second.code, second.stderr).toBe(0);
        // The web host has no secret store: storing credentials through the API is refused, not written.
        const host = await startHostProcess({ db, workDir: dir });
        const photo = await host.call('photos.add', {
          usagePointId: 'UP-1001',
          fileName: 'm.jpg',
          mimeType: 'image/jpeg',
          dataBase64: '/9j/4AAQSkZJRgABAQAAAQABAAD/2Q==',
        });
        expect(photo.json, 'a photo in the data folder').toMatchObject({ ok: true });
        const set = await host.call('sync.credentials.set', { kind: 'basic', user, password });
        await host.kill('SIGKILL');
        expect(set.json).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^[A-Z_]+$/) } });
      } finally {
        relay.close();
        await sim.close();
      }
      const basic = Buffer.from(`${user}:${password}`).toString('base64');
      expect(seen).toContain(`Basic ${basic}`);
      expect(seen).toContain(`Bearer ${token}`);

      const needles = [password, token, basic].flatMap((s) => [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le')]);
      const files = filesUnder(dataDir);
      expect(files.some((f) => f.endsWith('fm.db'))).toBe(true);
      expect(files.some((f) => f.includes('photos'))).toBe(true);
      expect(files.some((f) => f.endsWith('.bak'))).toBe(true);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const needle of needles) expect(bytes.includes(needle), `${file} holds a secret`).toBe(false);
      }
      process.stderr.write(
        `secrets: ${files.length} files under the data folder checked (${files
          .map((f) => f.slice(dataDir.length + 1))
          .join(', ')
          .slice(0, 300)})\n`,
      );
    },
    scaled(90_000),
  );
});
