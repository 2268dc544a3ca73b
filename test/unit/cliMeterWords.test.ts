/**
 * The meter commands' lines come from the CLI catalogs (issue 16 §3): under LANG=de `dlms read`
 * and `mbus listen` say what they read, saved and heard in German, with no English sentence left; OBIS codes, serials and
 * values stay as the meter gave them. Both catalogs hold the same lines.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cliWordsDe, cliWordsEn } from '../../electron/cli/cliWords';
import { captureText, dlmsReadText, dlmsSavedText, meterObjectsText, type ShownDlmsRead } from '../../electron/cli/dlmsText';
import { listenText, telegramTable, type TelegramSummary } from '../../electron/cli/mbusText';

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

/** A wired long frame as `mbus decode` summarises it (the values of libmbus's test frame, EFE WaterStar). */
const telegram: TelegramSummary = {
  ok: true,
  reason: null,
  medium: 'wmbus',
  manufacturer: 'EFE',
  id: '04990254',
  version: 0,
  deviceType: 'warmWater',
  encryption: 'mode5',
  decrypted: true,
  records: [
    { value: '12.345', unit: 'm3', storage: 0, tariff: 0, subunit: 0, function: 'instantaneous', quantity: 'volume', date: null },
    { value: '2.070', unit: 'm3/h', storage: 1, tariff: 0, subunit: 0, function: 'maximum', quantity: 'volumeFlow', date: null },
    { value: '41.2', unit: '°C', storage: 0, tariff: 0, subunit: 0, function: 'instantaneous', quantity: 'flowTemperature', date: null },
    {
      value: '0A0B',
      unit: null,
      storage: 0,
      tariff: 0,
      subunit: 0,
      function: 'instantaneous',
      quantity: 'manufacturerSpecific',
      date: null,
    },
  ],
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
      heard: [
        { meterSerial: 'KAM44556677', values: [{ value: '12.345' }], reason: null, readingSetId: 'rs-1' },
        { meterSerial: 'DME21010001', values: [{ value: '87.210' }], reason: null, readingSetId: null, saveProblem: 'NEEDS_CONFIRMATION' },
      ],
      notHeard: [{ meterSerial: 'KAM11223344', address: '2D2C44332211' }],
      others: [],
    });
    expect(text.split('\n')).toEqual([
      '1 von 2 Funkzählern gehört; 0 Telegramm(e) von Zählern außerhalb der Route, 3 wiederholt, 0 beschädigt.',
      '  gehört KAM44556677: 12.345 (gespeichert)',
      '  gehört DME21010001: 87.210 (nicht gespeichert: Prüfen Sie den Wert: Geben Sie ihn erneut ein oder nennen Sie einen Grund. (NEEDS_CONFIRMATION))',
      '  nicht gehört KAM11223344 (2D2C44332211)',
    ]);
  });

  it('says an M-Bus telegram with its quantities, function, device type and security in German', () => {
    speak('de_DE.UTF-8');
    const lines = telegramTable(telegram).split('\n');
    expect(lines[0]).toBe('wM-Bus EFE 04990254, Version 0, Warmwasser (AES-128-CBC (Sicherheitsmodus 5), entschlüsselt)');
    expect(lines[1]).toMatch(/^ {2}Volumen +12\.345 +m3$/);
    expect(lines[2]).toMatch(/^ {2}Durchfluss +2\.070 +m3\/h +Maximum +Speicher 1$/);
    expect(lines[3]).toMatch(/^ {2}Vorlauftemperatur +41\.2 +°C$/);
    expect(lines[4]).toMatch(/^ {2}Herstellerdaten +0A0B$/);
    expect(lines.join('\n')).not.toMatch(/volumeFlow|flowTemperature|manufacturerSpecific|warmWater|mode5|maximum/);
  });

  it('says why `mbus listen` has no values in words, with the code small beside', () => {
    speak('de_DE.UTF-8');
    const text = listenText({
      counts: { stops: 1, heard: 1, notHeard: 0, notOnRoute: 1, duplicates: 0, damaged: 0 },
      heard: [{ meterSerial: 'KAM44556677', values: [], reason: 'mbus.noKey', readingSetId: null }],
      notHeard: [],
      others: [
        { manufacturer: 'ZRI', id: '12345678', reason: null, records: [{ value: '402.006', unit: 'm3', quantity: 'volume' }] },
        { manufacturer: 'DME', id: '21010001', reason: 'mbus.decrypt', records: [] },
      ],
    }).split('\n');
    expect(text[1]).toBe(
      '  gehört KAM44556677: Empfangen, aber das Telegramm ist verschlüsselt und für diesen Zähler gibt es keinen Schlüssel. (mbus.noKey)',
    );
    expect(text[2]).toBe('  andere ZRI12345678: Volumen 402.006 m3');
    expect(text[3]).toMatch(/^ {2}andere DME21010001: Empfangen, aber nicht zu entschlüsseln: .* \(mbus\.decrypt\)$/);
  });

  it('names the DLMS interface classes a meter offers in German, the class id small beside', () => {
    speak('de_DE.UTF-8');
    const offered = [
      { obis: '0-0:1.0.0.255', classId: 8, version: 0 },
      { obis: '1-0:99.1.0.255', classId: 7, version: 1 },
      { obis: '0-0:96.3.10.255', classId: 70, version: 0 },
      { obis: '0-0:99.99.0.255', classId: 250, version: 0 },
    ];
    const text = meterObjectsText({ manufacturer: 'KFM', ident: 'KFM5KAIFA-METER' }, 9600, offered).split('\n');
    expect(text[1]).toMatch(/^ {2}0-0:1\.0\.0\.255 +Klasse {3}8 v0 {2}Uhr$/);
    expect(text[2]).toMatch(/Klasse {3}7 v1 {2}Profil \(Lastgang oder Logbuch\)$/);
    expect(text[3]).toMatch(/Klasse {2}70 v0 {2}Trennschalter \(Disconnect control\)$/);
    expect(text[4]).toMatch(/Klasse 250 v0 {2}\(Klasse hier nicht bekannt\)$/);
    expect(text.join('\n')).not.toMatch(/Clock|Profile generic/);
  });

  it('says why a DLMS capture was not read, in words with its code', () => {
    speak('de_DE.UTF-8');
    const text = captureText({
      frames: [{ ok: false, reason: 'dlms.fcs' }],
      apdu: null,
      encrypted: false,
      decrypted: false,
      objects: [],
      reason: null,
    });
    expect(text).toContain('Nicht gelesen: Ein Rahmen wurde unterwegs beschädigt (die Prüfsumme stimmt nicht).');
    expect(text).toContain('(dlms.fcs)');
  });

  it('keeps the English lines word for word in English', () => {
    speak('en_GB.UTF-8');
    expect(dlmsSavedText('UP-1', saved).split('\n')[0]).toBe('Saved 1 readings at UP-1 (meter 98765432).');
    expect(dlmsReadText(read).split('\n')[1]).toBe('Clock: 2026-03-01T08:00:00Z, drift +2.5 s.');
    expect(telegramTable(telegram).split('\n')[2]).toMatch(/^ {2}Flow +2\.070 +m3\/h +maximum +storage 1$/);
  });

  it('holds the same lines in English and German', () => {
    expect(shape(cliWordsDe)).toEqual(shape(cliWordsEn));
  });
});
