/** Errors from the Node side are said in the user's language from their code and details (issue 16 §3, issue 17). */
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { errorText } from '../../renderer/src/lib/errorText';

const english = 'Only a supervisor may change the sync settings. You are signed in as Tina (technician).';

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
    expect(errorText({ code: 'FORBIDDEN', message: english, details: { right: 'supervise', role: 'technician' } })).toBe(
      'Ihr Profil darf das nicht: Dafür ist die Rolle Disponent nötig. Bitten Sie jemanden mit dieser Rolle, sich anzumelden.',
    );
    expect(errorText({ code: 'DISK_FULL', message: 'The disk is full.' })).toMatch(/^Der Speicher ist voll/);
    const validation = errorText({
      code: 'VALIDATION',
      message: 'Register 7 does not belong to meter E1.',
      details: { reason: 'registerNotOfMeter' },
    });
    expect(validation).toBe('Ein Zählwerk gehört nicht zu diesem Zähler. Laden Sie die Seite neu.');
    expect(
      errorText({ code: 'TOO_LARGE', message: 'x.jpg is larger than 12 MB.', details: { reason: 'photoTooLarge', limitMb: 12 } }),
    ).toBe('Das Foto ist größer als 12 MB. Nehmen Sie es mit geringerer Auflösung auf.');
    expect(
      errorText({ code: 'VALIDATION', message: 'A profile named Tina already exists.', details: { reason: 'profileExists' } }),
    ).toMatch(/^Ein Profil mit diesem Namen/);
    expect(errorText({ code: 'SOMETHING_NEW', message: 'English only' })).not.toContain('English only');
  });

  it("in English too says the reason from the catalog, never the Node side's developer text", async () => {
    await i18next.changeLanguage('en');
    expect(
      errorText({ code: 'VALIDATION', message: 'Register 7 does not belong to meter E1.', details: { reason: 'registerNotOfMeter' } }),
    ).toBe('A register does not belong to this meter. Reload the page.');
    expect(
      errorText({ code: 'NOT_FOUND', message: 'Usage point UP-1 is not on this device.', details: { reason: 'usagePointUnknown' } }),
    ).not.toContain('UP-1');
    expect(
      errorText({
        code: 'SIGN_IN_REQUIRED',
        message: 'Sign in first: readings.save needs a signed-in profile.',
        details: { right: 'record' },
      }),
    ).toBe('Sign in first.');
  });
});
