/**
 * The Listen screen's slice: the Node side's session state, asked again every second while
 * listening (only the meters changed since the last answer; mergeListenState.ts), and the route's own setting whether heard meters are saved without a tap.
 */
import { create } from 'zustand';
import type { ListenState, listenModes, listenReceivers } from '../../../../shared/contract/methods/listen';
import { api } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { mergeListenState } from './mergeListenState';

const POLL_MS = 1000;

interface ListenSlice {
  state: ListenState | null;
  /** When the state was last asked (ms): the one clock every "heard … ago" is said against. */
  now: number;
  receiver: ListenReceiver;
  mode: RadioMode;
  port: string;
  /** The route's setting (migration 27), by route id; a supervisor changes it. */
  routeAutoSave: Readonly<Record<string, boolean>>;
  error: string | null;
  setReceiver(receiver: ListenReceiver): void;
  setMode(mode: RadioMode): void;
  setPort(port: string): void;
  loadRouteSetting(routeId: string): Promise<void>;
  setRouteAutoSave(routeId: string, on: boolean): Promise<void>;
  start(routeId: string): Promise<void>;
  stop(): Promise<void>;
  refresh(): Promise<void>;
  save(usagePointId: string): Promise<void>;
  saveAll(): Promise<void>;
}

type RadioMode = (typeof listenModes)[number];
type ListenReceiver = (typeof listenReceivers)[number];

let timer: ReturnType<typeof setTimeout> | undefined;
/**
 * Moves with every Start and Stop (whatever replaces the session shown): an answer asked for before it
 * moved is older than the state that Start or Stop gave, whatever its version, and is dropped.
 */
let sessionTurn = 0;

/** Gives the page a task boundary: the Scheduler API's yield where the browser has it (Chromium), else a timer. */
const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

export const useListenStore = create<ListenSlice>((set, get) => {
  const poll = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void get().refresh(), POLL_MS);
  };
  return {
    state: null,
    now: Date.now(),
    receiver: 'im871a',
    mode: 'T1',
    port: '',
    routeAutoSave: {},
    error: null,
    setReceiver: (receiver) => set({ receiver }),
    setMode: (mode) => set({ mode }),
    setPort: (port) => set({ port }),
    async loadRouteSetting(routeId) {
      const result = await api['listen.routeSetting']({ routeId });
      if (result.ok) set((s) => ({ routeAutoSave: { ...s.routeAutoSave, [routeId]: result.value.autoSave } }));
    },
    async setRouteAutoSave(routeId, autoSave) {
      const result = await api['listen.routeSetting.set']({ routeId, autoSave });
      if (!result.ok) return set({ error: errorText(result.error) });
      set((s) => ({ error: null, routeAutoSave: { ...s.routeAutoSave, [routeId]: result.value.autoSave } }));
    },
    async start(routeId) {
      const { port, receiver, mode } = get();
      clearTimeout(timer);
      const turn = ++sessionTurn;
      const result = await api['listen.start']({ routeId, port, receiver, mode });
      if (turn !== sessionTurn) return;
      if (!result.ok) return set({ error: errorText(result.error) });
      set({ state: result.value, now: Date.now(), error: null });
      poll();
    },
    async stop() {
      clearTimeout(timer);
      const turn = ++sessionTurn;
      const result = await api['listen.stop']({});
      if (result.ok && turn === sessionTurn) set({ state: result.value, now: Date.now() });
    },
    async refresh() {
      // Only what changed since the version shown comes back, and is merged row by row.
      const turn = sessionTurn;
      const shown = get().state;
      const since = shown ? { session: shown.session, version: shown.version } : undefined;
      const result = await api['listen.state']({ since });
      if (turn !== sessionTurn) return;
      if (!result.ok) return set({ error: errorText(result.error) });
      // The answer is read and checked in one task, the rows drawn in the next: a frame can be painted
      // (and a tap handled) between the two (bench/listenFrames.ts).
      await nextTask();
      if (turn !== sessionTurn) return;
      const state = mergeListenState(get().state, result.value);
      // Only a delta with nothing to merge into: ask for the whole state.
      if (!state) return get().refresh();
      set({ state, now: Date.now() });
      if (state.active) poll();
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
