/**
 * Issue 21 item 4 and issue 18 item 7: the web host serves the built renderer in the encoding the
 * browser accepts, from copies the build wrote (the real Vite plugin runs here on real files),
 * and caps the event streams one client can hold open.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type ClientRequest } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startFieldmeter, type Fieldmeter } from '../../electron/services/fieldmeter';
import { startWebHost, type WebHost } from '../../electron/host/web/server';
import { acceptedEncodings } from '../../electron/host/web/staticFiles';
import { precompress } from '../../scripts/precompress.mjs';
import { rawRequest } from '../support/rawHttp';
import { useTempDir } from '../support/tempDir';

const get = (host: WebHost, path: string, headers: Record<string, string> = {}) => rawRequest(host.port, path, { headers });

/** Opens an event stream; resolves with its status once the headers arrive, keeping it open. */
function openStream(host: WebHost): Promise<{ status: number; req: ClientRequest }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: { Host: `127.0.0.1:${host.port}` } },
      (res) => {
        resolve({ status: res.statusCode ?? 0, req });
        res.resume();
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('web host: compressed renderer and capped event streams', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  let host: WebHost | undefined;
  afterEach(async () => {
    await host?.close();
    app?.close();
  });

  /** A renderer folder as the build leaves it: a large script and a tiny one, precompressed by the plugin. */
  async function start() {
    const dir = tempDir();
    const root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    const script = `export const words = ${JSON.stringify(Array.from({ length: 4000 }, (_, i) => `reading ${i}`))};\n`;
    writeFileSync(join(root, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(root, 'assets', 'tiny-def456.js'), 'export {};\n');
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Fieldmeter</title>');
    const plugin = precompress() as unknown as { writeBundle(o: { dir: string }, b: Record<string, unknown>): Promise<void> };
    await plugin.writeBundle({ dir: root }, { 'assets/index-abc123.js': {}, 'assets/tiny-def456.js': {}, 'index.html': {} });
    app = startFieldmeter({ databasePath: join(dir, 'fieldmeter.db'), host: 'web' });
    host = await startWebHost({ app, rendererRoot: root });
    return { host, script, root };
  }

  it('sends brotli, then gzip, then the plain file, as the browser accepts; the bytes are the same file', async () => {
    const { host: h, script, root } = await start();
    const br = await get(h, '/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(script);

    const gz = await get(h, '/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, br;q=0' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(script);

    const plain = await get(h, '/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
    expect(plain.headers['content-security-policy']).toBeTruthy();

    // A small file has no copies and goes out as it is; index.html is asked for anew each time.
    const tiny = await get(h, '/assets/tiny-def456.js', { 'Accept-Encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect((await get(h, '/', { 'Accept-Encoding': 'br' })).headers['cache-control']).toBe('no-cache');
    // The compressed copies are files of the build, not pages of their own name's type.
    expect(readdirSync(join(root, 'assets')).sort()).toEqual([
      'index-abc123.js',
      'index-abc123.js.br',
      'index-abc123.js.gz',
      'tiny-def456.js',
    ]);
  });

  it('reads Accept-Encoding with its q values', () => {
    expect([...acceptedEncodings('gzip;q=0.8, br;q=1.0, identity')]).toEqual(['gzip', 'br', 'identity']);
    expect([...acceptedEncodings('br;q=0, gzip')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });

  it('refuses event streams beyond the cap, and takes a new one when one closes', async () => {
    const { host: h } = await start();
    const open = await Promise.all(Array.from({ length: 16 }, () => openStream(h)));
    expect(open.map((s) => s.status)).toEqual(Array(16).fill(200));
    const refused = await openStream(h);
    expect(refused.status).toBe(429);
    refused.req.destroy();
    open[0]!.req.destroy();
    // The host learns of the close asynchronously: the next stream is accepted once it has.
    let again = await openStream(h);
    while (again.status === 429) {
      again.req.destroy();
      await new Promise((r) => setTimeout(r, 20));
      again = await openStream(h);
    }
    expect(again.status).toBe(200);
    for (const s of [...open, again]) s.req.destroy();
  });
});
