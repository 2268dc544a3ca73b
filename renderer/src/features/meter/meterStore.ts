/**
 * The open meter (meters.get) and the visit being typed into it: register values with their
 * confirmations, the serial read off the meter, a note and photos; saving it (readings.save).
 */
import { create } from 'zustand';
import type { MeterDetail, ReadingWarningShape } from '../../../../shared/contract/entities';
import { serialMatches } from '../../../../shared/domain/readingValidation';
import { api } from '../../api/client';
import { useAppStore } from '../../app/appStore';
import type { PhotoDraft } from '../photos/photoUpload';
import { assessRegister, emptyEntry, type ConfirmReason, type RegisterEntry } from './readingChecks';
import { errorText } from '../../lib/errorText';
import { hasLocationConsent } from '../../lib/locationConsent';
import { startPositionFix, type PositionFix } from '../../lib/position';

export type FocusTarget = { registerId: number; field: 'value' | 'again' } | 'note';
export type SaveOutcome = { kind: 'saved'; nextId: string | null } | { kind: 'focus'; target: FocusTarget } | { kind: 'failed' };

export interface LastSaved {
  kind: 'read' | 'skipped';
  usagePointId: string;
  /** The route the stop was saved on: its sequence means nothing on another route. */
  routeId: string;
  /** The stop the walk opens next, the only other one the note belongs on. */
  nextId: string | null;
  sequence: number;
  readAt: string;
}

/** The saved-or-skipped note belongs to its stop and to the stop the walk opened after it, on the same route (issue 17 §3). */
export const lastSavedBelongsTo = (last: LastSaved, detail: Pick<MeterDetail, 'usagePointId' | 'routeId'>) =>
  last.routeId === detail.routeId && (last.usagePointId === detail.usagePointId || last.nextId === detail.usagePointId);

interface MeterSlice {
  usagePointId: string | null;
  detail: MeterDetail | null;
  loadError: string | null;
  entries: Record<number, RegisterEntry>;
  /** Warnings the server answered NEEDS_CONFIRMATION with, per register. */
  serverWarnings: Record<number, ReadingWarningShape[]>;
  /** After a save attempt, an empty register is named as a problem too. */
  attempted: boolean;
  observedSerial: string;
  /** 'optical' while every value came from the probe; typing over one makes the visit manual. */
  source: 'manual' | 'optical';
  note: string;
  photos: PhotoDraft[];
  saving: boolean;
  saveError: string | null;
  /** The visit saved last, shown on the next meter the walk opens. */
  lastSaved: LastSaved | null;
  load(usagePointId: string | null): Promise<void>;
  reload(): Promise<void>;
  setEntry(registerId: number, patch: Partial<RegisterEntry>): void;
  setVisit(patch: Partial<Pick<MeterSlice, 'observedSerial' | 'note'>>): void;
  addPhoto(photo: PhotoDraft): void;
  /** Fills the registers (and the serial) from an optical read; the save then runs the usual checks. */
  applyOptical(values: readonly { registerId: number; text: string; capturedAt?: string | undefined }[], meterSerial: string | null): void;
  save(locale: string, reasonLabel: (code: ConfirmReason) => string): Promise<SaveOutcome>;
}

const freshVisit = {
  entries: {},
  serverWarnings: {},
  attempted: false,
  observedSerial: '',
  note: '',
  photos: [],
  saveError: null,
  source: 'manual' as const,
};

export const serialMismatch = (detail: MeterDetail, observed: string) =>
  observed.trim() !== '' && !serialMatches(detail.meterSerial, observed);

/** Reads `{registers:[{registerId, warnings}]}` from a NEEDS_CONFIRMATION answer; anything else gives nothing. */
function warningsFromDetails(details: unknown): Record<number, ReadingWarningShape[]> {
  const out: Record<number, ReadingWarningShape[]> = {};
  if (typeof details !== 'object' || details === null || !('registers' in details) || !Array.isArray(details.registers)) return out;
  for (const r of details.registers as unknown[]) {
    if (
      typeof r === 'object' &&
      r !== null &&
      'registerId' in r &&
      typeof r.registerId === 'number' &&
      'warnings' in r &&
      Array.isArray(r.warnings)
    ) {
      out[r.registerId] = r.warnings as ReadingWarningShape[];
    }
  }
  return out;
}

let latestRequest = 0;
/**
 * Where the technician stood at this meter, asked when it opens, only once they agreed to share
 * their position (route map): the supervisor compares it with the stop's (issue 24 §4).
 */
let fix: PositionFix | null = null;

