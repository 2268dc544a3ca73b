/**
 * The meter list of the selected route. The whole route is fetched once (meters.list) and again
 * when the main side says its data changed; each keystroke of the search and each filter chip
 * then works on that list in memory (shared/domain/meterSearch.ts), so typing stays fast on
 * routes of any size.
 */
import { create } from 'zustand';
import type { MeterListItem } from '../../../../shared/contract/entities';
import { buildSearchIndex, type SearchIndex } from '../../../../shared/domain/meterSearch';
import { api } from '../../api/client';
import { visibleStops, type MeterFilter } from './visibleStops';
import { errorText } from '../../lib/errorText';

export { meterFilters, type MeterFilter } from './visibleStops';

interface MetersSlice {
  routeId: string | null;
  query: string;
  filter: MeterFilter;
  index: SearchIndex<MeterListItem>;
  items: MeterListItem[];
  loading: boolean;
  error: string | null;
  load(routeId: string | null, query: string): Promise<void>;
  setFilter(filter: MeterFilter): Promise<void>;
  reload(): Promise<void>;
}

const emptyIndex = buildSearchIndex<MeterListItem>([]);
let latestRequest = 0;

export const useMetersStore = create<MetersSlice>((set, get) => {
  const show = () => set((s) => ({ items: visibleStops(s.index, s.query, s.filter) }));

  async function fetchRoute(routeId: string) {
    const request = ++latestRequest;
    set({ loading: true });
    const result = await api['meters.list']({ routeId, query: '', filter: 'all' });
    // A slower answer for a route no longer shown must not overwrite the current one.
    if (request !== latestRequest) return;
    if (result.ok) set({ index: buildSearchIndex(result.value), loading: false, error: null });
    else set({ loading: false, error: errorText(result.error) });
    show();
  }

  return {
    routeId: null,
    query: '',
    filter: 'all',
    index: emptyIndex,
    items: [],
    loading: false,
    error: null,
    async load(routeId, query) {
      const routeChanged = routeId !== get().routeId;
      set({ routeId, query, ...(routeChanged ? { filter: 'all' as const, index: emptyIndex, items: [] } : {}) });
      if (!routeId) {
        set({ loading: false, error: null });
        return;
      }
      if (routeChanged) await fetchRoute(routeId);
      else show();
    },
    async setFilter(filter) {
      set({ filter });
      show();
    },
    async reload() {
      const { routeId } = get();
      if (routeId) await fetchRoute(routeId);
    },
  };
});
