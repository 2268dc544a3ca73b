/**
 * The Listen screen's store against the real listenService (issue 23): a poll asked before Stop and
 * answered after it never brings back "listening", and does not start polling again.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListenCursor, ListenState } from '../../../shared/contract/methods/listen';
import type { ListenService } from '../../../electron/services/mbus/listenService';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';

/** The answers the store asked for; each is computed by the Node side at once and handed over when the test says. */
const held: Array<() => void> = [];
let service: ListenService | undefined;
const ok = <T>(value: T) => ({ ok: true as const, value });
vi.mock('../../../renderer/src/api/client', () => ({
  api: {
    'listen.start': async (input: Parameters<ListenService['start']>[1]) => ok(await service!.start(() => actor, input)),
    'listen.stop': async () => ok(await service!.stop()),
    'listen.state': ({ since }: { since?: ListenCursor }) => {
      const answer = service!.state(since);
      return new Promise<{ ok: true; value: ListenState }>((resolve) => held.push(() => resolve(ok(answer))));
    },
  },
  onTopics: () => () => {},
  subscribe: () => () => {},
  transport: {},
}));

const { listenService } = await import('../../../electron/services/mbus/listenService');
const { meterKeysOf } = await import('../../../electron/services/meterKeys');
const { importRoute } = await import('../../../electron/services/routes/importRoute');
const { openStore } = await import('../../../electron/services/store');
const { useListenStore } = await import('../../../renderer/src/features/listen/listenStore');

const actor = { name: 'Tina', role: 'technician' } as const;
const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';
const route = csv(row({ seq: '10', up: 'UP-1', serial: 'KAM30000001', type: WATER, dials: '6', decimals: '3', last: '100' }));

describe('the Listen store', () => {
  const tempDir = useTempDir();
  let close: (() => void) | undefined;
  beforeEach(() => {
    const store = openStore(join(tempDir(), 'f.db'));
    close = () => store.close();
    importRoute(store, actor, { fileName: 'r.csv', content: route, acceptValidRows: false });
    const link = {
      write: async () => {},
      setBaudRate: async () => {},
      onData: () => () => {},
      onClose: () => () => {},
      close: async () => {},
    };
    service = listenService(store, meterKeysOf(store, {}), join(tempDir(), 'p'), async () => link);
  });
  afterEach(() => {
    vi.useRealTimers();
    close?.();
  });

  it('keeps the stopped state when a poll asked before Stop is answered after it', async () => {
    await useListenStore.getState().start('R1');
    expect(useListenStore.getState().state?.active).toBe(true);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const poll = useListenStore.getState().refresh();
    await useListenStore.getState().stop();
    expect(useListenStore.getState().state?.active).toBe(false);
    held.shift()!();
    await vi.runAllTimersAsync();
    await poll;
    expect(useListenStore.getState().state?.active).toBe(false);
    // Nothing asks again: listening stopped.
    expect(held).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
