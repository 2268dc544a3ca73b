/** The "Can't read" dialog: the skip codes (skipCodes.list), what was chosen, and visits.skip. */
import { create } from 'zustand';
import type { SkipCode } from '../../../../shared/contract/entities';
import { api } from '../../api/client';
import { startPositionFix, type PositionFix } from '../../lib/position';
import type { PhotoDraft } from '../photos/photoUpload';
import { errorText } from '../../lib/errorText';

interface SkipSlice {
  codes: SkipCode[];
  codesError: string | null;
  /** The usage point the dialog is open for, or null when it is closed. */
  openFor: string | null;
  code: string;
  note: string;
  photos: PhotoDraft[];
  saving: boolean;
  error: string | null;
  open(usagePointId: string): void;
  close(): void;
  set(patch: Partial<Pick<SkipSlice, 'code' | 'note'>>): void;
  addPhoto(photo: PhotoDraft): void;
  /** True when the skip was saved. */
  save(): Promise<boolean>;
}

let fix: PositionFix | null = null;

export const useSkipStore = create<SkipSlice>((set, get) => ({
  codes: [],
  codesError: null,
  openFor: null,
  code: '',
  note: '',
  photos: [],
  saving: false,
  error: null,

  open(usagePointId) {
    if (get().openFor === usagePointId) return; // Alt+K again while it is open keeps what was chosen
    fix = startPositionFix();
    set({ openFor: usagePointId, code: '', note: '', photos: [], error: null, saving: false });
    if (get().codes.length === 0) {
      void api['skipCodes.list']({}).then((r) => set(r.ok ? { codes: r.value, codesError: null } : { codesError: errorText(r.error) }));
    }
  },
  close: () => set({ openFor: null }),
  set: (patch) => set({ ...patch, error: null }),
  addPhoto: (photo) => set((s) => ({ photos: [...s.photos, photo] })),

  async save() {
    const { openFor, code, note, photos, saving } = get();
    if (!openFor || saving || !code) return false;
    set({ saving: true, error: null });
    const position = fix?.current();
    const result = await api['visits.skip']({
      usagePointId: openFor,
      code,
      note: note.trim(),
      photoIds: photos.map((p) => p.photoId),
      ...(position ? { position } : {}),
    });
    if (!result.ok) {
      set({ saving: false, error: errorText(result.error) });
      return false;
    }
    set({ saving: false, openFor: null });
    return true;
  },
}));
