/** Errors from the Node side are said in the user's language from their code and details (issue 16 §3, issue 17). */
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { errorText } from '../../renderer/src/lib/errorText';

describe('errorText', () => {
  // The catalogs as the app loads them (renderer/src/i18n/index.ts), without its DOM part.
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

  it('in German never shows the English sentence alone', async () => {
    await i18next.changeLanguage('de');
    expect(errorText({ code: 'FORBIDDEN', details: { right: 'supervise', role: 'technician' } })).toBe(
      'Ihr Profil darf das nicht: Dafür ist die Rolle Disponent nötig. Bitten Sie jemanden mit dieser Rolle, sich anzumelden.',
    );
    expect(errorText({ code: 'DISK_FULL' })).toMatch(/^Der Speicher ist voll/);
    const validation = errorText({
      code: 'VALIDATION',
      details: { reason: 'registerNotOfMeter' },
    });
    expect(validation).toBe('Ein Zählwerk gehört nicht zu diesem Zähler. Laden Sie die Seite neu.');
    expect(errorText({ code: 'TOO_LARGE', details: { reason: 'photoTooLarge', limitMb: 12 } })).toBe(
      'Das Foto ist größer als 12 MB. Nehmen Sie es mit geringerer Auflösung auf.',
    );
    expect(errorText({ code: 'VALIDATION', details: { reason: 'profileExists' } })).toMatch(/^Ein Profil mit diesem Namen/);
    expect(errorText({ code: 'SOMETHING_NEW' })).toBe(de.errors.code.VALIDATION);
  });

  it("in English too says the reason from the catalog, never the Node side's developer text", async () => {
    await i18next.changeLanguage('en');
    expect(errorText({ code: 'VALIDATION', details: { reason: 'registerNotOfMeter' } })).toBe(
      'A register does not belong to this meter. Reload the page.',
    );
    expect(errorText({ code: 'NOT_FOUND', details: { reason: 'usagePointUnknown' } })).not.toContain('UP-1');
    expect(
      errorText({
        code: 'SIGN_IN_REQUIRED',
        details: { right: 'record' },
      }),
    ).toBe('Sign in first.');
  });

  it("says the transport's own refusals from their reasons, in German too", async () => {
    await i18next.changeLanguage('de');
    expect(errorText({ code: 'UNAUTHORIZED', details: { reason: 'tokenMissing' } })).toMatch(/ohne ihren Zugangsschlüssel/);
    expect(errorText({ code: 'INTERNAL', details: { reason: 'unreachable' } })).toMatch(/^Fieldmeter erreicht seinen lokalen Dienst nicht/);
    expect(errorText({ code: 'BAD_REQUEST', details: { reason: 'bodyTooLarge', limitMb: 25 } })).toMatch(/höchstens 25 MB/);
    expect(errorText({ code: 'UNKNOWN_METHOD' })).toBe(de.errors.code.UNKNOWN_METHOD);
    // An unexpected failure names its log entry, so support can find what happened.
    expect(errorText({ code: 'INTERNAL', logId: 'a1b2c3d4' })).toBe(`${de.errors.code.INTERNAL} (Support-Kennung: a1b2c3d4)`);
    expect(errorText({ code: 'VALIDATION', details: { reason: 'valueUnchanged' }, logId: 'a1b2c3d4' })).not.toContain('a1b2c3d4');
  });
});
