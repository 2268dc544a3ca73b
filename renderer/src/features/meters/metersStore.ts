/** The meter list of the selected route, filtered by the search text and a status filter (meters.list). */
import { create } from 'zustand';
import type { MeterListItem } from '../../../../shared/contract/entities';
import { api } from '../../api/client';

export const meterFilters = ['all', 'unread', 'warnings', 'skipped'] as const;
export type MeterFilter = (typeof meterFilters)[number];

interface MetersSlice {
  routeId: string | null;
  query: string;
  filter: MeterFilter;
  items: MeterListItem[];
  loading: boolean;
  error: string | null;
  load(routeId: string | null, query: string): Promise<void>;
  setFilter(filter: MeterFilter): Promise<void>;
  reload(): Promise<void>;
}

let latestRequest = 0;

export const useMetersStore = create<MetersSlice>((set, get) => ({
  routeId: null,
  query: '',
  filter: 'all',
  items: [],
  loading: false,
  error: null,
  async load(routeId, query) {
    const request = ++latestRequest;
    if (routeId !== get().routeId) set({ items: [], filter: 'all' });
    set({ routeId, query, loading: true });
    if (!routeId) {
      set({ items: [], loading: false, error: null });
      return;
    }
    const result = await api['meters.list']({ routeId, query: query.trim(), filter: get().filter });
    // A slower answer to an older search must not overwrite a newer one.
    if (request !== latestRequest) return;
    if (result.ok) set({ items: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error.message });
  },
  setFilter(filter) {
    set({ filter });
    return get().reload();
  },
  reload() {
    const { routeId, query } = get();
    return get().load(routeId, query);
  },
}));
