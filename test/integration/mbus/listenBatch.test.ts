/**
 * Listen's auto-saves in batches (issue 23): meters heard first within one short window are saved in
 * ONE transaction, each through the reading checks and with its own audit row. Commits are counted in
 * the database's write-ahead log (test/support/walCommits.ts), so a save per meter shows as a commit
 * per meter.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../../electron/services/store/repositories/journal';
import { AppError } from '../../../shared/contract/appError';
import { AUTO_SAVE_MAX_METERS } from '../../../electron/services/mbus/autoSaveBatch';
import { createListenSession } from '../../../electron/services/mbus/listen';
import { listenService } from '../../../electron/services/mbus/listenService';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';
import { radioStopsOf } from '../../../electron/services/mbus/radioRoute';
import { meterKeysOf } from '../../../electron/services/meterKeys';
import { importRoute } from '../../../electron/services/routes/importRoute';
import type { SerialLink } from '../../../electron/services/serial/link';
import { openStore, type Store } from '../../../electron/services/store';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { radioRouteCsv, radioTelegram } from '../../support/radioRoute';
import { useTempDir } from '../../support/tempDir';
import { walCommits } from '../../support/walCommits';

const actor = { name: 'Tina', role: 'technician' } as const;
const METERS = 55;
/** Meters heard first in one window, fewer than a full batch. */
const FEW = AUTO_SAVE_MAX_METERS - 1;

const route = radioRouteCsv(METERS, { route: 'R1', up: 'UP-', last: '100', average: '0.3' });
/** Meter i's telegram as the iM871A hands it over (unencrypted: the batching is what is tested here). */
const heard = (i: number, volume = '123.456') => radioTelegram(i, volume);

