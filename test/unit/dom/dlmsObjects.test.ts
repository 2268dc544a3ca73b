/**
 * "What the meter offers" on the Read panel names each object's interface class as DLMS UA 1000-1
 * does, in the user's language, from the same table as `dlms read --objects` (issue 16 §3); a class
 * this app does not know is said so, its id beside. The class is said in the row itself, small beside
 * the OBIS code: a hover title alone is never seen on a tablet worked with gloves.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { i18next } from '../../../renderer/src/i18n';
import { DlmsObjects } from '../../../renderer/src/features/optical/DlmsObjects';

const offered = [
  { obis: '0-0:1.0.0.255', classId: 8, version: 0 },
  { obis: '0-0:96.3.10.255', classId: 70, version: 0 },
  { obis: '0-0:99.99.0.255', classId: 250, version: 0 },
];

const markup = () => renderToStaticMarkup(createElement(DlmsObjects, { objects: offered }));
const titles = () => [...markup().matchAll(/title="([^"]*)"/g)].map((m) => m[1]);
const textOf = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Each object's row as seen without hovering: its code, the small print beside it, and the row's whole text. */
const rows = () =>
  [...markup().matchAll(/<li data-obis="([^"]*)"[^>]*>(.*?)<\/li>/gs)].map(([, obis, row]) => ({
    obis,
    code: textOf(/<span class="code">(.*?)<\/span>/s.exec(row!)?.[1] ?? ''),
    small: textOf(/<small[^>]*>(.*?)<\/small>/s.exec(row!)?.[1] ?? ''),
    text: textOf(row!),
  }));

describe('the classes a DLMS meter offers, on screen', () => {
  afterAll(() => i18next.changeLanguage('en'));

  it('are said in German in each row, small beside the OBIS code', async () => {
    await i18next.changeLanguage('de');
    expect(rows()).toEqual([
      { obis: '0-0:1.0.0.255', code: '0-0:1.0.0.255', small: 'Uhr, Klasse 8', text: '0-0:1.0.0.255 Uhr, Klasse 8' },
      {
        obis: '0-0:96.3.10.255',
        code: '0-0:96.3.10.255',
        small: 'Trennschalter (Disconnect control), Klasse 70',
        text: '0-0:96.3.10.255 Trennschalter (Disconnect control), Klasse 70',
      },
      {
        obis: '0-0:99.99.0.255',
        code: '0-0:99.99.0.255',
        small: 'Klasse 250, hier nicht bekannt',
        text: '0-0:99.99.0.255 Klasse 250, hier nicht bekannt',
      },
    ]);
  });

  it('keep the version for a pointer in the title, in German', async () => {
    await i18next.changeLanguage('de');
    expect(titles()).toEqual([
      'Uhr: Schnittstellenklasse 8, Version 0',
      'Trennschalter (Disconnect control): Schnittstellenklasse 70, Version 0',
      'Hier nicht bekannte Klasse: Schnittstellenklasse 250, Version 0',
    ]);
  });

  it('and in English, never the code alone', async () => {
    await i18next.changeLanguage('en');
    expect(rows().map((r) => r.small)).toEqual(['Clock, class 8', 'Disconnect control, class 70', 'class 250, not known here']);
    expect(titles()[0]).toBe('Clock: interface class 8, version 0');
  });
});
