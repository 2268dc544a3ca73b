/**
 * The wired M-Bus panel's slice: the port and speed, the Node side's scan/search state (asked again
 * while the bus is busy), each meter's last read as the Node side returned it, and what was saved.
 */
import { create } from 'zustand';
import type { WiredReadResult, WiredState } from '../../../../shared/contract/methods/wiredMbus';
import { api } from '../../api/client';
import { errorText } from '../../lib/errorText';

const POLL_MS = 500;

interface WiredSlice {
  port: string;
  ports: readonly string[];
  baud: number;
  from: number;
  to: number;
  mask: string;
  state: WiredState | null;
  /** The last read of each meter, by secondary address. */
  reads: Readonly<Record<string, WiredReadResult>>;
  reading: string | null;
  /** Saved meters, by secondary address: the stop's meter number. */
  saved: Readonly<Record<string, string>>;
  error: string | null;
  set(patch: Partial<Pick<WiredSlice, 'port' | 'baud' | 'from' | 'to' | 'mask'>>): void;
  loadPorts(): Promise<void>;
  scan(): Promise<void>;
  search(): Promise<void>;
  cancel(): Promise<void>;
  refresh(): Promise<void>;
  read(secondary: string, primary: number | null): Promise<void>;
  save(secondary: string): Promise<void>;
}

let timer: ReturnType<typeof setTimeout> | undefined;

export const useWiredStore = create<WiredSlice>((set, get) => {
  const poll = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void get().refresh(), POLL_MS);
  };
  const started = (result: Awaited<ReturnType<(typeof api)['wired.scan']>>) => {
    if (!result.ok) return set({ error: errorText(result.error) });
    set({ state: result.value, error: null });
    poll();
  };
  return {
    port: '',
    ports: [],
    baud: 2400,
    from: 0,
    to: 250,
    mask: 'FFFFFFFF',
    state: null,
    reads: {},
    reading: null,
    saved: {},
    error: null,
    set: (patch) => set(patch),
    async loadPorts() {
      // The probe's port list: a level converter or optical M-Bus head is a serial port like the probe.
      const result = await api['optical.ports']({});
      if (result.ok) set({ ports: result.value.ports.filter((p) => !p.training).map((p) => p.path) });
    },
    async scan() {
      const { port, baud, from, to } = get();
      started(await api['wired.scan']({ port, baud, from, to: Math.max(from, to) }));
    },
    async search() {
      const { port, baud, mask } = get();
      started(await api['wired.search']({ port, baud, mask }));
    },
    async cancel() {
      const result = await api['wired.cancel']({});
      if (result.ok) set({ state: result.value });
    },
    async refresh() {
      const result = await api['wired.state']({});
      if (!result.ok) return set({ error: errorText(result.error) });
      set({ state: result.value });
      if (result.value.busy) poll();
    },
    async read(secondary, primary) {
      const { port, baud } = get();
      set({ reading: secondary, error: null });
      const result = await api['wired.read']({ port, baud, secondary, primary });
      set((s) =>
        result.ok ? { reading: null, reads: { ...s.reads, [secondary]: result.value } } : { reading: null, error: errorText(result.error) },
      );
    },
    async save(secondary) {
      const result = await api['wired.save']({ secondary });
      set((s) =>
        result.ok ? { error: null, saved: { ...s.saved, [secondary]: result.value.meterSerial } } : { error: errorText(result.error) },
      );
    },
  };
});
