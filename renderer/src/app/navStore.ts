/** Where the user is: which route's meter list, which meter's reading form. */
import { create } from 'zustand';

interface NavSlice {
  routeId: string | null;
  usagePointId: string | null;
  selectRoute(routeId: string | null): void;
  openMeter(usagePointId: string): void;
  closeMeter(): void;
}

export const useNavStore = create<NavSlice>((set) => ({
  routeId: null,
  usagePointId: null,
  selectRoute: (routeId) => set((s) => (s.routeId === routeId ? s : { routeId, usagePointId: null })),
  openMeter: (usagePointId) => set({ usagePointId }),
  closeMeter: () => set({ usagePointId: null }),
}));
