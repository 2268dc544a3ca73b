/**
 * Stopping a simulator while its writes are still in flight (issue 23 §6). The serialport stream's
 * `drain` waits for the binding's pending write and then drains the descriptor; when the port closes
 * in between, the binding drains a null descriptor and rejects with a TypeError ("First argument
 * must be an int", @serialport/bindings-cpp linux.js `drain`). A write nobody awaited then became an
 * unhandled rejection that ended the process about one shutdown in twenty.
 *
 * Here the stop comes right after the first bytes reach the other end, while more are queued, many
 * times: no unhandled rejection, no uncaught exception, every write settles.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runReceiverSimulator } from '../../../electron/services/mbus/receiverOnPort';
import { trainingRadioMeters } from '../../../electron/services/mbus/trainingRadio';
import { LinkClosedError, openSerialLink } from '../../../electron/services/serial/link';
import { startPtyPair, type PtyPair } from '../../../electron/services/serial/simulator';
import { useTempDir } from '../../support/tempDir';
import { scaled } from '../../support/timeouts';
import { socatSkipReason } from './ptyHarness';

const ROUNDS = 12;

describe.skipIf(socatSkipReason !== null)(`stopping while writing${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`, () => {
  const tempDir = useTempDir();
  let pair: PtyPair | undefined;
  const escaped: unknown[] = [];
  const record = (error: unknown) => escaped.push(error);
  beforeEach(() => {
    escaped.length = 0;
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
  });
  afterEach(async () => {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
    await pair?.stop();
    pair = undefined;
  });

  /** The app's end of the pair, open for the whole test; `next()` resolves on the next bytes it hears. */
  async function appEnd(appPath: string) {
    const app = await openSerialLink(appPath, { baudRate: 115_200, frame: '8N1' });
    let waiting: (() => void) | undefined;
    app.onData(() => waiting?.());
    return { next: () => new Promise<void>((resolve) => (waiting = resolve)), close: () => app.close() };
  }

  /** Lets pending callbacks and rejections surface before counting them. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it(
    'a link closed with writes queued: each write resolves or says the link closed, nothing escapes',
    async () => {
      const dir = tempDir();
      pair = await startPtyPair(join(dir, 'app'), join(dir, 'meter'));
      const outcomes = new Set<string>();
      const app = await appEnd(pair.appPath);
      for (let round = 0; round < ROUNDS; round++) {
        const heard = app.next();
        const link = await openSerialLink(pair.meterPath, { baudRate: 115_200, frame: '8N1' });
        const writes = Promise.allSettled(Array.from({ length: 20 }, () => link.write(new Uint8Array(64).fill(round))));
        await heard;
        await link.close();
        for (const result of await writes) outcomes.add(result.status === 'fulfilled' ? 'written' : (result.reason as Error).name);
        await expect(link.write(new Uint8Array([1]))).rejects.toBeInstanceOf(LinkClosedError);
      }
      await app.close();
      await settle();
      expect(escaped).toEqual([]);
      expect([...outcomes].filter((o) => o !== 'written' && o !== LinkClosedError.name)).toEqual([]);
    },
    scaled(60_000),
  );

  it(
    'the receiver simulator stopped mid-walk leaves nothing behind',
    async () => {
      const dir = tempDir();
      pair = await startPtyPair(join(dir, 'app'), join(dir, 'stick'));
      const app = await appEnd(pair.appPath);
      for (let round = 0; round < ROUNDS; round++) {
        const heard = app.next();
        // rtl-wmbus hears without a mode request; a short interval keeps several telegrams due at once.
        const simulator = await runReceiverSimulator(pair.meterPath, trainingRadioMeters, {
          receiver: 'rtlwmbus',
          seed: round,
          intervalMs: 100,
          lossRate: 0,
        });
        await heard;
        await simulator.stop();
      }
      await app.close();
      await settle();
      expect(escaped).toEqual([]);
    },
    scaled(60_000),
  );
});
