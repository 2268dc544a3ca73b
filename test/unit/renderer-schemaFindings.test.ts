/**
 * The Received list says a schema-refused message's findings through the renderer's catalogs
 * (i18next, as the app loads them) in the user's language, each with xmllint's line for support;
 * a row of an earlier version, which kept xmllint's lines as strings, shows them as written.
 */
import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboundRefusal } from '../../shared/contract/inboundRefusal';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { schemaFindingsSaid } from '../../renderer/src/features/sync/refusalText';

const text =
  "line 9: element Timestamp: Schemas validity error : Element '{http://iec.ch/TC57/2011/schema/message}Timestamp': 'yesterday' is not a valid value of the atomic type 'xs:dateTime'.";
const refusal = (findings: (object | string)[]) =>
  ({ code: 'schemaInvalid', details: { schemas: ['MeterConfigMessage.xsd'], findings, more: 0 } }) as InboundRefusal;

describe('schema findings on the Received list', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { en: { translation: en }, de: { translation: de } },
      lng: 'de',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
  });
  afterAll(async () => {
    await i18next.changeLanguage('en');
  });

  it('says each finding in German with the checker’s line beside it; an old plain line as written', async () => {
    await i18next.changeLanguage('de');
    const typed = { line: 9, element: 'Timestamp', kind: 'badValue', value: 'yesterday', type: 'dateTime', text };
    expect(schemaFindingsSaid(refusal([typed, text]))).toEqual([
      { words: 'Zeile 9: Der Wert ‹yesterday› von ‹Timestamp› ist kein gültiger Wert vom Typ ‹dateTime›.', text },
      { words: text, text: '' },
    ]);
  });
});
