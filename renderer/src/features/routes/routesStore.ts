/** The routes on this device (routes.list), refetched whenever routes or readings change. */
import { create } from 'zustand';
import type { RouteSummary } from '../../../../shared/contract/entities';
import { api } from '../../api/client';
import { useNavStore } from '../../app/navStore';
import { errorText } from '../../lib/errorText';

interface RoutesSlice {
  routes: RouteSummary[];
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
}

export const useRoutesStore = create<RoutesSlice>((set) => ({
  routes: [],
  loaded: false,
  error: null,
  async load() {
    const result = await api['routes.list']({});
    if (!result.ok) {
      set({ error: errorText(result.error), loaded: true });
      return;
    }
    set({ routes: result.value, error: null, loaded: true });
    // Keep a route selected: the first one when none is, or when the selected one went away.
    const nav = useNavStore.getState();
    if (!result.value.some((r) => r.id === nav.routeId)) nav.selectRoute(result.value[0]?.id ?? null);
  },
}));
