/**
 * The dashboard slice (issue 10): the last `dashboard.get` answer, refetched when the Node side
 * announces a change to what it counts (stops, readings, skips, decisions, the outbox).
 */
import { create } from 'zustand';
import type { Dashboard } from '../../../../shared/contract/supervisorEntities';
import { api, onTopics } from '../../api/client';
import { errorText } from '../../lib/errorText';

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
    set(r.ok ? { board: r.value, error: null } : { error: errorText(r.error) });
  },
}));

/** Loads now and on every change to what it counts, until the returned function is called. */
export function followDashboard(): () => void {
  void useDashboardStore.getState().load();
  return onTopics(['routes', 'stops', 'readings', 'review', 'outbox', 'audit'], () => void useDashboardStore.getState().load());
}
