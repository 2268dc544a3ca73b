/**
 * Start-up and app-wide settings: app.info, who is signed in, the UI language, the top-level state
 * tests wait on. The session lives on the Node side; this only mirrors what it answered.
 */
import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract/api';
import type { Session } from '../../../shared/contract/methods/profiles';
import type { AppErrorShape } from '../../../shared/contract/result';
import { api } from '../api/client';
import { changeLanguage, type Locale } from '../i18n';
import { errorText } from '../lib/errorText';

/** 'signIn': the app answered and nobody is signed in; 'ready': a profile is signed in. */
export type AppState = 'loading' | 'signIn' | 'ready' | 'error';

interface AppSlice {
  state: AppState;
  info: AppInfo | null;
  session: Session | null;
  /** The last sign-in refusal (translated where it is shown, from its code and details). */
  signInError: AppErrorShape | null;
  startError: string | null;
  localeError: string | null;
  start(): Promise<void>;
  refreshInfo(): Promise<void>;
  signIn(name: string, secret: string): Promise<void>;
  createFirstProfile(name: string, secret: string): Promise<void>;
  signOut(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
}

export const useAppStore = create<AppSlice>((set, get) => ({
  state: 'loading',
  info: null,
  session: null,
  signInError: null,
  startError: null,
  localeError: null,

  async start() {
    set({ state: 'loading', startError: null });
    const result = await api['app.info']({});
    if (!result.ok) {
      set({ state: 'error', startError: errorText(result.error) });
      return;
    }
    await changeLanguage(result.value.locale);
    const session = await api['session.get']({});
    if (!session.ok) {
      set({ state: 'error', startError: errorText(session.error) });
      return;
    }
    set({ state: session.value.profile ? 'ready' : 'signIn', info: result.value, session: session.value });
  },

  async signIn(name, secret) {
    const r = await api['session.signIn']({ name, secret });
    if (!r.ok) return set({ signInError: r.error });
    set({ session: r.value, signInError: null, state: r.value.profile ? 'ready' : 'signIn' });
  },

  async createFirstProfile(name, secret) {
    const r = await api['profiles.createFirst']({ name, secret });
    if (!r.ok) return set({ signInError: r.error });
    set({ session: r.value, signInError: null, state: r.value.profile ? 'ready' : 'signIn' });
  },

  async signOut() {
    await api['session.signOut']({});
    // A fresh page: nothing the last profile saw stays in memory for the next one on this device.
    window.location.reload();
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
      set((s) => ({ info: s.info ? { ...s.info, locale: previous } : s.info, localeError: errorText(result.error) }));
    }
  },
}));

export const useLocale = (): Locale => useAppStore((s) => s.info?.locale ?? 'en');

/** The signed-in profile (null on the sign-in screen). */
export const useProfile = () => useAppStore((s) => s.session?.profile ?? null);
