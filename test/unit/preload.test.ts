/**
 * The preload bridge with a fake 'electron': exactly `invoke` and `on` reach the page, names
 * outside the contract never reach ipcRenderer, channels come from ipcChannel, and the
 * IPC event object (which carries `sender`) is never handed to page code.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventNames, ipcChannel, methodNames } from '../../shared/contract/api';
import type { Bridge } from '../../shared/contract/handlers';

const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  ipcRenderer: {
    invoke: vi.fn<(channel: string, input: unknown) => Promise<unknown>>(),
    on: vi.fn<(channel: string, listener: (...args: unknown[]) => void) => void>(),
    removeListener: vi.fn<(channel: string, listener: (...args: unknown[]) => void) => void>(),
  },
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (fake.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
      fake.exposed.set(key, api);
    },
  },
  ipcRenderer: fake.ipcRenderer,
}));

await import('../../electron/preload/index');
const bridge = fake.exposed.get('fieldmeter') as Bridge;

beforeEach(() => {
  fake.ipcRenderer.invoke.mockReset();
  fake.ipcRenderer.on.mockReset();
  fake.ipcRenderer.removeListener.mockReset();
});

describe('preload bridge', () => {
  it('exposes one object, window.fieldmeter, with exactly invoke and on', () => {
    expect([...fake.exposed.keys()]).toEqual(['fieldmeter']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
    expect(Object.values(bridge)).not.toContain(fake.ipcRenderer);
  });

  it('sends every contract method on its derived channel and returns main’s result', async () => {
    for (const method of methodNames) {
      fake.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: method });
      expect(await bridge.invoke(method, { a: 1 })).toEqual({ ok: true, value: method });
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(ipcChannel(method), { a: 1 });
    }
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(methodNames.length);
  });

  it('refuses names outside the contract without touching ipcRenderer', async () => {
    for (const name of ['nope', 'fieldmeter:app.info', '__proto__', 'constructor', 'toString', '', 42, null]) {
      const result = await bridge.invoke(name as string, {});
      expect(result, String(name)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns a failed invoke into a result instead of throwing', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'fieldmeter:app.info'"));
    expect(await bridge.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('subscribes to contract events only, passes the payload alone and unsubscribes', () => {
    const [event] = eventNames;
    if (event === undefined) throw new Error('the contract has no events');
    const listener = vi.fn();
    const unsubscribe = bridge.on(event, listener);
    expect(fake.ipcRenderer.on).toHaveBeenCalledOnce();
    const [channel, forward] = fake.ipcRenderer.on.mock.calls[0] ?? [];
    expect(channel).toBe(ipcChannel(event));

    forward?.({ sender: fake.ipcRenderer }, { topics: ['routes'] });
    expect(listener).toHaveBeenCalledWith({ topics: ['routes'] });
    expect(listener.mock.calls[0]).toHaveLength(1);

    unsubscribe();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledWith(ipcChannel(event), forward);
  });

  it('refuses unknown events and non-function listeners', () => {
    expect(() => bridge.on('nope', () => {})).toThrow(/no event named nope/);
    expect(() => bridge.on('__proto__', () => {})).toThrow();
    expect(() => bridge.on(eventNames[0] ?? '', 'x' as unknown as () => void)).toThrow(/function/);
    expect(fake.ipcRenderer.on).not.toHaveBeenCalled();
  });
});
