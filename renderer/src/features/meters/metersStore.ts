/** The meter list of the selected route, filtered by the search text (meters.list). */
import { create } from 'zustand';
import type { MeterListItem } from '../../../../shared/contract/entities';
import { api } from '../../api/client';

interface MetersSlice {
  routeId: string | null;
  query: string;
  items: MeterListItem[];
  loading: boolean;
  error: string | null;
  load(routeId: string | null, query: string): Promise<void>;
  reload(): Promise<void>;
}

let latestRequest = 0;

export const useMetersStore = create<MetersSlice>((set, get) => ({
  routeId: null,
  query: '',
  items: [],
  loading: false,
  error: null,
  async load(routeId, query) {
    const request = ++latestRequest;
    if (routeId !== get().routeId) set({ items: [] });
    set({ routeId, query, loading: true });
    if (!routeId) {
      set({ items: [], loading: false, error: null });
      return;
    }
    const result = await api['meters.list']({ routeId, query: query.trim() });
    // A slower answer to an older search must not overwrite a newer one.
    if (request !== latestRequest) return;
    if (result.ok) set({ items: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error.message });
  },
  reload() {
    const { routeId, query } = get();
    return get().load(routeId, query);
  },
}));
