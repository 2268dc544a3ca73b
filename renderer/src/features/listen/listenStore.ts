/** The Listen screen's slice: the Node side's session state, asked again every second while listening. */
import { create } from 'zustand';
import type { ListenState } from '../../../../shared/contract/methods/listen';
import { api } from '../../api/client';
import { errorText } from '../../lib/errorText';

const POLL_MS = 1000;

interface ListenSlice {
  state: ListenState | null;
  receiver: 'im871a' | 'amber';
  port: string;
  autoSave: boolean;
  error: string | null;
  setReceiver(receiver: 'im871a' | 'amber'): void;
  setPort(port: string): void;
  setAutoSave(on: boolean): void;
  start(routeId: string): Promise<void>;
  stop(): Promise<void>;
  refresh(): Promise<void>;
  save(usagePointId: string): Promise<void>;
  saveAll(): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useListenStore = create<ListenSlice>((set, get) => {
  const poll = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void get().refresh(), POLL_MS);
  };
  return {
    state: null,
    receiver: 'im871a',
    port: '',
    autoSave: false,
    error: null,
    setReceiver: (receiver) => set({ receiver }),
    setPort: (port) => set({ port }),
    setAutoSave: (autoSave) => set({ autoSave }),
    async start(routeId) {
      const { port, receiver, autoSave } = get();
      const result = await api['listen.start']({ routeId, port, receiver, autoSave });
      if (!result.ok) return set({ error: errorText(result.error) });
      set({ state: result.value, error: null });
      poll();
    },
    async stop() {
      clearTimeout(timer);
      const result = await api['listen.stop']({});
      if (result.ok) set({ state: result.value });
    },
    async refresh() {
      const result = await api['listen.state']({});
      if (!result.ok) return set({ error: errorText(result.error) });
      set({ state: result.value });
      if (result.value.active) poll();
    },
    async save(usagePointId) {
      const result = await api['listen.save']({ usagePointId });
      set({ error: result.ok ? null : errorText(result.error) });
      await get().refresh();
    },
    async saveAll() {
      const result = await api['listen.saveAll']({});
      set({ error: result.ok ? null : errorText(result.error) });
      await get().refresh();
    },
  };
});
