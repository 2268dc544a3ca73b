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

export function mergeListenState(previous: ListenState | null, answer: ListenState): ListenState {
  // A whole answer (a new session, or a version the Node side does not know) replaces everything.
  if (answer.changedSince === null || !previous || previous.routeId !== answer.routeId) return answer;
  // Two refreshes in flight (a Save and the poll): an answer older than what is shown changes nothing.
  if (answer.version < previous.version) return previous;
  const byId = new Map(previous.heard.map((h) => [h.usagePointId, h]));
  for (const h of answer.heard) byId.set(h.usagePointId, h);
  const heard = answer.heard.length === 0 ? previous.heard : [...byId.values()].sort((a, b) => a.sequence - b.sequence);
  // Stops are fixed for a session: the list not heard changes only when a meter is heard for the first time.
  return { ...answer, heard, notHeard: keptStops(previous.notHeard, answer.notHeard) };
}
