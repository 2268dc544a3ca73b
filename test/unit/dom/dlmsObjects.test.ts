/**
 * "What the meter offers" on the Read panel names each object's interface class as DLMS UA 1000-1
 * does, in the user's language, from the same table as `dlms read --objects` (issue 16 §3); a class
 * this app does not know is said so, its id beside.
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

const titles = () =>
  [...renderToStaticMarkup(createElement(DlmsObjects, { objects: offered })).matchAll(/title="([^"]*)"/g)].map((m) => m[1]);

describe('the classes a DLMS meter offers, on screen', () => {
  afterAll(() => i18next.changeLanguage('en'));

  it('are named in German with the class id and version beside', async () => {
    await i18next.changeLanguage('de');
    expect(titles()).toEqual([
      'Uhr: Schnittstellenklasse 8, Version 0',
      'Trennschalter (Disconnect control): Schnittstellenklasse 70, Version 0',
      'Hier nicht bekannte Klasse: Schnittstellenklasse 250, Version 0',
    ]);
  });

  it('and in English', async () => {
    await i18next.changeLanguage('en');
    expect(titles()[0]).toBe('Clock: interface class 8, version 0');
  });
});
