/** Start-up and app-wide settings: app.info, the UI language, the top-level state tests wait on. */
import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract/api';
import { api } from '../api/client';
import { changeLanguage, type Locale } from '../i18n';

export type AppState = 'loading' | 'ready' | 'error';

interface AppSlice {
  state: AppState;
  info: AppInfo | null;
  startError: string | null;
  localeError: string | null;
  start(): Promise<void>;
  refreshInfo(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
}

export const useAppStore = create<AppSlice>((set, get) => ({
  state: 'loading',
  info: null,
  startError: null,
  localeError: null,

  async start() {
    set({ state: 'loading', startError: null });
    const result = await api['app.info']({});
    if (!result.ok) {
      set({ state: 'error', startError: result.error.message });
      return;
    }
    await changeLanguage(result.value.locale);
    set({ state: 'ready', info: result.value });
  },

  async refreshInfo() {
    const result = await api['app.info']({});
    if (result.ok) set({ info: result.value });
  },

  async setLocale(locale) {
    const previous = get().info?.locale ?? 'en';
    await changeLanguage(locale);
    set((s) => ({ info: s.info ? { ...s.info, locale } : s.info, localeError: null }));
    const result = await api['settings.setLocale']({ locale });
    if (!result.ok) {
      // The switch did not stick: go back, and say so (the message says what to do).
      await changeLanguage(previous);
      set((s) => ({ info: s.info ? { ...s.info, locale: previous } : s.info, localeError: result.error.message }));
    }
  },
}));

export const useLocale = (): Locale => useAppStore((s) => s.info?.locale ?? 'en');
