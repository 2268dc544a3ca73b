/**
 * The integration profile's schema findings cross the boundary as typed issues (shared/contract/
 * zodIssue.ts) and are said from the catalogs (shared/i18n/zodIssueWords.ts), not in zod's English:
 * a file with one mistake of each kind the profile schema can find, said in German, with the place
 * in the file beside; and every zod 4 issue code has words in both languages.
 */
import { describe, expect, it } from 'vitest';
import { integrationProfileSchema } from '../../../shared/cim/integrationProfile';
import { zodIssue, zodIssueCodes, zodIssueData, type ZodIssueData } from '../../../shared/contract/zodIssue';
import { errorWordsDe } from '../../../shared/i18n/errorWords.de';
import { errorWordsEn } from '../../../shared/i18n/errorWords.en';
import { sayZodIssue, zodIssuePlace } from '../../../shared/i18n/zodIssueWords';

/** A profile a utility might send with mistakes in it. */
const file = {
  name: 7,
  soapAction: 'urn:{Operation}',
  namespaces: 'iec2099',
  endpoints: { SendMeterReadings: 'http://mdm.example/plain', 'Send-It': 'https://mdm.example/x' },
  header: { revision: '', properties: Array.from({ length: 33 }, (_, i) => ({ name: `p${i}` })) },
  meterStatus: {},
  colour: 'grey',
};

function issuesOf(json: unknown): ZodIssueData[] {
  const parsed = integrationProfileSchema.safeParse(json);
  expect(parsed.success).toBe(false);
  return parsed.success ? [] : parsed.error.issues.map((issue) => zodIssue.parse(zodIssueData(issue, json)));
}

describe('the integration profile’s issues in words', () => {
  it('says each in German, the place in the file beside it', () => {
    const said = issuesOf(file).map((issue) => [zodIssuePlace(errorWordsDe, issue), sayZodIssue(errorWordsDe, issue)]);
    expect(said).toEqual(
      expect.arrayContaining([
        ['name', 'Erwartet wird Text, gefunden wurde eine Zahl.'],
        ['soapAction', 'Nur die Platzhalter {Noun} {Verb} {verb} {Service} dürfen vorkommen.'],
        ['namespaces', 'Erlaubt sind: “iec2013”, “epriDraft”, “iec2017”.'],
        ['endpoints.SendMeterReadings', 'http://mdm.example ist weder https noch auf diesem Rechner.'],
        ['header.revision', 'Zu kurz: mindestens 1 Zeichen.'],
        ['header.properties', 'Zu viele Einträge: höchstens 32.'],
        ['meterStatus', 'Mindestens ein Statuswort ist nötig.'],
        ['die Datei als Ganzes', 'Hier unbekannte Einträge: “colour”.'],
        ['endpoints.Send-It', 'Ein Name hier ist nicht erlaubt.'],
      ]),
    );
    for (const [, words] of said) expect(words).not.toMatch(/expected|received|Invalid|\{\{|settingIssue\./);
  });

  it('every zod issue code has words in English and German, each filled', () => {
    const samples: ZodIssueData[] = zodIssueCodes.flatMap((code): ZodIssueData[] => [
      {
        path: 'a.b',
        code,
        expected: 'string',
        received: 'number',
        origin: 'string',
        limit: 1,
        format: 'url',
        values: ['x'],
        rule: 'notUrl',
        value: 'v',
      },
      { path: 'a.b', code, origin: 'array', limit: 2, format: 'regex', pattern: '^[A-Z]+$', rule: 'unheardOf' },
    ]);
    for (const issue of samples) {
      const english = sayZodIssue(errorWordsEn, issue);
      const german = sayZodIssue(errorWordsDe, issue);
      for (const words of [english, german]) expect(words, `${issue.code}: ${words}`).not.toMatch(/\{\{|\}\}|settingIssue\.|^$/);
      expect(german, issue.code).not.toBe(english);
    }
  });
});
