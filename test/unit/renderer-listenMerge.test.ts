/**
 * The Listen screen's refresh merges the meters changed since its version into what it shows
 * (issue 23 "Speed"): unchanged rows keep their objects, so their memoised rows are not drawn again.
 */
import { describe, expect, it } from 'vitest';
import type { ListenState } from '../../shared/contract/methods/listen';
import { mergeListenState } from '../../renderer/src/features/listen/mergeListenState';

type Heard = ListenState['heard'][number];

const stop = (n: number) => ({ usagePointId: `UP-${n}`, sequence: n * 10, address: `Street ${n}`, meterSerial: `KAM3000000${n}` });
const heard = (n: number, heardAt: string, volume = `${100 + n}.000`): Heard => ({
  ...stop(n),
  heardAt,
  values: [{ registerId: 1, value: volume, readingType: '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0' }],
  reason: null,
  readingSetId: null,
  saveProblem: null,
});

const state = (over: Partial<ListenState>): ListenState => ({
  session: 'node-1.1',
  version: 1,
  changedSince: null,
  active: true,
  routeId: 'R-RADIO',
  receiver: 'im871a',
  autoSave: false,
  startedAt: '2026-12-07T10:00:00.000Z',
  stoppedBecause: null,
  counts: { stops: 3, heard: 0, notHeard: 3, notOnRoute: 0, duplicates: 0, damaged: 0, unreadable: 0 },
  heard: [],
  notHeard: [stop(1), stop(2), stop(3)],
  ...over,
});

const counts = (n: number) => ({ stops: 3, heard: n, notHeard: 3 - n, notOnRoute: 0, duplicates: 0, damaged: 0, unreadable: 0 });

describe('mergeListenState', () => {
  const shown = state({
    version: 5,
    counts: counts(2),
    heard: [heard(1, '2026-12-07T10:00:01.000Z'), heard(3, '2026-12-07T10:00:02.000Z')],
    notHeard: [stop(2)],
  });

  it('replaces only the meter that changed; the others keep their objects', () => {
    const again = heard(3, '2026-12-07T10:00:05.000Z', '103.500');
    const merged = mergeListenState(shown, state({ version: 6, changedSince: 5, counts: counts(2), heard: [again], notHeard: [stop(2)] }));
    expect(merged.version).toBe(6);
    expect(merged.heard).toHaveLength(2);
    expect(merged.heard[0]).toBe(shown.heard[0]);
    expect(merged.heard[1]).toBe(again);
    // The list not heard is the same: its memoised list is not drawn again either.
    expect(merged.notHeard).toBe(shown.notHeard);
  });

  it('adds a meter heard for the first time in route order, and takes the new list not heard', () => {
    const first = heard(2, '2026-12-07T10:00:06.000Z');
    const merged = mergeListenState(shown, state({ version: 7, changedSince: 5, counts: counts(3), heard: [first], notHeard: [] }));
    expect(merged.heard.map((h) => h.usagePointId)).toEqual(['UP-1', 'UP-2', 'UP-3']);
    expect(merged.heard[0]).toBe(shown.heard[0]);
    expect(merged.heard[2]).toBe(shown.heard[1]);
    expect(merged.notHeard).toEqual([]);
    expect(merged.counts.heard).toBe(3);
  });

  it('removes the stops heard for the first time from the list not heard; the others keep their objects', () => {
    const before = state({ version: 5, counts: counts(0), heard: [], notHeard: [stop(1), stop(2), stop(3)] });
    // The Node side's answer carries the remaining stops as new objects (JSON): rows kept must not be drawn again.
    const merged = mergeListenState(
      before,
      state({
        version: 6,
        changedSince: 5,
        counts: counts(1),
        heard: [heard(2, '2026-12-07T10:00:06.000Z')],
        notHeard: [stop(1), stop(3)],
      }),
    );
    expect(merged.notHeard.map((s) => s.usagePointId)).toEqual(['UP-1', 'UP-3']);
    expect(merged.notHeard[0]).toBe(before.notHeard[0]);
    expect(merged.notHeard[1]).toBe(before.notHeard[2]);
  });

  it('keeps what was heard when listening stops and nothing changed', () => {
    const merged = mergeListenState(
      shown,
      state({ version: 6, changedSince: 5, active: false, counts: counts(2), heard: [], notHeard: [stop(2)] }),
    );
    expect(merged.active).toBe(false);
    expect(merged.heard).toBe(shown.heard);
    expect(merged.counts.heard).toBe(2);
  });

  it('takes a whole answer as it is: a new session, or a version the Node side did not know', () => {
    const fresh = state({ version: 8, changedSince: null, heard: [], notHeard: [stop(1), stop(2), stop(3)] });
    expect(mergeListenState(shown, fresh)).toBe(fresh);
  });

  it('ignores an answer older than what is shown (a Save and the poll in flight together)', () => {
    const late = state({ version: 4, changedSince: 3, counts: counts(1), heard: [heard(1, '2026-12-07T09:59:59.000Z')] });
    expect(mergeListenState(shown, late)).toBe(shown);
  });

  it('drops an answer to a poll asked before Stop and merged after it: the version is the same, Stop is newer', () => {
    const afterStop = state({ ...shown, active: false, changedSince: null });
    const pollBeforeStop = state({ ...shown, active: true, changedSince: 5, heard: [] });
    expect(mergeListenState(afterStop, pollBeforeStop)).toBe(afterStop);
  });

  it("never takes a delta as a whole state: route A's delta landing after Start on route B leaves B", () => {
    const startedB = state({ session: 'node-1.2', routeId: 'R-B', version: 9, notHeard: [stop(5)] });
    const pollOfA = state({ session: 'node-1.1', version: 8, changedSince: 7, heard: [heard(1, '2026-12-07T10:00:09.000Z')] });
    expect(mergeListenState(startedB, pollOfA)).toBe(startedB);
    // Nothing shown yet: a delta has nothing to be merged into, and the screen asks for the whole state.
    expect(mergeListenState(null, pollOfA)).toBeNull();
  });

  it('takes a whole answer of another session even with a lower version (the Node side started again)', () => {
    const restarted = state({ session: 'node-2.1', version: 2, changedSince: null, notHeard: [stop(1), stop(2), stop(3)] });
    expect(mergeListenState(shown, restarted)).toBe(restarted);
  });
});
