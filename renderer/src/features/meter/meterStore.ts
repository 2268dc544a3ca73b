/** The open meter (meters.get), what is typed into its registers, and saving one visit (readings.save). */
import { create } from 'zustand';
import type { MeterDetail } from '../../../../shared/contract/entities';
import { api } from '../../api/client';
import { checkDraft, type DraftProblem } from './readingDraft';

interface MeterSlice {
  usagePointId: string | null;
  detail: MeterDetail | null;
  loadError: string | null;
  drafts: Record<number, string>;
  problems: Map<number, DraftProblem>;
  saving: boolean;
  savedAt: string | null;
  saveError: string | null;
  load(usagePointId: string | null): Promise<void>;
  reload(): Promise<void>;
  setDraft(registerId: number, text: string): void;
  /** Returns the id of the first register with a problem, so the form can focus it. */
  save(locale: string): Promise<number | null>;
}

let latestRequest = 0;

export const useMeterStore = create<MeterSlice>((set, get) => ({
  usagePointId: null,
  detail: null,
  loadError: null,
  drafts: {},
  problems: new Map(),
  saving: false,
  savedAt: null,
  saveError: null,

  async load(usagePointId) {
    const request = ++latestRequest;
    const changed = usagePointId !== get().usagePointId;
    if (changed) set({ usagePointId, detail: null, drafts: {}, problems: new Map(), savedAt: null, saveError: null, loadError: null });
    if (!usagePointId) return;
    const result = await api['meters.get']({ usagePointId });
    if (request !== latestRequest) return;
    if (result.ok) set({ detail: result.value, loadError: null });
    else set({ loadError: result.error.message });
  },

  reload() {
    return get().load(get().usagePointId);
  },

  setDraft(registerId, text) {
    const problems = new Map(get().problems);
    problems.delete(registerId);
    set((s) => ({ drafts: { ...s.drafts, [registerId]: text }, problems, savedAt: null, saveError: null }));
  },

  async save(locale) {
    const { detail, drafts, saving } = get();
    if (!detail || saving) return null;
    const checked = checkDraft(detail.registers, drafts, locale);
    if (!checked.ok) {
      set({ problems: checked.problems, saveError: null });
      return detail.registers.find((r) => checked.problems.has(r.id))?.id ?? null;
    }
    set({ saving: true, saveError: null, problems: new Map() });
    const result = await api['readings.save']({ usagePointId: detail.usagePointId, values: checked.values });
    if (!result.ok) {
      // The main side's message is written for people: show it as it is.
      set({ saving: false, saveError: result.error.message });
      return null;
    }
    set({ saving: false, savedAt: result.value.readAt, drafts: {} });
    await get().reload();
    return null;
  },
}));