export const useMeterStore = create<MeterSlice>((set, get) => ({
  usagePointId: null,
  detail: null,
  loadError: null,
  ...freshVisit,
  saving: false,
  lastSaved: null,

  async load(usagePointId) {
    const request = ++latestRequest;
    if (usagePointId !== get().usagePointId) {
      set({ usagePointId, detail: null, loadError: null, ...freshVisit });
      fix = usagePointId && hasLocationConsent() ? startPositionFix() : null;
    }
    if (!usagePointId) return;
    const result = await api['meters.get']({ usagePointId });
    if (request !== latestRequest) return;
    if (result.ok) set({ detail: result.value, loadError: null });
    else set({ loadError: errorText(result.error) });
  },

  reload() {
    return get().load(get().usagePointId);
  },

  setEntry(registerId, patch) {
    set((s) => {
      const merged = { ...(s.entries[registerId] ?? emptyEntry), ...patch };
      // A typed value is the technician's, read now: it no longer carries the meter's capture time.
      const entry = patch.text !== undefined ? { ...merged, capturedAt: undefined } : merged;
      // A new value is a new question: the server's earlier warnings were about the old one.
      const serverWarnings = patch.text !== undefined ? { ...s.serverWarnings, [registerId]: [] } : s.serverWarnings;
      const source = patch.text !== undefined ? 'manual' : s.source;
      return { entries: { ...s.entries, [registerId]: entry }, serverWarnings, saveError: null, source };
    });
  },

  setVisit(patch) {
    set({ ...patch, saveError: null });
  },

  applyOptical(values, meterSerial) {
    set((s) => {
      const entries = { ...s.entries };
      for (const v of values)
        entries[v.registerId] = { ...(entries[v.registerId] ?? emptyEntry), text: v.text, again: '', capturedAt: v.capturedAt };
      return { entries, source: 'optical', observedSerial: meterSerial ?? s.observedSerial, serverWarnings: {}, saveError: null };
    });
  },

  addPhoto(photo) {
    set((s) => ({ photos: [...s.photos.filter((p) => p.photoId !== photo.photoId), photo] }));
  },

  async save(locale, reasonLabel) {
    const { detail, entries, saving, serverWarnings, observedSerial, note, photos, source } = get();
    if (!detail || saving) return { kind: 'failed' };
    set({ attempted: true });
    const readAt = new Date().toISOString();
    const values = [];
    for (const register of detail.registers) {
      const a = assessRegister(
        register,
        entries[register.id] ?? emptyEntry,
        locale,
        readAt,
        reasonLabel,
        serverWarnings[register.id],
        useAppStore.getState().info?.validation,
      );
      if (a.value === null) return { kind: 'focus', target: { registerId: register.id, field: 'value' } };
      if (a.needsConfirmation && !a.confirmation) return { kind: 'focus', target: { registerId: register.id, field: 'again' } };
      const capturedAt = source === 'optical' ? entries[register.id]?.capturedAt : undefined;
      values.push({
        registerId: register.id,
        value: a.value,
        ...(a.confirmation ? { confirmation: a.confirmation } : {}),
        ...(capturedAt ? { capturedAt } : {}),
      });
    }
    if (serialMismatch(detail, observedSerial) && !note.trim()) return { kind: 'focus', target: 'note' };

    set({ saving: true, saveError: null });
    const result = await api['readings.save']({
      usagePointId: detail.usagePointId,
      source,
      values,
      ...(observedSerial.trim() ? { observedSerial: observedSerial.trim() } : {}),
      note: note.trim(),
      photoIds: photos.map((p) => p.photoId),
      ...(fix?.current() ? { position: fix.current() } : {}),
    });
    if (!result.ok) {
      // The main side's message is written for people: show it as it is.
      const fromServer = result.error.code === 'NEEDS_CONFIRMATION' ? warningsFromDetails(result.error.details) : {};
      set({ saving: false, saveError: errorText(result.error), serverWarnings: { ...serverWarnings, ...fromServer } });
      const first = detail.registers.find((r) => fromServer[r.id]?.length);
      if (first) return { kind: 'focus', target: { registerId: first.id, field: 'again' } };
      return result.error.code === 'NEEDS_CONFIRMATION' && observedSerial.trim() ? { kind: 'focus', target: 'note' } : { kind: 'failed' };
    }
    set({
      saving: false,
      ...freshVisit,
      lastSaved: {
        kind: 'read',
        usagePointId: detail.usagePointId,
        routeId: detail.routeId,
        nextId: detail.nextId,
        sequence: detail.sequence,
        readAt: result.value.readAt,
      },
    });
    return { kind: 'saved', nextId: detail.nextId };
  },
}));
