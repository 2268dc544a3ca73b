/**
 * The dashboard slice (issue 10): the last `dashboard.get` answer, refetched when the Node side
 * announces a change to what it counts (stops, readings, skips, decisions, the outbox).
 */
import { create } from 'zustand';
import type { Dashboard } from '../../../../shared/contract/supervisorEntities';
import { api, onDataChanged } from '../../api/client';

interface DashboardSlice {
  board: Dashboard | null;
  error: string | null;
  load(): Promise<void>;
}

export const useDashboardStore = create<DashboardSlice>((set) => ({
  board: null,
  error: null,
  async load() {
    const r = await api['dashboard.get']({ days: 14 });
    set(r.ok ? { board: r.value, error: null } : { error: r.error.message });
  },
}));

const counted = new Set(['route_stops', 'readings', 'visit_skips', 'review_decisions', 'outbox', 'routes', 'audit_log']);

/** Loads now and on every change to a counted table, until the returned function is called. */
export function followDashboard(): () => void {
  void useDashboardStore.getState().load();
  return onDataChanged((tables) => {
    if (tables.some((t) => counted.has(t))) void useDashboardStore.getState().load();
  });
}
