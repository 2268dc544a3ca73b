/** Every M-Bus reason code has a sentence in both catalogs, said through the app's errorText. */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';
import { errorText } from '../../../renderer/src/lib/errorText';
import { mbusReasons } from '../../../shared/mbus/reasons';

describe('M-Bus reasons in the catalogs', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { en: { translation: en }, de: { translation: de } },
      lng: 'en',
      fallbackLng: false,
      interpolation: { escapeValue: false },
    });
  });

  it.each(['en', 'de'])('says every reason in %s', async (language) => {
    await i18next.changeLanguage(language);
    for (const reason of mbusReasons) {
      expect(i18next.exists(`errors.reason.${reason}`), reason).toBe(true);
      expect(errorText({ code: 'VALIDATION', details: { reason } })).not.toContain('mbus.');
    }
  });
});
