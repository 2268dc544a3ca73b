/**
 * The Electron IPC host against a real Fieldmeter on a temp SQLite file: one handler per
 * contract method, the sender check before any handler runs, input validation through
 * dispatch, and contract events pushed to windows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ipcChannel, methodNames } from '../../shared/contract/api';
import { isTrustedSender, registerIpc, type IpcEventLike, type IpcMainLike, type WindowLike } from '../../electron/main/ipc';
import { startFieldmeter, type Fieldmeter } from '../../electron/services/fieldmeter';
import { createFakeElectron, type FakeElectron } from './electron-fakes';
import { signInAs } from '../support/profiles';

process.env.FIELDMETER_LOG = 'silent';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fieldmeter-ipc-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('IPC host', () => {
  let fieldmeter: Fieldmeter;
  let fake: FakeElectron;
  let dispose: () => void;
  let window: InstanceType<FakeElectron['BrowserWindow']>;

  beforeEach(async () => {
    fieldmeter = startFieldmeter({ databasePath: join(dir, 'ipc.db'), host: 'electron' });
    await signInAs(fieldmeter, 'technician');
    fake = createFakeElectron();
    window = new fake.BrowserWindow({});
    dispose = registerIpc(fake.ipcMain satisfies IpcMainLike, fieldmeter, () => fake.BrowserWindow.getAllWindows());
  });
  afterEach(() => {
    dispose();
    fieldmeter.close();
  });

  const fromOurWindow = (): IpcEventLike => ({ sender: { id: window.webContents.id }, senderFrame: window.webContents.mainFrame });
  const call = (method: string, input: unknown, event: IpcEventLike = fromOurWindow()) => {
    const handler = fake.ipcMain.handlers.get(ipcChannel(method as (typeof methodNames)[number]));
    if (!handler) throw new Error(`no handler for ${method}`);
    return handler(event, input);
  };

  it('registers exactly one handler per contract method, on the derived channel', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((m) => ipcChannel(m)).sort());
  });

  it('serves a good call from our window through the real handlers', async () => {
    const info = await call('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', firstRun: true, databasePath: join(dir, 'ipc.db') } });
    expect(await call('demo.load', {})).toMatchObject({ ok: true });
    const routes = await call('routes.list', {});
    expect(routes).toMatchObject({ ok: true, value: [expect.objectContaining({ trainingMode: true })] });
  });

  it('refuses calls that are not from the top frame of our window, before any handler runs', async () => {
    const refused: IpcEventLike[] = [
      { sender: { id: window.webContents.id }, senderFrame: { url: 'https://evil.example/', parent: null } },
      { sender: { id: window.webContents.id }, senderFrame: { url: 'app://fieldmeter/index.html', parent: window.webContents.mainFrame } },
      { sender: { id: window.webContents.id }, senderFrame: null },
      { sender: { id: 9999 }, senderFrame: { url: 'app://fieldmeter/index.html', parent: null } },
      { sender: { id: window.webContents.id }, senderFrame: { url: 'app://fieldmeter.evil/index.html', parent: null } },
    ];
    for (const event of refused) {
      expect(await call('demo.load', {}, event)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    // Nothing was imported: the handler never ran.
    expect(fieldmeter.store.routes.count()).toBe(0);
    expect(window.webContents.sent).toEqual([]);
  });

  it('refuses a destroyed window', async () => {
    window.destroyed = true;
    const windows: WindowLike[] = [window];
    expect(isTrustedSender(fromOurWindow(), windows)).toBe(false);
    expect(await call('app.info', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('answers malformed input with BAD_REQUEST', async () => {
    expect(await call('meters.list', { routeId: 5 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await call('app.info', { extra: true })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await call('meters.get', { usagePointId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('pushes contract events to every live window', async () => {
    const closed = new fake.BrowserWindow({});
    closed.webContents.destroyed = true;
    await call('demo.load', {});
    // The store announces its writes once per turn, after the transaction.
    await new Promise((resolve) => setImmediate(resolve));
    expect(window.webContents.sent).toContainEqual([ipcChannel('data.changed'), { topics: expect.arrayContaining(['routes', 'stops']) }]);
    expect(closed.webContents.sent).toEqual([]);
  });

  it('removes its handlers and stops forwarding when disposed', () => {
    dispose();
    expect(fake.ipcMain.handlers.size).toBe(0);
    fieldmeter.events.emit('data.changed', { topics: ['routes'] });
    expect(window.webContents.sent).toEqual([]);
    dispose = () => {};
  });
});
