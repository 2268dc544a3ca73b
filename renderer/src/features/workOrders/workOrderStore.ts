/**
 * Work orders (issue 8): the list, the one open, the result of the last action, and whether the
 * local profile may work on them (installer or supervisor; the Node side enforces it). Refetched
 * on data.changed.
 */
import { create } from 'zustand';
import type { MethodOutput } from '../../../../shared/contract/api';
import { api } from '../../api/client';
import { useAppStore } from '../../app/appStore';
import { errorText } from '../../lib/errorText';

type Summary = MethodOutput<'workOrders.list'>[number];
export type WorkOrderDetail = MethodOutput<'workOrders.get'>;

interface WorkOrderSlice {
  list: Summary[];
  listError: string | null;
  openId: string | null;
  detail: WorkOrderDetail | null;
  error: string | null;
  /** The profile may create, start and complete work orders (the service checks it again). */
  mayWork: boolean;
  refresh(): Promise<void>;
  open(id: string | null): Promise<void>;
  setError(message: string | null): void;
}

export const useWorkOrderStore = create<WorkOrderSlice>((set, get) => ({
  list: [],
  listError: null,
  openId: null,
  detail: null,
  error: null,
  mayWork: false,
  async refresh() {
    const r = await api['workOrders.list']({});
    const role = useAppStore.getState().session?.profile?.role;
    set(r.ok ? { list: r.value, listError: null } : { listError: errorText(r.error) });
    set({ mayWork: role === 'installer' || role === 'supervisor' });
    const id = get().openId;
    if (id) await get().open(id);
  },
  async open(id) {
    if (id === null) {
      set({ openId: null, detail: null, error: null });
      return;
    }
    const r = await api['workOrders.get']({ workOrderId: id });
    // An error belongs to the order it was about: opening another one (or this one again) clears it.
    set(r.ok ? { openId: id, detail: r.value, error: null } : { openId: id, detail: null, error: errorText(r.error) });
  },
  setError(message) {
    set({ error: message });
  },
}));
