/**
 * The Electron IPC host: one `ipcMain.handle` per contract method, every call checked for
 * its sender before it reaches `dispatch` (which validates the input and maps errors), and
 * contract events pushed to every window. It takes an IpcMainLike so tests need no Electron.
 */
import { eventNames, ipcChannel, methodNames, type MethodName } from '../../shared/contract/api';
import type { Handlers } from '../../shared/contract/handlers';
import type { Result } from '../../shared/contract/result';
import { dispatch } from '../host/dispatch';
import type { Fieldmeter } from '../services/fieldmeter';
import { createLogger } from '../services/log';
import { isAppUrl } from './origin';

const log = createLogger('ipc');

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

export interface IpcEventLike {
  readonly sender: { readonly id: number };
  /** Null when the frame navigated away or was destroyed before the message arrived. */
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface WindowLike {
  isDestroyed(): boolean;
  readonly webContents: {
    readonly id: number;
    isDestroyed(): boolean;
    send(channel: string, payload: unknown): void;
  };
}

/**
 * Only the top frame of one of our windows, showing one of our pages, may call the API.
 * An iframe, a page that got past the navigation guard, or a frame gone by the time the
 * message arrives is refused.
 */
export function isTrustedSender(event: IpcEventLike, windows: readonly WindowLike[]): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  return windows.some((window) => !window.isDestroyed() && window.webContents.id === event.sender.id);
}

const unauthorized: Result<never> = {
  ok: false,
  // The refusal is logged where it happens (with the frame's address); the window gets the reason only.
  error: { code: 'UNAUTHORIZED', details: { reason: 'foreignWindow' } },
};

export type IpcApp = Pick<Fieldmeter, 'handlers' | 'events'>;

/** Registers the host; the returned function removes every handler and event forwarder. */
export function registerIpc(ipcMain: IpcMainLike, app: IpcApp, getWindows: () => readonly WindowLike[]): () => void {
  const handlers: Handlers = app.handlers;
  const register = (method: MethodName) => {
    ipcMain.handle(ipcChannel(method), async (event, input) => {
      if (!isTrustedSender(event, getWindows())) {
        log.warn(`refused ${method} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return unauthorized;
      }
      return dispatch(handlers, method, input);
    });
  };
  methodNames.forEach(register);

  const unsubscribes = eventNames.map((name) =>
    app.events.on(name, (payload) => {
      for (const window of getWindows()) {
        if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(ipcChannel(name), payload);
      }
    }),
  );

  return () => {
    for (const method of methodNames) ipcMain.removeHandler(ipcChannel(method));
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
