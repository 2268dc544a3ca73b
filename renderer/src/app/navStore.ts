/** Where the user is: which section, which route's meter list, which meter's reading form. */
import { create } from 'zustand';

interface NavSlice {
  /** The top-level section shown (app/sections.tsx). */
  section: string;
  selectSection(section: string): void;
  routeId: string | null;
  usagePointId: string | null;
  selectRoute(routeId: string | null): void;
  openMeter(usagePointId: string): void;
  closeMeter(): void;
}

export const useNavStore = create<NavSlice>((set) => ({
  section: 'routes',
  selectSection: (section) => set({ section }),
  routeId: null,
  usagePointId: null,
  selectRoute: (routeId) => set((s) => (s.routeId === routeId ? s : { routeId, usagePointId: null })),
  openMeter: (usagePointId) => set({ usagePointId }),
  closeMeter: () => set({ usagePointId: null }),
}));
