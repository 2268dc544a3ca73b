/**
 * The Listen screen's state after a refresh (issue 23 "Speed": no frame over 50 ms at 100 telegrams a
 * second). The Node side answers with only the meters changed since the version the screen sent; they
 * replace their rows here and every other row keeps its object, so a memoised row is not drawn again.
 */
import type { ListenState } from '../../../../shared/contract/methods/listen';

type Stops = ListenState['notHeard'];
type Stop = Stops[number];

const sameStops = (a: readonly Stop[], b: readonly Stop[]) =>
  a.length === b.length && a.every((s, i) => s.usagePointId === b[i]?.usagePointId);

/**
 * The stops still not heard, each the object shown before: when meters are heard for the first time
 * their rows leave the list and every other row stays as it is (a memoised row is not drawn again).
 */
function keptStops(previous: Stops, answer: Stops): Stops {
  if (sameStops(previous, answer)) return previous;
  const shown = new Map(previous.map((s) => [s.usagePointId, s]));
  return answer.map((s) => shown.get(s.usagePointId) ?? s);
}

/**
 * Null when the answer is only a delta and there is nothing it could be merged into: the screen then
 * asks for the whole state.
 */
export function mergeListenState(previous: ListenState, answer: ListenState): ListenState;
export function mergeListenState(previous: ListenState | null, answer: ListenState): ListenState | null;
export function mergeListenState(previous: ListenState | null, answer: ListenState): ListenState | null {
  const sameSession = previous !== null && previous.session === answer.session && previous.routeId === answer.routeId;
  // Two refreshes in flight (a Save and the poll): an answer no newer than what is shown changes nothing.
  // Every change moves the version, so an equal one is not newer either (a poll answered just before Stop).
  const older = answer.version < (previous?.version ?? 0) || (answer.version === previous?.version && answer.changedSince !== null);
  if (sameSession && older) return previous;
  // A whole answer (a new session, or a cursor the Node side did not take) replaces everything.
  if (answer.changedSince === null) return answer;
  // A delta is never a whole state: of another session or route (asked before a Start) it is dropped.
  if (!previous) return null;
  if (!sameSession) return previous;
  const byId = new Map(previous.heard.map((h) => [h.usagePointId, h]));
  for (const h of answer.heard) byId.set(h.usagePointId, h);
  const heard = answer.heard.length === 0 ? previous.heard : [...byId.values()].sort((a, b) => a.sequence - b.sequence);
  // Stops are fixed for a session: the list not heard changes only when a meter is heard for the first time.
  return { ...answer, heard, notHeard: keptStops(previous.notHeard, answer.notHeard) };
}
