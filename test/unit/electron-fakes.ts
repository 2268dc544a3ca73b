/**
 * Small hand-written stand-ins for the parts of Electron the main process uses. They only
 * record what was asked of them and replay events the way Electron emits them; all logic
 * under test is the real code in electron/main.
 */
import { vi } from 'vitest';
import type { IpcEventLike } from '../../electron/main/ipc';

type Listener = (...args: unknown[]) => unknown;

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(
        name,
        (this.listeners.get(name) ?? []).filter((l) => l !== wrapped),
      );
      return listener(...args);
    };
    return this.on(name, wrapped);
  }
  emit(name: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) listener(...args);
  }
}

export interface NavigationEvent {
  readonly url: string;
  readonly preventDefault: ReturnType<typeof vi.fn>;
}

export const navigationEvent = (url: string): NavigationEvent => ({ url, preventDefault: vi.fn() });

let nextWebContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++;
  readonly mainFrame = { url: 'app://fieldmeter/index.html', parent: null };
  readonly sent: Array<[string, unknown]> = [];
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export function createFakeElectron(
  options: { singleInstanceLock?: boolean; appPath?: string; appData?: string; systemLanguages?: readonly string[] } = {},
) {
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    name: 'fieldmeter',
    paths: new Map<string, string>([['appData', options.appData ?? '/nonexistent/appData']]),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => options.singleInstanceLock ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getAppPath: () => options.appPath ?? '/nonexistent/app',
    getVersion: () => '9.8.7',
    getPreferredSystemLanguages: () => [...(options.systemLanguages ?? ['en-US'])],
    getLocale: () => 'en-US',
    setName(name: string) {
      app.name = name;
    },
    getPath(name: string): string {
      const path = app.paths.get(name);
      if (path === undefined) throw new Error(`no fake path ${name}`);
      return path;
    },
    setPath(name: string, path: string) {
      app.paths.set(name, path);
    },
  });

  const windows: FakeBrowserWindow[] = [];
  class FakeBrowserWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | undefined;
    visible = false;
    focused = false;
    destroyed = false;
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super();
      windows.push(this);
      // Electron announces every new web contents on the app, before anything is loaded.
      app.emit('web-contents-created', {}, this.webContents);
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.destroyed);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focused = true;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  type HeadersListener = (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
  ) => void;
  const session = {
    headersListener: undefined as HeadersListener | undefined,
    permissionRequestHandler: undefined as Listener | undefined,
    permissionCheckHandler: undefined as Listener | undefined,
    devicePermissionHandler: undefined as Listener | undefined,
    webRequest: {
      onHeadersReceived(listener: HeadersListener) {
        session.headersListener = listener;
      },
    },
    setPermissionRequestHandler(handler: Listener) {
      session.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Listener) {
      session.permissionCheckHandler = handler;
    },
    setDevicePermissionHandler(handler: Listener) {
      session.devicePermissionHandler = handler;
    },
  };

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      protocolHandlers.set(scheme, handler);
    },
    handlers: protocolHandlers,
  };

  const ipcHandlers = new Map<string, (event: IpcEventLike, input: unknown) => Promise<unknown>>();
  const ipcMain = {
    handlers: ipcHandlers,
    handle(channel: string, listener: (event: IpcEventLike, input: unknown) => Promise<unknown>) {
      // Electron refuses a second handler on one channel; so does the fake.
      if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcHandlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      ipcHandlers.delete(channel);
    },
  };

  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    windows,
    session: { defaultSession: session },
    protocol,
    ipcMain,
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    // Sync credentials (issue 7): no keyring in tests, so nothing can be stored.
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
