/**
 * The renderer's only door to the main process: `window.fieldmeter` with exactly `invoke`
 * and `on` (the contract's Bridge). Names are checked against the contract here as well as
 * in main, so a compromised page cannot reach an arbitrary channel; ipcRenderer itself and
 * its event objects (which carry `sender`) never cross the bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { eventNames, ipcChannel, isMethodName, type EventName } from '../../shared/contract/api';
import type { Bridge } from '../../shared/contract/handlers';
import type { Result } from '../../shared/contract/result';

export type IpcRendererLike = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

const isEventName = (name: unknown): name is EventName => typeof name === 'string' && (eventNames as readonly string[]).includes(name);

export function createBridge(ipc: IpcRendererLike): Bridge {
  return {
    async invoke(method: string, input: unknown): Promise<Result<unknown>> {
      if (!isMethodName(method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD' } };
      }
      try {
        const result: Result<unknown> = await ipc.invoke(ipcChannel(method), input);
        return result;
      } catch (error) {
        // Only when main has no handler or the payload cannot be cloned: still a Result, never a throw.
        // The developer's reason goes to the window's console; the screen says the code's words.
        console.error(`Fieldmeter could not reach its main process for ${method}:`, error);
        return { ok: false, error: { code: 'INTERNAL', details: { reason: 'unreachable' } } };
      }
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!isEventName(event)) throw new TypeError(`There is no event named ${String(event).slice(0, 80)}.`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      const channel = ipcChannel(event);
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      return () => {
        ipc.removeListener(channel, forward);
      };
    },
  };
}

contextBridge.exposeInMainWorld('fieldmeter', createBridge(ipcRenderer));
