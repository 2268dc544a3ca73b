/**
 * The meter commands' lines come from the CLI catalogs (issue 16 §3): under LANG=de `dlms read`
 * and `mbus listen` say what they read, saved and heard in German, with no English sentence left; OBIS codes, serials and
 * values stay as the meter gave them. Both catalogs hold the same lines.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cliWordsDe, cliWordsEn } from '../../electron/cli/cliWords';
import { dlmsReadText, dlmsSavedText, type ShownDlmsRead } from '../../electron/cli/dlmsText';
import { listenText } from '../../electron/cli/mbusText';

const read: ShownDlmsRead = {
  meter: { manufacturer: 'KFM', ident: 'KFM5KAIFA-METER', serial: '98765432' },
  medium: 'optical',
  baud: 9600,
  bytes: 812,
  durationMs: 1400,
  clock: { meterTime: '2026-03-01T08:00:00Z', driftS: 2.5 },
  registers: [{ obis: '1-0:1.8.0.255', value: '1234.5', unit: 'kWh' }],
  disconnect: { outputConnected: true, controlState: 'connected' },
  profile: null,
};
const saved = {
  serial: '98765432',
  readings: [{ readingType: '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0', value: '1234.5' }],
  profileMessageId: null,
};

/** The keys of every line, nested, so a line missing in one language is named. */
const shape = (words: object, prefix = ''): string[] =>
  Object.entries(words).flatMap(([k, v]) => (typeof v === 'object' ? shape(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('the meter commands in the user’s language', () => {
  const before = { lang: process.env.LANG, fieldmeterLang: process.env.FIELDMETER_LANG };
  afterEach(() => {
    for (const [name, value] of [
      ['LANG', before.lang],
      ['FIELDMETER_LANG', before.fieldmeterLang],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  const speak = (lang: string) => {
    delete process.env.FIELDMETER_LANG;
    process.env.LANG = lang;
  };

  it('says a DLMS read and what --save stored in German', () => {
    speak('de_DE.UTF-8');
    const text = dlmsReadText(read);
    expect(text).toContain('Zähler KFM KFM5KAIFA-METER, Seriennummer 98765432, Modus E (HDLC) mit 9600 Baud');
    expect(text).toContain('Uhr: 2026-03-01T08:00:00Z, Abweichung +2.5 s.');
    expect(text).toContain('Trennschalter: connected (Ausgang verbunden).');
    expect(text).toContain('1-0:1.8.0.255');
    expect(text).not.toMatch(/Meter |Clock|Disconnect control|output/);

    const stored = dlmsSavedText('UP-1', saved);
    expect(stored).toContain('1 Ablesungen bei UP-1 gespeichert (Zähler 98765432).');
    expect(stored).toContain('Kein Lastgang in den Postausgang gestellt.');
    expect(stored).not.toMatch(/Saved|No load profile/);
  });

  it('says who `mbus listen` heard in German', () => {
    speak('de_DE.UTF-8');
    const text = listenText({
      counts: { stops: 2, heard: 1, notHeard: 1, notOnRoute: 0, duplicates: 3, damaged: 0 },
      heard: [{ meterSerial: 'KAM44556677', values: [{ value: '12.345' }], reason: null, readingSetId: 'rs-1' }],
      notHeard: [{ meterSerial: 'KAM11223344', address: '2D2C44332211' }],
      others: [],
    });
    expect(text.split('\n')).toEqual([
      '1 von 2 Funkzählern gehört; 0 Telegramm(e) von Zählern außerhalb der Route, 3 wiederholt, 0 beschädigt.',
      '  gehört KAM44556677: 12.345 (gespeichert)',
      '  nicht gehört KAM11223344 (2D2C44332211)',
    ]);
  });

  it('keeps the English lines word for word in English', () => {
    speak('en_GB.UTF-8');
    expect(dlmsSavedText('UP-1', saved).split('\n')[0]).toBe('Saved 1 readings at UP-1 (meter 98765432).');
    expect(dlmsReadText(read).split('\n')[1]).toBe('Clock: 2026-03-01T08:00:00Z, drift +2.5 s.');
  });

  it('holds the same lines in English and German', () => {
    expect(shape(cliWordsDe)).toEqual(shape(cliWordsEn));
  });
});
