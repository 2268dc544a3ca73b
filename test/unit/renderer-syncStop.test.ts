/**
 * Why a sync stopped is said in the user's language from its reason and details (issue 17 §2),
 * never as the Node side's English sentence; the peer's own words travel apart, as `peerText`.
 */
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { syncStopText } from '../../renderer/src/features/sync/stopText';
import { syncStopReasons, type SyncStopShape } from '../../shared/contract/methods/sync';

/** Stops as electron/services/sync/deliver.ts and index.ts make them. */
const stops: readonly SyncStopShape[] = [
  {
    code: 'REFUSED',
    reason: 'credentials',
    details: { status: 401 },
    message: 'The enterprise refused the credentials (HTTP 401). Check FIELDMETER_SYNC_USER / PASSWORD / TOKEN or the client certificate.',
  },
  {
    code: 'REFUSED',
    reason: 'httpStatus',
    details: { status: 404 },
    message: 'The endpoint answered HTTP 404; is the endpoint URL right?',
  },
  {
    code: 'BAD_REPLY',
    reason: 'badReply',
    details: { messageId: 'M-1' },
    peerText: '(NOT_XML): not XML',
    message: "The enterprise's reply to M-1 was refused (NOT_XML): not XML. Nothing was marked sent.",
  },
  {
    code: 'BAD_REPLY',
    reason: 'replyTooLarge',
    peerText: 'the reply exceeds the limit of 10 bytes',
    message: "The enterprise's reply was refused: the reply exceeds the limit of 10 bytes.",
  },
  {
    code: 'UNREACHABLE',
    reason: 'unreachable',
    details: { attempts: 3 },
    peerText: 'HTTP 500: no operation matches',
    message:
      'The enterprise could not be reached after 3 attempts (HTTP 500: no operation matches). Everything not answered stays in the outbox; sync again later.',
  },
  {
    code: 'UNREACHABLE',
    reason: 'inboundFailed',
    peerText: 'cannot reach mdm: ECONNREFUSED',
    message: "Sent; but the enterprise's messages for this device could not be fetched: cannot reach mdm: ECONNREFUSED",
  },
  {
    code: 'VALIDATION',
    reason: 'failed',
    details: { reason: 'endpointMissing' },
    message: 'No enterprise endpoint is set. A supervisor sets it under Sync → Endpoint.',
  },
];

describe('syncStopText', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { en: { translation: en }, de: { translation: de } },
      lng: 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
  });
  afterAll(async () => {
    await i18next.changeLanguage('en');
  });

  it('has a sentence for every reason but the two said otherwise (cancelled, failed)', () => {
    expect(Object.keys(en.sync.stopReason).sort()).toEqual(syncStopReasons.filter((r) => r !== 'cancelled' && r !== 'failed').sort());
  });

  it('says every stop in German with its details, and no English sentence of the Node side', async () => {
    await i18next.changeLanguage('de');
    for (const stop of stops) {
      const text = syncStopText(stop);
      expect(text).not.toContain(stop.message);
      expect(text).not.toMatch(/enterprise|could not|refused/i);
      if (stop.peerText) expect(text, 'the peer’s words are shown apart').not.toContain(stop.peerText);
    }
    expect(syncStopText(stops[0]!)).toContain('HTTP 401');
    expect(syncStopText(stops[2]!)).toContain('M-1');
    expect(syncStopText(stops[4]!)).toBe(
      'Das Büro war nach 3 Versuchen nicht erreichbar. Alles Unbeantwortete bleibt im Postausgang; gleichen Sie später erneut ab.',
    );
    // A run that failed on a coded error is said from that error's reason.
    expect(syncStopText(stops[6]!)).toBe(de.errors.reason.endpointMissing);
  });

  it('says the same stops in English from the catalog', async () => {
    await i18next.changeLanguage('en');
    expect(syncStopText(stops[4]!)).toBe(
      'The office could not be reached after 3 tries. Everything not answered stays in the outbox; sync again later.',
    );
  });
});
