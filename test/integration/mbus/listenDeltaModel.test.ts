/**
 * The Listen screen's merged state equals the Node side's whole state after every step (meters heard,
 * heard again, saved, duplicates, Stop and Start), and a cursor from another Node process is never taken
 * as one of this session's versions (issue 23). Real listenService on a real SQLite file; the receiver is
 * a link fed telegrams directly.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listenService } from '../../../electron/services/mbus/listenService';
import { meterKeysOf } from '../../../electron/services/meterKeys';
import { importRoute } from '../../../electron/services/routes/importRoute';
import type { SerialLink } from '../../../electron/services/serial/link';
import { openStore, type Store } from '../../../electron/services/store';
import type { ListenState } from '../../../shared/contract/methods/listen';
import { mergeListenState } from '../../../renderer/src/features/listen/mergeListenState';
import { radioRouteCsv, radioTelegram } from '../../support/radioRoute';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'Tina', role: 'technician' } as const;
const route = radioRouteCsv(8, { route: 'R1', up: 'UP-', last: '100', average: '0.3' });
const telegram = (i: number, access: number, volume = '120.000') => radioTelegram(i, volume, access);

/** A receiver that hands the session whatever the test sends. */
const fakeReceiver = () => {
  const listeners = new Set<(b: Uint8Array) => void>();
  const link: SerialLink = {
    write: async () => undefined,
    setBaudRate: async () => undefined,
    onData: (l) => (listeners.add(l), () => listeners.delete(l)),
    onClose: () => () => undefined,
    close: async () => undefined,
  };
  return { link, send: (b: Uint8Array) => listeners.forEach((l) => l(b)) };
};

const cursorOf = (s: ListenState) => ({ session: s.session, version: s.version });
/** What the screen shows, without the bookkeeping of how it got there. */
const shownOf = (s: ListenState | null) => s && { ...s, changedSince: null };

describe('Listen deltas against the whole state', () => {
  const tempDir = useTempDir();
  let store: Store | undefined;
  beforeEach(() => {
    store = openStore(join(tempDir(), 'f.db'));
    importRoute(store, actor, { fileName: 'r.csv', content: route, acceptValidRows: false });
  });
  afterEach(() => store?.close());
  const start = { routeId: 'R1', port: 'x', receiver: 'im871a', mode: 'T1' } as const;

  it('never loses a change, across Stop and Start', async () => {
    const receiver = fakeReceiver();
    const service = listenService(store!, meterKeysOf(store!, {}), join(tempDir(), 'p'), async () => receiver.link);
    let screen: ListenState | null = await service.start(() => actor, start);
    const poll = () => {
      screen = mergeListenState(screen, service.state(screen ? cursorOf(screen) : undefined));
      expect(shownOf(screen)).toEqual(shownOf(service.state()));
    };
    let access = 1;
    for (let round = 0; round < 6; round++) {
      receiver.send(telegram(round, access++));
      poll();
      receiver.send(telegram((round + 3) % 8, access++, `12${round}.500`));
      if (round % 2) service.session().save(`UP-${round}`);
      poll();
      receiver.send(telegram(round, access - 2)); // the same telegram again: a duplicate, counts only
      poll();
      if (round === 3) {
        const beforeStop = cursorOf(screen!);
        screen = await service.stop();
        // A poll asked before Stop is answered with the stopped state, never merged over it.
        expect(mergeListenState(screen, service.state(beforeStop)).active).toBe(false);
        poll();
        screen = await service.start(() => actor, start);
        poll();
      }
    }
    expect(screen!.counts.duplicates).toBeGreaterThan(0);
  });

  it("answers a cursor from another Node process with the whole state, though its numbers match this one's", async () => {
    const services = [0, 1].map((n) => {
      const receiver = fakeReceiver();
      return { receiver, service: listenService(store!, meterKeysOf(store!, {}), join(tempDir(), `p${n}`), async () => receiver.link) };
    });
    const [first, second] = await Promise.all(services.map(async (s) => ({ ...s, started: await s.service.start(() => actor, start) })));
    for (const { receiver } of [first!, second!]) receiver.send(telegram(0, 1));
    expect(first!.service.state().version).toBe(second!.service.state().version);
    const cursor = cursorOf(first!.service.state());
    // This process takes its own cursor, and only its own.
    expect(first!.service.state(cursor).changedSince).toBe(cursor.version);
    const elsewhere = second!.service.state(cursor);
    expect(elsewhere.changedSince).toBeNull();
    expect(elsewhere.heard.map((h) => h.usagePointId)).toEqual(['UP-0']);
  });
});
