/** Switch orders (issue 9): the list, the one open, its last error. Refetched on data.changed. */
import { create } from 'zustand';
import type { MethodOutput } from '../../../../shared/contract/api';
import { api } from '../../api/client';
import { errorText } from '../../lib/errorText';

export type SwitchSummary = MethodOutput<'switching.list'>[number];
export type SwitchDetail = MethodOutput<'switching.get'>;

interface SwitchingSlice {
  list: SwitchSummary[];
  listError: string | null;
  openId: string | null;
  detail: SwitchDetail | null;
  error: string | null;
  refresh(): Promise<void>;
  open(id: string | null): Promise<void>;
}

export const useSwitchingStore = create<SwitchingSlice>((set, get) => ({
  list: [],
  listError: null,
  openId: null,
  detail: null,
  error: null,
  async refresh() {
    const r = await api['switching.list']({});
    set(r.ok ? { list: r.value, listError: null } : { listError: errorText(r.error) });
    const id = get().openId;
    if (id) await get().open(id);
  },
  async open(id) {
    if (id === null) return set({ openId: null, detail: null, error: null });
    const r = await api['switching.get']({ switchOrderId: id });
    set(r.ok ? { openId: id, detail: r.value, error: null } : { openId: id, detail: null, error: errorText(r.error) });
  },
}));
