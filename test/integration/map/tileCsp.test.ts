/**
 * The page's CSP follows the map's tile setting (issue 24 §4): remote images from the configured
 * tile server's origin only, none at all without one — in the web host's header and in the
 * desktop app's app:// protocol and session, both built from the same stored setting.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startWebHost, type WebHost } from '../../../electron/host/web/server';
import { createAppProtocolHandler } from '../../../electron/main/protocol';
import { withContentSecurityPolicy } from '../../../electron/main/security';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { contentSecurityPolicyFor, tileSource } from '../../../shared/contract/csp';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

const imgSrc = (policy: string | null | undefined) => (policy ?? '').split('; ').find((d) => d.startsWith('img-src '));

function pagePolicy(host: WebHost): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: `127.0.0.1:${host.port}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.headers['content-security-policy'] ?? '')));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('tile sources in the CSP', () => {
  it('takes scheme, host and port from the template; a sub-domain placeholder becomes the host wildcard', () => {
    expect(tileSource('https://tiles.example.org/{z}/{x}/{y}.png')).toBe('https://tiles.example.org');
    expect(tileSource('https://tiles.example.org:8443/osm/{z}/{x}/{y}.png?key=1')).toBe('https://tiles.example.org:8443');
    expect(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    // No source where none is safe: empty, not https, a placeholder inside the host.
    expect(tileSource('')).toBeNull();
    expect(tileSource('http://tiles.example.org/{z}/{x}/{y}.png')).toBeNull();
    expect(tileSource('https://tiles{s}.example.org/{z}/{x}/{y}.png')).toBeNull();
    expect(imgSrc(contentSecurityPolicyFor(''))).toBe("img-src 'self' data: blob:");
  });
});

describe('the page CSP follows the tile setting', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  let host: WebHost | undefined;
  afterEach(async () => {
    await host?.close();
    app?.close();
    host = app = undefined;
  });

  it('allows no remote image without a tile server, then only the configured origin, in both hosts', async () => {
    const dir = tempDir();
    const root = join(dir, 'renderer');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Fieldmeter</title>');
    app = startFieldmeter({ databasePath: join(dir, 'fieldmeter.db'), host: 'web' });
    host = await startWebHost({ app, rendererRoot: root });
    const protocol = createAppProtocolHandler(root, app.contentSecurityPolicy);
    const desktopPolicy = async () => (await protocol(new Request('app://fieldmeter/index.html'))).headers.get('content-security-policy');

    // No setting: images from the app itself only (the old policy allowed any https: origin).
    for (const policy of [
      await pagePolicy(host),
      await desktopPolicy(),
      withContentSecurityPolicy({}, app.contentSecurityPolicy())['Content-Security-Policy']?.[0],
    ]) {
      expect(imgSrc(policy)).toBe("img-src 'self' data: blob:");
      expect(policy).not.toMatch(/https:(?!\/\/)/);
    }

    await signInAs(app, 'supervisor', 'Sam');
    const saved = await dispatch(app.handlers, 'map.settings.set', {
      tileUrl: 'https://tiles.example.org/{z}/{x}/{y}.png',
      farDistanceM: 150,
    });
    expect(saved.ok).toBe(true);
    for (const policy of [
      await pagePolicy(host),
      await desktopPolicy(),
      withContentSecurityPolicy({ 'content-security-policy': ['default-src *'] }, app.contentSecurityPolicy())[
        'Content-Security-Policy'
      ]?.[0],
    ]) {
      expect(imgSrc(policy)).toBe("img-src 'self' data: blob: https://tiles.example.org");
    }
  });
});
