/**
 * Where readings and credentials may go (issue 18): https:// only (http:// to a loopback simulator),
 * no user or password in the URL (refused; one stored before is removed), credentials bound to the
 * endpoint's origin and dropped when it changes, so they never travel to a new server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncMethods } from '../../../shared/contract/methods/sync';
import { endpointProblem, redactEndpoint } from '../../../shared/domain/syncEndpoint';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { transportOptions } from '../../../electron/services/sync/config';
import { encryptedSecretStore, memorySecretStore } from '../../../electron/services/sync/secrets';
import { openStore } from '../../../electron/services/store';
import { xorEncryptor } from '../../support/encryptor';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

const settingsFor = (endpoint: string) => ({ endpoint, soapVersion: '1.1' as const, caPath: '', schemaFolder: '' });

describe('the sync endpoint', () => {
  it('is https, or http to this machine only, and never carries a user or password', () => {
    for (const ok of [
      'https://mdm.example.com/cim',
      'https://10.0.0.5:8443/x',
      'http://127.0.0.1:4100/cim',
      'http://127.8.9.10/',
      'http://localhost:99/',
      'http://[::1]:8080/',
    ]) {
      expect(endpointProblem(ok), ok).toBeNull();
    }
    for (const plain of [
      'http://mdm.example.com/cim',
      'http://10.0.0.5/',
      'http://localhost.evil.example/',
      'http://128.0.0.1/',
      'http://[::2]/',
      'ftp://mdm.example.com/',
    ]) {
      expect(endpointProblem(plain), plain).toBe('notHttps');
    }
    for (const withUser of [
      'https://user:pass@mdm.example.com/',
      'https://user@mdm.example.com/',
      'https://:pw@mdm.example.com/',
      'http://u:p@127.0.0.1/',
    ]) {
      expect(endpointProblem(withUser), withUser).toBe('userInfo');
    }
    expect(endpointProblem('not a url')).toBe('notUrl');
    expect(redactEndpoint('http://crew:Secret-1@mdm.example.com/cim')).toBe('http://mdm.example.com/cim');
    expect(redactEndpoint('x://crew:Secret-1@what ever')).toBe('x://what ever');
  });

  it('the contract refuses a plain-http or credential-bearing endpoint at the boundary', () => {
    const input = syncMethods['sync.settings.set'].input;
    expect(input.safeParse(settingsFor('https://mdm.example.com/cim')).success).toBe(true);
    expect(input.safeParse(settingsFor('')).success).toBe(true);
    expect(input.safeParse(settingsFor('http://mdm.example.com/cim')).success).toBe(false);
    expect(input.safeParse(settingsFor('https://a:b@mdm.example.com/cim')).success).toBe(false);
  });

  it('a sync refuses an endpoint that is not https, whatever stored it', () => {
    const secrets = memorySecretStore();
    expect(() => transportOptions({ endpoint: 'http://mdm.example.com/cim' }, secrets)).toThrow(/must be an https:\/\/ URL/);
    expect(() => transportOptions({ endpoint: 'https://crew:pw@mdm.example.com/cim' }, secrets)).toThrow(/Leave the user and password out/);
    expect(() => transportOptions({ endpoint: 'https://crew:pw@mdm.example.com/cim' }, secrets)).not.toThrow(/pw/);
    expect(transportOptions({ endpoint: 'http://127.0.0.1:4100/cim' }, secrets).endpoint).toBe('http://127.0.0.1:4100/cim');
  });
});

describe('credentials bound to the endpoint', () => {
  const tempDir = useTempDir();
  const apps: Fieldmeter[] = [];
  afterEach(() => {
    for (const a of apps.splice(0)) a.close();
  });
  // Signed in as a supervisor: sync settings and credentials are theirs to set.
  const start = async (databasePath: string) => {
    const app = startFieldmeter({ databasePath, host: 'electron', secrets: (blobs) => encryptedSecretStore(xorEncryptor, blobs) });
    apps.push(app);
    await signInAs(app, 'supervisor');
    return app;
  };

  it('refuses plain http and a user in the URL from the app, and keeps nothing of them', async () => {
    const app = await start(join(tempDir(), 'fm.db'));
    const h = app.handlers;
    await expect(h['sync.settings.set'](settingsFor('http://mdm.example.com/cim'))).rejects.toThrow(/https/);
    await expect(h['sync.settings.set'](settingsFor('https://crew:Secret-Pw-9@mdm.example.com/cim'))).rejects.toThrow(/user and password/);
    expect((await h['sync.settings.get']({})).settings.endpoint).toBe('');
    const audit = app.store.db.prepare('SELECT group_concat(details) FROM audit_log').pluck().get() as string | null;
    expect(audit ?? '').not.toContain('Secret-Pw-9');
  });

  it('are stored only for a saved endpoint, and a new origin drops them before anything is sent there', async () => {
    const app = await start(join(tempDir(), 'fm.db'));
    const h = app.handlers;
    expect(() => h['sync.credentials.set']({ kind: 'basic', user: 'crew7', password: 'pw-1' })).toThrow(/Save the endpoint first/);
    await h['sync.settings.set'](settingsFor('https://mdm.example.com/cim'));
    expect((await h['sync.credentials.set']({ kind: 'basic', user: 'crew7', password: 'pw-1' })).kind).toBe('basic');
    // Same origin, another path or SOAP version: the credentials stay.
    await h['sync.settings.set']({ ...settingsFor('https://mdm.example.com/other'), soapVersion: '1.2' });
    expect((await h['sync.settings.get']({})).credentials.kind).toBe('basic');
    // Another host (or scheme, or port): gone, so a sync to it carries none.
    await h['sync.settings.set'](settingsFor('https://collector.evil.example/cim'));
    expect((await h['sync.settings.get']({})).credentials.kind).toBe('none');
    expect(app.store.syncState.get('secret.sync.password')).toBeNull();
    expect(app.store.syncState.get('secret.sync.user')).toBeNull();
    await h['sync.settings.set'](settingsFor('https://mdm.example.com/cim'));
    expect((await h['sync.settings.get']({})).credentials.kind).toBe('none');
    h['sync.credentials.set']({ kind: 'bearer', token: 'tok-2' });
    await h['sync.settings.set'](settingsFor('https://mdm.example.com:8443/cim'));
    expect((await h['sync.settings.get']({})).credentials.kind).toBe('none');
  });

  it('a user and password stored in the endpoint before are removed when the app starts', async () => {
    const databasePath = join(tempDir(), 'fm.db');
    const store = openStore(databasePath);
    store.settings.set('sync.endpoint', JSON.stringify(settingsFor('http://crew:Old-Secret-7@mdm.example.com/cim')));
    store.close();
    const app = await start(databasePath);
    expect((await app.handlers['sync.settings.get']({})).settings.endpoint).toBe('http://mdm.example.com/cim');
    app.store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(databasePath).includes('Old-Secret-7')).toBe(false);
    // Still plain http: a sync refuses to start rather than send the readings in clear text.
    expect(() => app.handlers['sync.run']({ trigger: 'user' })).toThrow(/https/);
  });

  it('credentials stored before they were bound stay with the endpoint they were used with', async () => {
    const databasePath = join(tempDir(), 'fm.db');
    const store = openStore(databasePath);
    store.settings.set('sync.endpoint', JSON.stringify(settingsFor('https://mdm.example.com/cim')));
    encryptedSecretStore(xorEncryptor, store.syncState).set('sync.token', 'old-token');
    store.close();
    const app = await start(databasePath);
    expect((await app.handlers['sync.settings.get']({})).credentials.kind).toBe('bearer');
    await app.handlers['sync.settings.set'](settingsFor('https://elsewhere.example/cim'));
    expect((await app.handlers['sync.settings.get']({})).credentials.kind).toBe('none');
  });
});

describe('credentials from the environment (web host)', () => {
  const tempDir = useTempDir();
  const saved = { token: process.env.FIELDMETER_SYNC_TOKEN, endpoint: process.env.FIELDMETER_SYNC_ENDPOINT };
  afterEach(() => {
    for (const [name, value] of [
      ['FIELDMETER_SYNC_TOKEN', saved.token],
      ['FIELDMETER_SYNC_ENDPOINT', saved.endpoint],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('go only to the origin of FIELDMETER_SYNC_ENDPOINT: an endpoint changed in the app gets no run', async () => {
    process.env.FIELDMETER_SYNC_TOKEN = 'env-token';
    process.env.FIELDMETER_SYNC_ENDPOINT = 'https://mdm.example.com/cim';
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    try {
      await signInAs(app, 'supervisor');
      await app.handlers['sync.settings.set'](settingsFor('https://collector.evil.example/cim'));
      expect(() => app.handlers['sync.run']({ trigger: 'user' })).toThrow(
        /credentials of this machine .* are for https:\/\/mdm\.example\.com, not this endpoint/,
      );
    } finally {
      app.close();
    }
  });
});
