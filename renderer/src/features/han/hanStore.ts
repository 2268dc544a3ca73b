/**
 * The HAN/P1 section's slice: the port and rate picked, the Node side's session state asked again
 * every second while listening (as the Listen screen does), and the save of the last push.
 */
import { create } from 'zustand';
import type { HanState, hanBauds } from '../../../../shared/contract/methods/han';
import { api } from '../../api/client';
import { errorText } from '../../lib/errorText';

const POLL_MS = 1000;

export type HanBaud = (typeof hanBauds)[number];

interface HanSlice {
  state: HanState | null;
  port: string;
  baud: HanBaud;
  ports: readonly string[];
  confirmReason: string;
  error: string | null;
  saved: number | null;
  setPort(port: string): void;
  setBaud(baud: HanBaud): void;
  setConfirmReason(reason: string): void;
  loadPorts(): Promise<void>;
  start(usagePointId: string): Promise<void>;
  stop(): Promise<void>;
  refresh(): Promise<void>;
  save(usagePointId: string): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useHanStore = create<HanSlice>((set, get) => {
  const poll = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void get().refresh(), POLL_MS);
  };
  return {
    state: null,
    port: '',
    baud: 2400,
    ports: [],
    confirmReason: '',
    error: null,
    saved: null,
    setPort: (port) => set({ port }),
    setBaud: (baud) => set({ baud }),
    setConfirmReason: (confirmReason) => set({ confirmReason }),
    async loadPorts() {
      const result = await api['optical.ports']({});
      if (result.ok) set({ ports: result.value.ports.filter((p) => !p.training).map((p) => p.path) });
    },
    async start(usagePointId) {
      const { port, baud } = get();
      const result = await api['han.start']({ usagePointId, port, baud });
      if (!result.ok) return set({ error: errorText(result.error) });
      set({ state: result.value, error: null, saved: null });
      poll();
    },
    async stop() {
      clearTimeout(timer);
      const result = await api['han.stop']({});
      if (result.ok) set({ state: result.value });
    },
    async refresh() {
      const result = await api['han.state']({});
      if (!result.ok) return set({ error: errorText(result.error) });
      set({ state: result.value });
      if (result.value.active) poll();
    },
    async save(usagePointId) {
      const reason = get().confirmReason.trim();
      const result = await api['han.save']({ usagePointId, ...(reason.length >= 3 ? { confirmReason: reason } : {}) });
      set(result.ok ? { error: null, saved: result.value.saved } : { error: errorText(result.error), saved: null });
    },
  };
});
