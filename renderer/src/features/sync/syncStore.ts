/**
 * The sync slice (issue 7): status for the header badge, the running run's progress, the
 * rejected items and the endpoint settings. The Node side runs the sync; this only mirrors it,
 * refetching on `data.changed` and following `sync.progress` / `sync.finished`.
 */
import { create } from 'zustand';
import type { EventPayload, MethodOutput } from '../../../../shared/contract/api';
import type { ReceivedItemView, RejectedItemView, SyncStatus } from '../../../../shared/contract/methods/sync';
import { api, onTopics, subscribe, transport } from '../../api/client';
import { errorText } from '../../lib/errorText';

type SettingsView = MethodOutput<'sync.settings.get'>;

interface SyncSlice {
  status: SyncStatus | null;
  progress: EventPayload<'sync.progress'> | null;
  lastFinished: EventPayload<'sync.finished'> | null;
  rejected: RejectedItemView[];
  /** What the enterprise sent, newest first, with what it changed (the received list). */
  received: ReceivedItemView[];
  settings: SettingsView | null;
  /** The last error a person must act on (no endpoint, bad URL, credentials cannot be stored…). */
  error: string | null;
  load(): Promise<void>;
  run(trigger: 'user' | 'background'): Promise<void>;
  cancel(): Promise<void>;
  retry(messageId: string): Promise<void>;
}

export const useSyncStore = create<SyncSlice>((set, get) => ({
  status: null,
  progress: null,
  lastFinished: null,
  rejected: [],
  received: [],
  settings: null,
  error: null,
  async load() {
    const [status, rejected, settings, received] = await Promise.all([
      api['sync.status']({}),
      api['sync.rejected.list']({}),
      api['sync.settings.get']({}),
      api['sync.received.list']({}),
    ]);
    set({
      status: status.ok ? status.value : get().status,
      rejected: rejected.ok ? rejected.value : get().rejected,
      received: received.ok ? received.value : get().received,
      settings: settings.ok ? settings.value : get().settings,
    });
  },
  async run(trigger) {
    // Cleared before asking: a short run's `sync.finished` can arrive before this call returns.
    set({ error: null, lastFinished: null, progress: null });
    const r = await api['sync.run']({ trigger });
    // A background attempt without an endpoint stays quiet; the user pressing Sync now is told.
    if (!r.ok) {
      if (trigger === 'user') set({ error: errorText(r.error) });
      return;
    }
    await get().load();
  },
  async cancel() {
    await api['sync.cancel']({});
  },
  async retry(messageId) {
    const r = await api['sync.rejected.retry']({ messageId });
    if (!r.ok) {
      set({ error: errorText(r.error) });
      return;
    }
    set({ error: null });
    // Send it again at once: the user pressed Retry to get it to the enterprise.
    await get().run('user');
  },
}));

let wired = false;
/** Subscribes once for the app's lifetime: events and table changes keep the slice current. */
export function wireSyncStore(): void {
  if (wired) return;
  wired = true;
  const store = useSyncStore;
  subscribe(transport, 'sync.progress', (progress) => store.setState({ progress }));
  subscribe(transport, 'sync.finished', (lastFinished) => {
    store.setState({ lastFinished, progress: null });
    void store.getState().load();
  });
  onTopics(['outbox', 'sync', 'settings'], () => void store.getState().load());
  void store.getState().load();
}
