/**
 * The supervisor slice (issue 10): the review queue, the audit trail and the running export (who
 * is signed in is the app store's). The Node side decides and checks roles; this mirrors it and refetches on
 * `data.changed`, and follows `export.progress`.
 */
import { create } from 'zustand';
import type { EventPayload, MethodOutput } from '../../../../shared/contract/api';
import {
  EXPORT_DOWNLOAD_PATH,
  type AuditEntryRow,
  type ExportFilter,
  type ExportFormat,
  type ReviewItem,
  type ReviewStatus,
} from '../../../../shared/contract/supervisorEntities';
import { api, onTopics, subscribe, transport } from '../../api/client';
import { useAppStore } from '../../app/appStore';
import { errorText } from '../../lib/errorText';
import { i18next } from '../../i18n';

interface ReviewSlice {
  items: ReviewItem[];
  status: ReviewStatus | 'all';
  audit: AuditEntryRow[];
  search: string;
  filter: ExportFilter;
  exporting: ExportFormat | null;
  progress: EventPayload<'export.progress'> | null;
  exported: MethodOutput<'export.run'> | null;
  /** Where the last export was saved or downloaded to. */
  saved: string | null;
  /** The last message a person must act on (refused role, bad input…). */
  error: string | null;
  load(): Promise<void>;
  setStatus(status: ReviewStatus | 'all'): void;
  setSearch(search: string): void;
  setFilter(filter: ExportFilter): void;
  approve(item: ReviewItem): Promise<void>;
  giveBack(item: ReviewItem, comment: string): Promise<boolean>;
  edit(readingId: number, value: string, reason: string): Promise<boolean>;
  /** Gets the export worker ready while the filter is set (a hint; nothing to show). */
  prepareExport(): void;
  runExport(format: ExportFormat): Promise<void>;
  cancelExport(): Promise<void>;
  /** Desktop: the save dialog; browser: a download. */
  saveExport(): Promise<void>;
}

export const useReviewStore = create<ReviewSlice>((set, get) => {
  const act = async (call: Promise<{ ok: true } | { ok: false; error: { code: string; details?: unknown } }>): Promise<boolean> => {
    const r = await call;
    set({ error: r.ok ? null : errorText(r.error) });
    if (r.ok) await get().load();
    return r.ok;
  };
  return {
    items: [],
    status: 'pending',
    audit: [],
    search: '',
    filter: {},
    exporting: null,
    progress: null,
    exported: null,
    saved: null,
    error: null,
    async load() {
      const { status, search } = get();
      // The queue and the audit are a supervisor's (the Node side refuses them to anyone else).
      if (useAppStore.getState().session?.profile?.role !== 'supervisor') return;
      const [items, audit] = await Promise.all([
        api['review.list']({ ...(status === 'all' ? {} : { status }) }),
        api['audit.list']({ search, limit: 100 }),
      ]);
      set({
        items: items.ok ? items.value : get().items,
        audit: audit.ok ? audit.value : get().audit,
      });
    },
    setStatus(status) {
      set({ status });
      void get().load();
    },
    setSearch(search) {
      set({ search });
      void get().load();
    },
    setFilter(filter) {
      set({ filter });
    },
    async approve(item) {
      await act(api['review.approve']({ kind: item.kind, id: item.id }));
    },
    giveBack: (item, comment) => act(api['review.return']({ kind: item.kind, id: item.id, comment })),
    edit: (readingId, value, reason) => act(api['review.edit']({ readingId, value, reason })),
    prepareExport() {
      void api['export.prepare']({});
    },
    async runExport(format) {
      set({ exporting: format, progress: null, exported: null, saved: null, error: null });
      const r = await api['export.run']({ format, filter: get().filter, language: i18next.language === 'de' ? 'de' : 'en' });
      set({ exporting: null, exported: r.ok ? r.value : null, error: r.ok ? null : errorText(r.error) });
    },
    async cancelExport() {
      await api['export.cancel']({});
    },
    async saveExport() {
      const fileName = get().exported?.fileName;
      if (!fileName) return;
      const r = transport.download
        ? await transport.download(`${EXPORT_DOWNLOAD_PATH}${encodeURIComponent(fileName)}`)
        : await api['export.saveAs']({ fileName }).then((s) => (s.ok ? { ok: true as const, value: { fileName: s.value.path } } : s));
      set({ saved: r.ok ? r.value.fileName : null, error: r.ok ? null : errorText(r.error) });
    },
  };
});

let wired = false;
/** Subscribes once: refetch on writes, follow export progress. */
export function wireReviewStore(): void {
  if (wired) return;
  wired = true;
  onTopics(['review', 'readings', 'stops', 'audit', 'settings', 'profiles'], () => void useReviewStore.getState().load());
  subscribe(transport, 'export.progress', (progress) => useReviewStore.setState({ progress }));
}
