/**
 * The HAN/P1 section says what became of a push in the user's language (issue 16 §3): the outcome,
 * then why in the catalog's words for the DLMS reason (errors.reason.dlms.*), the code small beside.
 * Every outcome the Node side reports (electron/services/han/hanSession.ts) with every reason it can
 * carry is said in words in both languages, never by its code alone.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import type { HanState } from '../../../shared/contract/methods/han';
import { dlmsReasons, type DlmsReason } from '../../../shared/dlms/errors';
import { HanOutcome } from '../../../renderer/src/features/han/HanOutcome';
import { i18next } from '../../../renderer/src/i18n';
import { en } from '../../../renderer/src/i18n/en';

type Outcome = NonNullable<HanState['last']>['outcome'];

/** What hanSession.ts puts beside each outcome: a decrypt failure has two reasons, a damaged push any. */
const reported: [Outcome, DlmsReason][] = [
  ['cannotDecrypt', 'dlms.decrypt'],
  ['cannotDecrypt', 'dlms.no-key'],
  ['replay', 'dlms.replay'],
  ...dlmsReasons.map((reason): [Outcome, DlmsReason] => ['unreadable', reason]),
];

const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** The outcome paragraph: its whole text, the reason's words, and what is set small as a code. */
function shown(outcome: Outcome, reason: DlmsReason | null) {
  // The section's store answers a static render with its first state, so the outcome is rendered as HanPanel places it.
  const html = renderToStaticMarkup(createElement(HanOutcome, { last: { outcome, reason } }));
  const paragraph = /<p data-testid="han-outcome"[^>]*>(.*?)<\/p>/s.exec(html)?.[1] ?? '';
  const small = [...paragraph.matchAll(/<small class="code"[^>]*>(.*?)<\/small>/gs)].map((m) => textOf(m[1]!));
  const words = /data-testid="han-reason">(.*?)<\/span>/s.exec(paragraph)?.[1] ?? '';
  return { text: textOf(paragraph), words: textOf(words), small, rest: textOf(paragraph.replace(/<small[^>]*>.*?<\/small>/gs, '')) };
}

describe('a push that gave no values, on the HAN/P1 section', () => {
  afterAll(() => i18next.changeLanguage('en'));

  it('is said in German from the reason catalog, its code small beside', async () => {
    await i18next.changeLanguage('de');
    const wrongKey = shown('cannotDecrypt', 'dlms.decrypt');
    expect(wrongKey.text).toBe(
      'Gehört, nicht entschlüsselbar: Es werden keine Werte gezeigt oder gespeichert. ' +
        'Nicht zu entschlüsseln: Der Schlüssel passt nicht zu diesem Zähler, oder die Daten wurden verändert. dlms.decrypt',
    );
    expect(wrongKey.small).toEqual(['dlms.decrypt']);
    expect(shown('cannotDecrypt', 'dlms.no-key').words).toBe('Verschlüsselt, und dieses Gerät hat keinen Schlüssel für diesen Zähler.');
    expect(shown('replay', 'dlms.replay').words).toMatch(/^Nicht neuer als das, was von diesem Zähler schon empfangen wurde/);
    expect(shown('unreadable', 'dlms.fcs').words).toMatch(/^Ein Rahmen wurde unterwegs beschädigt \(die Prüfsumme stimmt nicht\)/);
  });

  it.each(['de', 'en'] as const)('says every outcome the Node side reports in words (%s), never by its code alone', async (lang) => {
    await i18next.changeLanguage(lang);
    for (const [outcome, reason] of reported) {
      const { words, small, rest } = shown(outcome, reason);
      const label = `${outcome} ${reason} in ${lang}`;
      expect(small, label).toEqual([reason]);
      // Words, not a catalog key i18next fell back to, and not the code said again outside the small print.
      expect(words.length, label).toBeGreaterThan(20);
      expect(rest, label).not.toMatch(/\bdlms\.|errors\.|reason\./);
      if (lang === 'de')
        expect(words, label).not.toBe(en.errors.reason.dlms[reason.slice('dlms.'.length) as keyof typeof en.errors.reason.dlms]);
    }
  });

  it('shows values without a reason or a code', async () => {
    await i18next.changeLanguage('de');
    const values = shown('values', null);
    expect(values.text).toBe('Mit dem Schlüssel des Zählers entschlüsselt: Das sind die Werte des Zählers.');
    expect(values.small).toEqual([]);
  });
});
