/**
 * A PAN label check crosses to the screen as problem codes with their fields, never as English
 * (issue 16 §3): the PAN form says each in the reader's language (workOrders.pan.problem.*).
 * The install code below is the Smart Energy example with one digit mistyped (test/e2e/workOrders.spec.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de } from '../../../renderer/src/i18n/de';
import { en } from '../../../renderer/src/i18n/en';
import { wordsAt } from '../../../shared/i18n/errorKey';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

const cases = [
  ['00:0D:6F:00:0A:BC:DE:F0', '83FE D340 7A93 9723 A5C6 39B2 6916 D506 C3B5', [{ field: 'installCode', code: 'checkDigits' }]],
  [
    '000D6F000ABCDEFG',
    '83FE',
    [
      { field: 'eui64', code: 'notHex' },
      { field: 'installCode', code: 'length', digits: 4 },
    ],
  ],
  [
    '0000000000000000',
    'XYZ',
    [
      { field: 'eui64', code: 'reserved' },
      { field: 'installCode', code: 'notHex' },
    ],
  ],
  ['000D6F', '83FED3407A939723A5C639B26916D505C3B5', [{ field: 'eui64', code: 'length', digits: 6 }]],
] as const;

describe('pan.check', () => {
  const tempDir = useTempDir();

  it('answers with problem codes, each with words in both languages, and no English sentence', async () => {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    try {
      await signInAs(app, 'installer');
      for (const [eui64, installCode, problems] of cases) {
        const check = await app.handlers['pan.check']({ eui64, installCode });
        expect(check.valid).toBe(false);
        expect(check.problems).toMatchObject(problems);
        expect(JSON.stringify(check)).not.toMatch(/[a-z]{3,} [a-z]{3,}/i);
        for (const p of check.problems) {
          expect(wordsAt(en.workOrders.pan.problem, `${p.field}.${p.code}`), `en ${p.field}.${p.code}`).toBeTruthy();
          expect(wordsAt(de.workOrders.pan.problem, `${p.field}.${p.code}`), `de ${p.field}.${p.code}`).toBeTruthy();
        }
      }
      expect(await app.handlers['pan.check']({ eui64: '000D6F000ABCDEF0', installCode: '83FED3407A939723A5C639B26916D505C3B5' })).toEqual({
        valid: true,
        problems: [],
        eui64: '000D6F000ABCDEF0',
        crc: 'C3B5',
      });
    } finally {
      app.close();
    }
  });
});
