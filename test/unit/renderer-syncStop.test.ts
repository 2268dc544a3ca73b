/**
 * Why a sync stopped is said in the user's language from its reason and typed details (issue 16 §3,
 * issue 17 §2), by the Sync screen and the CLI alike, never as an English sentence of the Node
 * side; the peer's own words travel apart, as `peerText`.
 */
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { syncStopText } from '../../renderer/src/features/sync/stopText';
import { syncStop, syncStopReasons, type SyncStopShape } from '../../shared/contract/methods/sync';
import { networkReasons } from '../../shared/contract/syncStop';
import { AppError } from '../../shared/contract/appError';
import { sayError } from '../../shared/i18n/errorKey';
import { errorWordsDe } from '../../shared/i18n/errorWords.de';
import { errorWordsEn } from '../../shared/i18n/errorWords.en';
import { stopSentence } from '../../electron/services/sync/stopLog';

/** Stops as electron/services/sync/deliver.ts and index.ts make them. */
const stops: readonly SyncStopShape[] = [
  { code: 'REFUSED', reason: 'credentials', details: { status: 401, credentials: 'refused' } },
  { code: 'REFUSED', reason: 'httpStatus', details: { status: 404 } },
  { code: 'BAD_REPLY', reason: 'badReply', details: { messageId: 'M-1', problem: 'NOT_XML' }, peerText: '(NOT_XML): not XML' },
  { code: 'BAD_REPLY', reason: 'replyTooLarge', details: { limitBytes: 10 } },
  {
    code: 'UNREACHABLE',
    reason: 'unreachable',
    details: { attempts: 3, network: 'httpStatus', status: 500 },
    peerText: 'no operation matches',
  },
  { code: 'UNREACHABLE', reason: 'inboundFailed', details: { network: 'refused', systemCode: 'ECONNREFUSED' } },
  { code: 'VALIDATION', reason: 'failed', details: { error: { code: 'VALIDATION', details: { reason: 'endpointMissing' } } } },
  { code: 'REFUSED', reason: 'credentials', details: { status: 401, credentials: 'missing' } },
  { code: 'UNREACHABLE', reason: 'unreachable', details: { attempts: 2, network: 'tlsFailed', systemCode: 'CERT_HAS_EXPIRED' } },
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

  it('every stop made on the Node side fits the contract, which carries no sentence', () => {
    for (const stop of stops) expect(syncStop.parse(stop)).toEqual(stop);
    expect(syncStop.safeParse({ ...stops[1], message: 'The endpoint answered HTTP 404' }).success).toBe(false);
  });

  it('has words in both languages for every reason but the one said as its error (failed)', () => {
    for (const reason of syncStopReasons.filter((r) => r !== 'failed')) {
      expect(en.errors.syncStop[reason as keyof typeof en.errors.syncStop], reason).toBeTruthy();
      expect(de.errors.syncStop[reason as keyof typeof de.errors.syncStop], reason).toBeTruthy();
    }
  });

  it('has words in both languages for what the connection did on the last try', () => {
    for (const network of networkReasons) {
      expect(en.errors.syncStop.network[network], network).toBeTruthy();
      expect(de.errors.syncStop.network[network], network).toBeTruthy();
    }
  });

  it('says every stop in German with its details, and no English sentence of the Node side', async () => {
    await i18next.changeLanguage('de');
    for (const stop of stops) {
      const text = syncStopText(stop);
      expect(text).not.toContain(stopSentence(stop));
      expect(text).not.toMatch(/enterprise|could not|\brefused\b/i); // ECONNREFUSED is an identifier
      if (stop.peerText) expect(text, 'the peer’s words are shown apart').not.toContain(stop.peerText);
    }
    expect(syncStopText(stops[0]!)).toBe(`${de.errors.syncStop.credentials.replace('{{status}}', '401')} ${de.errors.credentials.refused}`);
    expect(syncStopText(stops[7]!)).toContain(de.errors.credentials.missing);
    expect(syncStopText(stops[2]!)).toContain('M-1');
    expect(syncStopText(stops[4]!)).toBe(
      'Das Büro war nach 3 Versuchen nicht erreichbar. Alles Unbeantwortete bleibt im Postausgang; gleichen Sie später erneut ab. Der letzte Versuch wurde mit HTTP 500 beantwortet.',
    );
    // The connection's trouble is coded, with the system's code as an identifier (no transport English).
    expect(syncStopText(stops[5]!)).toContain('Der Server des Büros hat die Verbindung abgelehnt (ECONNREFUSED)');
    expect(syncStopText(stops[8]!)).toContain('Die sichere Verbindung kam nicht zustande (CERT_HAS_EXPIRED)');
    // A run that failed on a coded error is said from that error's reason.
    expect(syncStopText(stops[6]!)).toBe(de.errors.reason.endpointMissing);
  });

  it('says the same stops in English from the catalog', async () => {
    await i18next.changeLanguage('en');
    expect(syncStopText(stops[4]!)).toBe(
      'The office could not be reached after 3 tries. Everything not answered stays in the outbox; sync again later. The last try was answered with HTTP 500.',
    );
  });

  it('the CLI says a stopped run with the same words, from the code and the stop only', () => {
    const stopped = (stop: SyncStopShape) => new AppError('INTERNAL', stopSentence(stop), { reason: 'syncStopped', stop });
    expect(sayError(errorWordsEn, stopped(stops[4]!))).toBe(
      'The office could not be reached after 3 tries. Everything not answered stays in the outbox; sync again later. The last try was answered with HTTP 500.',
    );
    expect(sayError(errorWordsEn, stopped(stops[5]!))).toContain(
      'The office’s server refused the connection (ECONNREFUSED): check the endpoint address and that the server is running.',
    );
    expect(sayError(errorWordsDe, stopped(stops[0]!))).toBe(
      `${errorWordsDe.syncStop.credentials.replace('{{status}}', '401')} ${errorWordsDe.credentials.refused}`,
    );
    expect(sayError(errorWordsDe, stopped(stops[6]!))).toBe(errorWordsDe.reason.endpointMissing);
  });

  it('a run recorded by an earlier version is said with its text as recorded', async () => {
    await i18next.changeLanguage('de');
    const old: SyncStopShape = { code: 'UNREACHABLE', reason: 'recorded', details: { text: 'The enterprise could not be reached.' } };
    expect(syncStopText(old)).toBe(
      'Der Abgleich wurde angehalten (UNREACHABLE). Damals festgehalten: The enterprise could not be reached.',
    );
  });
});
