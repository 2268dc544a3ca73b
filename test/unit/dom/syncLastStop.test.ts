/**
 * The Sync screen opened after a run stopped (background sync, the CLI, an earlier session) says
 * when the last run stopped and why, in the user's language, from `sync.status`'s lastStop: a user
 * who was not watching the run still sees why nothing went out (issue 16 §3).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/methods/sync';

vi.mock('../../../renderer/src/api/client', () => ({
  api: {},
  onTopics: () => () => {},
  subscribe: () => () => {},
  transport: {},
}));

const { i18next } = await import('../../../renderer/src/i18n');
const { useSyncStore } = await import('../../../renderer/src/features/sync/syncStore');
const { SyncControls } = await import('../../../renderer/src/features/sync/SyncControls');

const refused: SyncStatus = {
  pending: 3,
  held: 0,
  rejected: 0,
  sent: 0,
  lastSuccessAt: null,
  running: false,
  configured: true,
  lastStop: {
    code: 'UNREACHABLE',
    reason: 'unreachable',
    details: { attempts: 5, network: 'refused', systemCode: 'ECONNREFUSED' },
  },
  lastStopAt: '2026-03-02T07:45:00.000Z',
};

/**
 * The slice as the screen reads it. A render to markup reads zustand's server snapshot, which is
 * the store's initial state: that is where the state goes.
 */
const setSlice = (partial: Partial<ReturnType<typeof useSyncStore.getState>>) => Object.assign(useSyncStore.getInitialState(), partial);

const lastStop = () => {
  const html = renderToStaticMarkup(createElement(SyncControls));
  return /data-testid="sync-last-stop"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;
};

describe('the last stop on the Sync screen', () => {
  beforeEach(() => setSlice({ status: refused, lastFinished: null, progress: null, error: null }));
  afterAll(() => i18next.changeLanguage('en'));

  it('says when the last run stopped, why and what to do, in English and German', async () => {
    await i18next.changeLanguage('en');
    expect(lastStop()).toMatch(
      /^The last sync \(.*2026.*\) stopped: The office could not be reached after 5 tries\..* The office’s server refused the connection \(ECONNREFUSED\): check the endpoint address/,
    );
    await i18next.changeLanguage('de');
    expect(lastStop()).toMatch(
      /^Der letzte Abgleich \(.*2026.*\) wurde angehalten: Das Büro war nach 5 Versuchen nicht erreichbar\..* Der Server des Büros hat die Verbindung abgelehnt \(ECONNREFUSED\)/,
    );
  });

  it('shows the peer’s own words of that run apart, marked as theirs', async () => {
    await i18next.changeLanguage('en');
    setSlice({ status: { ...refused, lastStop: { ...refused.lastStop!, peerText: 'Service unavailable' } } });
    const html = renderToStaticMarkup(createElement(SyncControls));
    expect(html).toMatch(/data-testid="sync-peer-words".*<q translate="no">Service unavailable<\/q>/s);
  });

  it('gives way to the run just watched, and says nothing when the last run went to the end', () => {
    setSlice({ lastFinished: { runId: 'r', summary: null, stopped: null } });
    expect(lastStop()).toBeNull();
    setSlice({ lastFinished: null, status: { ...refused, lastStop: null, lastStopAt: null } });
    expect(lastStop()).toBeNull();
  });
});
