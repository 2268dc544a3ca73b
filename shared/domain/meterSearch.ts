/**
 * Searching a route as the technician types. The route's stops are already in memory for the
 * virtualised list, so each keystroke filters them here instead of asking the database: one
 * lower-cased haystack per stop, built once, scanned with indexOf.
 */
export interface Searchable {
  readonly usagePointId: string;
  readonly address: string;
  readonly meterSerial: string;
  readonly accountId: string;
}

export interface SearchIndex<T> {
  readonly items: readonly T[];
  readonly haystacks: readonly string[];
}

// \u0001 between fields: a query never matches across two of them.
export const haystackOf = (s: Searchable) => `${s.meterSerial}\u0001${s.address}\u0001${s.usagePointId}\u0001${s.accountId}`.toLowerCase();

export function buildSearchIndex<T extends Searchable>(items: readonly T[]): SearchIndex<T> {
  return { items, haystacks: items.map(haystackOf) };
}

/** The stops whose serial, address, usage point (premise) id or account contains the query, in route order. */
export function searchStops<T>(index: SearchIndex<T>, query: string): readonly T[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return index.items;
  const found: T[] = [];
  const { haystacks, items } = index;
  for (let i = 0; i < haystacks.length; i++) if ((haystacks[i] as string).includes(needle)) found.push(items[i] as T);
  return found;
}
