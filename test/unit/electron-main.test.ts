/**
 * The Electron shell with the 'electron' module faked: hardening values, CSP, navigation and
 * window-open guards, permissions, the app:// protocol and start-up (single instance,
 * database refused). The IPC host has its own file, electron-ipc.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { App, Session, Shell, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcChannel, methodNames } from '../../shared/contract/api';
import { contentSecurityPolicy } from '../../shared/contract/csp';
import { appFiles, EXIT_DATABASE_REFUSED, nativeBindingFor, startMain, type ElectronMain } from '../../electron/main/app';
import { parseCliArgs } from '../../electron/main/args';
import { mainWordsEn } from '../../electron/main/mainWords';
import { menuTemplate } from '../../electron/main/menu';
import { isAppOrigin, isAppUrl, isSafeExternalUrl, START_URL } from '../../electron/main/origin';
import { appScheme, createAppProtocolHandler } from '../../electron/main/protocol';
import {
  hardenApp,
  hardenSession,
  hardenWebContents,
  isPermissionAllowed,
  secureWebPreferences,
  withContentSecurityPolicy,
} from '../../electron/main/security';
import { createMainWindow } from '../../electron/main/window';
import { createFakeElectron, FakeWebContents, navigationEvent, type FakeElectron } from './electron-fakes';

// The real module throws (and tries a download) where no binary exists. The entry file
// (index.ts) gets this fake; every other test passes its own fake as a parameter.
vi.mock('electron', async () => (await import('./electron-fakes')).createFakeElectron({ singleInstanceLock: false }));

process.env.FIELDMETER_LOG = 'silent';

// The fakes implement only what the code under test touches; the casts live here, once.
const asElectron = (fake: FakeElectron) => fake as unknown as ElectronMain;
const asSession = (fake: FakeElectron) => fake.session.defaultSession as unknown as Session;
const asContents = (fake: FakeWebContents) => fake as unknown as WebContents;
const asShell = (fake: FakeElectron) => fake.shell as unknown as Shell;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldmeter-main-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('pure URL checks', () => {
  it('accepts only our own app:// origin', () => {
    expect(isAppUrl('app://fieldmeter/index.html')).toBe(true);
    expect(isAppUrl('app://fieldmeter/index.html#/meters/UP-1')).toBe(true);
    for (const url of [
      'app://fieldmeter', // no path: not a page
      'app://fieldmeter.evil/index.html',
      'app://fieldmeter@evil/index.html',
      'app://user:pw@fieldmeter/index.html',
      'app://other/index.html',
      'https://fieldmeter/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      '',
      42,
      undefined,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
    expect(isAppOrigin('app://fieldmeter')).toBe(true);
    expect(isAppOrigin('app://fieldmeter.evil')).toBe(false);
    expect(isAppOrigin('null')).toBe(false);
  });

  it('lets only plain http(s) links out to the browser', () => {
    expect(isSafeExternalUrl('https://example.com/help')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'https://user:pw@example.com/',
      'app://fieldmeter/index.html',
      'not a url',
      null,
    ]) {
      expect(isSafeExternalUrl(url), String(url)).toBe(false);
    }
  });

  it('parses --db and --demo and ignores switches that are not ours', () => {
    expect(parseCliArgs(['.', '--demo', '--db', '/tmp/a.db'])).toEqual({ db: '/tmp/a.db', demo: true });
    expect(parseCliArgs(['--db=/tmp/b.db', '--enable-logging'])).toEqual({ db: '/tmp/b.db', demo: false });
    expect(parseCliArgs(['--db', '--demo'])).toEqual({ db: undefined, demo: true });
    expect(parseCliArgs([])).toEqual({ db: undefined, demo: false });
  });

  it('uses the Electron-ABI binding only in development', () => {
    expect(nativeBindingFor(false, { FIELDMETER_SQLITE_BINDING: '/x/better_sqlite3.node' })).toBe('/x/better_sqlite3.node');
    expect(nativeBindingFor(true, { FIELDMETER_SQLITE_BINDING: '/x/better_sqlite3.node' })).toBeUndefined();
    expect(nativeBindingFor(false, {})).toBeUndefined();
  });
});

describe('window hardening', () => {
  it('creates a sandboxed, isolated window without Node', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs', { devTools: false });
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('opens the main window at 1280×800 on app://fieldmeter/index.html and shows it when ready', () => {
    const fake = createFakeElectron();
    const window = createMainWindow(asElectron(fake), { preloadPath: '/p.cjs', devTools: true });
    const created = fake.windows[0];
    expect(created).toBeDefined();
    expect(window).toBe(created);
    expect(created?.options).toMatchObject({ width: 1280, height: 800, show: false });
    expect(created?.options.webPreferences).toEqual(secureWebPreferences('/p.cjs', { devTools: true }));
    expect(created?.loadedUrl).toBe(START_URL);
    expect(created?.visible).toBe(false);
    created?.emit('ready-to-show');
    expect(created?.visible).toBe(true);
  });

  it('blocks navigation and redirects away from app://fieldmeter and allows our own pages', () => {
    const fake = createFakeElectron();
    hardenApp(fake.app as unknown as App, asShell(fake));
    expect(fake.app.enableSandbox).toHaveBeenCalledOnce();
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);

    for (const name of ['will-navigate', 'will-redirect']) {
      const foreign = navigationEvent('https://evil.example/phish');
      contents.emit(name, foreign, foreign.url);
      expect(foreign.preventDefault, name).toHaveBeenCalled();
      const lookalike = navigationEvent('app://fieldmeter.evil/index.html');
      contents.emit(name, lookalike, lookalike.url);
      expect(lookalike.preventDefault, name).toHaveBeenCalled();
      const own = navigationEvent('app://fieldmeter/index.html#/route');
      contents.emit(name, own, own.url);
      expect(own.preventDefault, name).not.toHaveBeenCalled();
    }

    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('denies every window.open and sends only safe web links to the browser', () => {
    const fake = createFakeElectron();
    const contents = new FakeWebContents();
    hardenWebContents(asContents(contents), asShell(fake));
    const open = contents.windowOpenHandler;
    expect(open).toBeDefined();
    expect(open?.({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal).toHaveBeenCalledWith('https://example.com/help');
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://fieldmeter/index.html', 'smb://host/x']) {
      expect(open?.({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.shell.openExternal).toHaveBeenCalledOnce();
  });

  it('also guards the main window it creates (through web-contents-created)', () => {
    const fake = createFakeElectron();
    hardenApp(fake.app as unknown as App, asShell(fake));
    createMainWindow(asElectron(fake), { preloadPath: '/p.cjs', devTools: false });
    const contents = fake.windows[0]?.webContents;
    const event = navigationEvent('https://evil.example/');
    contents?.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents?.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('session hardening', () => {
  it('puts our CSP on every response, replacing any other', () => {
    const fake = createFakeElectron();
    hardenSession(asSession(fake));
    const listener = fake.session.defaultSession.headersListener;
    expect(listener).toBeDefined();
    const callback = vi.fn();
    listener?.(
      { url: 'app://fieldmeter/index.html', responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Kept': ['1'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Kept': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] },
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy] });
  });

  it('grants only the allow-listed permissions, to our origin only', () => {
    const fake = createFakeElectron();
    hardenSession(asSession(fake));
    const {
      permissionRequestHandler: request,
      permissionCheckHandler: check,
      devicePermissionHandler: device,
    } = fake.session.defaultSession;
    const ask = (permission: string, details: Record<string, unknown>) => {
      const callback = vi.fn();
      request?.({}, permission, callback, details);
      expect(callback).toHaveBeenCalledOnce();
      return callback.mock.calls[0]?.[0];
    };
    const own = 'app://fieldmeter/index.html';
    expect(ask('media', { requestingUrl: own, mediaTypes: ['video'] })).toBe(true);
    expect(ask('media', { requestingUrl: own, mediaTypes: ['audio'] })).toBe(false);
    expect(ask('media', { requestingUrl: own, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(ask('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false);
    expect(ask('geolocation', { requestingUrl: own })).toBe(true);
    expect(ask('geolocation', { requestingUrl: 'https://evil.example/' })).toBe(false);
    for (const permission of ['notifications', 'serial', 'hid', 'usb', 'openExternal', 'clipboard-read', 'constructor']) {
      expect(ask(permission, { requestingUrl: own }), permission).toBe(false);
    }
    expect(check?.(null, 'clipboard-sanitized-write', 'app://fieldmeter', {})).toBe(true);
    expect(check?.(null, 'clipboard-sanitized-write', 'https://evil.example', {})).toBe(false);
    expect(check?.(null, 'media', 'app://fieldmeter', { mediaType: 'video' })).toBe(true);
    expect(check?.(null, 'media', 'app://fieldmeter', { mediaType: 'unknown' })).toBe(false);
    expect(check?.(null, 'geolocation', 'app://fieldmeter', {})).toBe(true);
    expect(check?.(null, 'geolocation', 'https://evil.example', {})).toBe(false);
    expect(device?.({ deviceType: 'usb', origin: 'app://fieldmeter' })).toBe(false);
    expect(isPermissionAllowed({ permission: 'toString', origin: 'app://fieldmeter', mediaTypes: [] })).toBe(false);
  });
});

describe('app:// protocol', () => {
  const setUp = () => {
    const root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Fieldmeter</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    // A file next to the renderer folder: one `..` away, must never be served.
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    return createAppProtocolHandler(root);
  };

  it('is registered as a standard, secure scheme with fetch', () => {
    expect(appScheme).toEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('serves the renderer with its content type and the CSP', async () => {
    const handle = setUp();
    const index = await handle(new Request('app://fieldmeter/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await index.text()).toContain('<title>Fieldmeter</title>');
    const root = await handle(new Request('app://fieldmeter/'));
    expect(await root.text()).toContain('<title>Fieldmeter</title>');
    const script = await handle(new Request('app://fieldmeter/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('refuses paths that leave the renderer folder, plain or encoded', async () => {
    const handle = setUp();
    for (const url of [
      'app://fieldmeter/../../etc/passwd',
      'app://fieldmeter/..%2f..%2f..%2fetc%2fpasswd',
      'app://fieldmeter/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://fieldmeter/..%2fsecret.txt',
      'app://fieldmeter/%2e%2e/secret.txt',
      'app://fieldmeter/..%5csecret.txt',
      'app://fieldmeter/assets%2f..%2f..%2fsecret.txt',
      'app://fieldmeter/index.html%00.js',
      'app://fieldmeter/%E0%A4%A',
      'app://fieldmeter/missing.js',
      'app://fieldmeter/assets',
      'app://other/index.html',
    ]) {
      const response = await handle(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('secret');
    }
  });

  it('answers only GET and HEAD', async () => {
    const handle = setUp();
    const post = await handle(new Request('app://fieldmeter/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    const head = await handle(new Request('app://fieldmeter/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
  });
});

describe('start-up', () => {
  const appWith = (options: Parameters<typeof createFakeElectron>[0] = {}) => {
    const appPath = join(dir, 'app');
    mkdirSync(join(appPath, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>Fieldmeter</title>');
    return createFakeElectron({ appPath, appData: join(dir, 'appData'), ...options });
  };

  it('quits at once when another instance holds the lock', async () => {
    const fake = appWith({ singleInstanceLock: false });
    await startMain(asElectron(fake), ['electron', '.'], {});
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(0);
  });

  it('the entry (index.ts) gives up the start when another instance holds the lock', async () => {
    const electron = (await import('electron')) as unknown as FakeElectron;
    await import('../../electron/main/index');
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
  });

  it('starts: sandbox, scheme, protocol, CSP, IPC, demo data and one window on app://fieldmeter', async () => {
    const fake = appWith();
    const db = join(dir, 'start.db');
    await startMain(asElectron(fake), ['electron', '.', '--demo', '--db', db], {});
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([appScheme]);
    expect(fake.app.getPath('userData')).toBe(join(dir, 'appData', 'Fieldmeter'));
    expect(fake.session.defaultSession.headersListener).toBeDefined();
    expect(fake.Menu.setApplicationMenu).toHaveBeenCalled();
    expect([...fake.ipcMain.handlers.keys()]).toHaveLength(methodNames.length);

    const [window] = fake.windows;
    expect(window?.loadedUrl).toBe(START_URL);
    expect(window?.options.webPreferences).toMatchObject({
      preload: appFiles(join(dir, 'app')).preload,
      sandbox: true,
      contextIsolation: true,
    });
    const page = await fake.protocol.handlers.get('app')?.(new Request(START_URL));
    expect(await page?.text()).toContain('<title>Fieldmeter</title>');

    const event = { sender: { id: window?.webContents.id ?? -1 }, senderFrame: window?.webContents.mainFrame ?? null };
    // Nothing but signing in before a profile is signed in; --demo made the training profiles.
    expect(await fake.ipcMain.handlers.get(ipcChannel('routes.list'))?.(event, {})).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_REQUIRED' },
    });
    expect(
      await fake.ipcMain.handlers.get(ipcChannel('session.signIn'))?.(event, { name: 'Tina Technician', secret: '111111' }),
    ).toMatchObject({ ok: true });
    const routes = await fake.ipcMain.handlers.get(ipcChannel('routes.list'))?.(event, {});
    expect(routes).toMatchObject({ ok: true, value: [expect.objectContaining({ trainingMode: true })] });

    fake.app.emit('second-instance');
    expect(window?.focused).toBe(true);
    fake.app.emit('will-quit');
    expect(fake.ipcMain.handlers.size).toBe(0);
  });

  it('shows the database error and quits when the file is from a newer Fieldmeter', async () => {
    const db = join(dir, 'future.db');
    const future = new Database(db);
    future.pragma('user_version = 999');
    future.close();
    const fake = appWith();
    await startMain(asElectron(fake), ['electron', '.', '--db', db], {});
    expect(fake.dialog.showErrorBox).toHaveBeenCalledOnce();
    const [title, message] = fake.dialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toMatch(/cannot open its database/);
    expect(message).toMatch(/newer Fieldmeter/);
    expect(fake.app.exit).toHaveBeenCalledWith(EXIT_DATABASE_REFUSED);
    expect(fake.windows).toHaveLength(0);
  });

  it('builds a menu with developer tools only when unpackaged', () => {
    const labels = (template: ReturnType<typeof menuTemplate>) => JSON.stringify(template);
    expect(labels(menuTemplate({ isPackaged: false, platform: 'linux', words: mainWordsEn.menu }))).toContain('toggleDevTools');
    expect(labels(menuTemplate({ isPackaged: true, platform: 'linux', words: mainWordsEn.menu }))).not.toContain('toggleDevTools');
  });
});
