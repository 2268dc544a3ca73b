/**
 * Sync credentials in the desktop app (issue 18): on Linux without a keyring safeStorage falls back
 * to `basic_text` (a key in Chromium's source), and the app refuses to store a credential there,
 * saying how to fix it. Electron is faked (electron-fakes.ts); the start-up and IPC are real.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel } from '../../shared/contract/api';
import { startMain, type ElectronMain } from '../../electron/main/app';
import { safeStorageProblem } from '../../electron/main/secretStorage';
import { openStore } from '../../electron/services/store';
import { addProfile, TEST_PIN } from '../support/profiles';
import { createFakeElectron } from './electron-fakes';

vi.mock('electron', async () => (await import('./electron-fakes')).createFakeElectron({ singleInstanceLock: false }));
process.env.FIELDMETER_LOG = 'silent';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldmeter-secrets-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** safeStorage as Electron reports it on Linux: encryption "available", with the given backend. */
function safeStorageWith(backend: 'basic_text' | 'gnome_libsecret') {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain: string) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (enc: Buffer) => Buffer.from(enc.map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

async function startWith(backend: 'basic_text' | 'gnome_libsecret') {
  const appPath = join(dir, 'app');
  mkdirSync(join(appPath, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>Fieldmeter</title>');
  const fake = { ...createFakeElectron({ appPath, appData: join(dir, 'appData') }), safeStorage: safeStorageWith(backend) };
  const db = join(dir, `${backend}.db`);
  // A supervisor to sign in as: sync settings and credentials are theirs to set.
  const store = openStore(db);
  await addProfile(store, 'supervisor', 'Sam');
  store.close();
  await startMain(fake as unknown as ElectronMain, ['electron', '.', '--db', db], {});
  const window = fake.windows[0];
  const event = { sender: { id: window?.webContents.id ?? -1 }, senderFrame: window?.webContents.mainFrame ?? null };
  const call = (method: 'sync.settings.set' | 'sync.credentials.set' | 'session.signIn', input: unknown) =>
    fake.ipcMain.handlers.get(ipcChannel(method))?.(event, input);
  expect(await call('session.signIn', { name: 'Sam', secret: TEST_PIN })).toMatchObject({ ok: true });
  return { fake, db, call };
}

describe('safeStorage backend', () => {
  it('names the problem: no encryption, or the well-known key of basic_text on Linux only', () => {
    expect(safeStorageProblem({ isEncryptionAvailable: () => false }, 'linux')).toBe('unavailable');
    expect(safeStorageProblem(safeStorageWith('basic_text'), 'linux')).toBe('plainTextKey');
    expect(safeStorageProblem(safeStorageWith('gnome_libsecret'), 'linux')).toBeNull();
    // Windows (DPAPI) and macOS (Keychain) have no such fallback and no such function.
    expect(safeStorageProblem({ isEncryptionAvailable: () => true }, 'win32')).toBeNull();
  });

  it('with basic_text the app refuses to store a credential and says how to fix it; nothing is written', async () => {
    const { fake, db, call } = await startWith('basic_text');
    expect(
      await call('sync.settings.set', { endpoint: 'https://mdm.example.com/cim', soapVersion: '1.1', caPath: '', schemaFolder: '' }),
    ).toMatchObject({ ok: true });
    const refused = await call('sync.credentials.set', { kind: 'basic', user: 'crew7', password: 'Secret-Pw-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { credentials: 'plainTextKey' } } });
    // How to fix it is said from that reason (errors.credentials.plainTextKey), not from English sent over IPC.
    expect(refused).not.toHaveProperty('error.message');
    fake.app.emit('will-quit');
    const check = new Database(db, { readonly: true });
    expect(check.prepare("SELECT count(*) FROM sync_state WHERE key LIKE 'secret.%'").pluck().get()).toBe(0);
    check.close();
  });

  it('with a keyring the credential is stored, encrypted', async () => {
    const { fake, call } = await startWith('gnome_libsecret');
    await call('sync.settings.set', { endpoint: 'https://mdm.example.com/cim', soapVersion: '1.1', caPath: '', schemaFolder: '' });
    expect(await call('sync.credentials.set', { kind: 'bearer', token: 'tok-1' })).toMatchObject({
      ok: true,
      value: { kind: 'bearer', canStore: true },
    });
    fake.app.emit('will-quit');
  });
});