describe("Listen's auto-saves in batches", () => {
  const tempDir = useTempDir();
  let store: Store | undefined;
  let path = '';
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    path = join(tempDir(), 'f.db');
    store = openStore(path);
    importRoute(store, actor, { fileName: 'r.csv', content: route, acceptValidRows: false });
    // Every commit stays in the write-ahead log while the test counts them.
    store.db.pragma('wal_autocheckpoint = 0');
  });
  afterEach(() => {
    vi.useRealTimers();
    store?.close();
  });

  const session = (s: Store) =>
    createListenSession({
      store: s,
      actor: () => actor,
      receiver: 'im871a',
      stops: radioStopsOf(s, 'R1'),
      keys: new Map(),
      aes: nodeAes,
      autoSave: true,
      settings: defaultValidationSettings,
      photoDir: join(tempDir(), 'photos'),
    });
  const readingSets = (s: Store) => s.db.prepare("SELECT count(*) FROM reading_sets WHERE source = 'radio'").pluck().get();
  const audits = (s: Store) => s.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'readings.save'").pluck().get();

  it('saves the meters heard first in one window in one transaction, with an audit row each', () => {
    const listening = session(store!);
    const before = walCommits(path);
    for (let i = 0; i < FEW; i++) listening.feed(heard(i));
    vi.advanceTimersByTime(249);
    expect(readingSets(store!)).toBe(0); // still waiting for the window to close
    vi.advanceTimersByTime(1);
    expect(readingSets(store!)).toBe(FEW);
    expect(audits(store!)).toBe(FEW);
    expect(walCommits(path) - before).toBe(1);
    expect(listening.heard().every((h) => h.readingSetId !== null && h.saveProblem === null)).toBe(true);
    // Heard again after its save: one reading per visit, nothing more written.
    listening.feed(heard(3, '123.999'));
    vi.advanceTimersByTime(1000);
    expect(readingSets(store!)).toBe(FEW);
  });

  it('writes a full batch at once, without waiting for the window', () => {
    const listening = session(store!);
    const before = walCommits(path);
    for (let i = 0; i < AUTO_SAVE_MAX_METERS; i++) listening.feed(heard(i));
    expect(readingSets(store!)).toBe(AUTO_SAVE_MAX_METERS);
    expect(walCommits(path) - before).toBe(1);
  });

  it('refuses a reading that fails its checks alone, with its code; the rest of the batch is saved', () => {
    const listening = session(store!);
    // A fault in one meter's write (a trigger refusing its reading set), not a check: it too stays alone.
    store!.db.exec(
      "CREATE TEMP TRIGGER refuse_one BEFORE INSERT ON reading_sets WHEN NEW.usage_point_id = 'UP-7' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    const before = walCommits(path);
    for (let i = 0; i < FEW; i++) listening.feed(heard(i, i === 4 ? '50.000' : '123.456')); // UP-4 below its last read of 100
    vi.advanceTimersByTime(250);
    expect(readingSets(store!)).toBe(FEW - 2);
    expect(audits(store!)).toBe(FEW - 2);
    expect(walCommits(path) - before).toBe(1);
    const byStop = new Map(listening.heard().map((h) => [h.usagePointId, h]));
    expect(byStop.get('UP-4')).toMatchObject({ readingSetId: null, saveProblem: 'NEEDS_CONFIRMATION' });
    expect(byStop.get('UP-7')).toMatchObject({ readingSetId: null, saveProblem: 'INTERNAL' });
    // Nothing of the refused meters was half written: no reading, no visit mark.
    expect(
      store!.db
        .prepare(
          "SELECT count(*) FROM readings r JOIN reading_sets s ON s.id = r.reading_set_id WHERE s.usage_point_id IN ('UP-4', 'UP-7')",
        )
        .pluck()
        .get(),
    ).toBe(0);
    // The technician's tap still saves the fixed one: the saved ones are not saved twice.
    store!.db.exec('DROP TRIGGER refuse_one');
    expect(listening.saveAllHeard()).toEqual({ saved: 1, skipped: 1 });
    expect(readingSets(store!)).toBe(FEW - 1);
  });

  it('saves a meter tapped while its batch waits once, and the batch without it', () => {
    const listening = session(store!);
    for (let i = 0; i < 3; i++) listening.feed(heard(i));
    const { readingSetId } = listening.save('UP-1');
    vi.advanceTimersByTime(250);
    expect(readingSets(store!)).toBe(3);
    expect(listening.heard().find((h) => h.usagePointId === 'UP-1')?.readingSetId).toBe(readingSetId);
  });

  it('saves each meter under the profile signed in when it was heard, though the profile signs out before the window closes', () => {
    let signedIn: Actor | null = actor;
    const listening = createListenSession({
      store: store!,
      actor: () => {
        if (!signedIn) throw new AppError('SIGN_IN_REQUIRED', 'Sign in first.');
        return signedIn;
      },
      receiver: 'im871a',
      stops: radioStopsOf(store!, 'R1'),
      keys: new Map(),
      aes: nodeAes,
      autoSave: true,
      settings: defaultValidationSettings,
      photoDir: join(tempDir(), 'photos'),
    });
    for (let i = 0; i < 3; i++) listening.feed(heard(i));
    signedIn = null;
    listening.feed(heard(3)); // heard with nobody signed in: shown with why, not saved
    vi.advanceTimersByTime(250);
    expect(readingSets(store!)).toBe(3);
    expect(store!.db.prepare("SELECT DISTINCT actor FROM audit_log WHERE action = 'readings.save'").pluck().all()).toEqual(['Tina']);
    expect(listening.heard().find((h) => h.usagePointId === 'UP-3')).toMatchObject({ readingSetId: null, saveProblem: 'SIGN_IN_REQUIRED' });
  });

  /** The receiver as the Listen service sees it: bytes in, and a line that can go away. */
  function stick() {
    const data = new Set<(bytes: Uint8Array) => void>();
    const closed = new Set<(unexpected: boolean, reason: string) => void>();
    const link: SerialLink = {
      write: async () => undefined,
      setBaudRate: async () => undefined,
      onData: (l) => (data.add(l), () => data.delete(l)),
      onClose: (l) => (closed.add(l), () => closed.delete(l)),
      close: async () => undefined,
    };
    return { link, send: (b: Uint8Array) => data.forEach((l) => l(b)), unplug: () => closed.forEach((l) => l(true, 'gone')) };
  }
  const listening = async (s: Store, line: ReturnType<typeof stick>) => {
    s.mutate(actor, () => s.routes.setRadioAutoSave('R1', true));
    const service = listenService(s, meterKeysOf(s, {}), join(tempDir(), 'photos'), async () => line.link);
    await service.start(() => actor, { routeId: 'R1', port: '/dev/fake', receiver: 'im871a', mode: 'T1' });
    return service;
  };

  it('saves the waiting batch on Stop, in one transaction', async () => {
    const line = stick();
    const service = await listening(store!, line);
    const before = walCommits(path);
    const announced: (readonly string[])[] = [];
    store!.writes.onChange((topics) => announced.push(topics));
    for (let i = 0; i < 12; i++) line.send(heard(i));
    expect(readingSets(store!)).toBe(0);
    const state = await service.stop();
    expect(readingSets(store!)).toBe(12);
    expect(walCommits(path) - before).toBe(1);
    // The views are told once for the whole batch (writeLog.ts announces after the turn's writes).
    await new Promise((resolve) => setImmediate(resolve));
    expect(announced).toHaveLength(1);
    expect(announced[0]).toEqual(expect.arrayContaining(['readings', 'stops', 'outbox', 'audit']));
    expect(state.heard.filter((h) => h.readingSetId)).toHaveLength(12);
  });

  it('saves the waiting batch when the app closes while listening', async () => {
    const line = stick();
    const service = await listening(store!, line);
    for (let i = 0; i < 4; i++) line.send(heard(i));
    service.flush(); // what the app's close calls before the store closes (fieldmeter.ts)
    expect(readingSets(store!)).toBe(4);
  });

  it('saves the waiting batch when the receiver is unplugged', async () => {
    const line = stick();
    const service = await listening(store!, line);
    for (let i = 0; i < 5; i++) line.send(heard(i));
    line.unplug();
    expect(readingSets(store!)).toBe(5);
    expect(service.state()).toMatchObject({ active: false, stoppedBecause: 'unplugged' });
  });
});
