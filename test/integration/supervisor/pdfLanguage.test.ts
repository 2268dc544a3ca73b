/**
 * The supervisor's PDF report in the user's language (issue 17 §2): asked for German, every label,
 * status and date is German and no English word of the catalog is left. The PDF's text is read back
 * with poppler's pdftotext, as a reader's copy-and-paste would see it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { reportWords } from '../../../shared/i18n/reportWords';
import { csv, row } from '../../support/routeCsv';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext'].find((p) => existsSync(p));
const tech = { name: 'Tina', role: 'technician' } as const;

/** Every leaf string of a catalog, with its path. */
const leaves = (o: unknown, path = ''): [string, string][] =>
  typeof o === 'string' ? [[path, o]] : Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => leaves(v, `${path}.${k}`));

async function pdfText(app: Fieldmeter, language: 'en' | 'de'): Promise<string> {
  const r = await dispatch(app.handlers, 'export.run', { format: 'pdf', filter: { route: 'R1' }, language });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return execFileSync(pdftotext!, ['-layout', (r.value as { path: string }).path, '-'], { encoding: 'utf8' });
}

describe.skipIf(!pdftotext)('the PDF report in the user’s language (needs pdftotext from poppler-utils)', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  afterEach(() => {
    app?.close();
    app = undefined;
  });

  it('says everything in German when asked, and nothing of the English catalog', async () => {
    const dir = tempDir();
    app = startFieldmeter({ databasePath: join(dir, 'fieldmeter.db'), host: 'web' });
    importRoute(app.store, tech, {
      fileName: 'r.csv',
      content: csv(row({ route: 'R1', up: 'UP-1', serial: 'E1' })),
      acceptValidRows: false,
    });
    const meter = app.store.meters.get('UP-1')!;
    saveManualReadings(
      app.store,
      tech,
      { usagePointId: 'UP-1', values: [{ registerId: meter.registers[0]!.id, value: '1234' }] },
      { settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now: new Date('2026-11-20T09:00:00Z') },
    );
    await signInAs(app, 'supervisor', 'Sam');

    const german = await pdfText(app, 'de');
    for (const word of [
      'Fieldmeter-Ablesebericht',
      'Messstelle',
      'Zählwerk',
      'Abgelesen am',
      'Prüfung',
      'Zu prüfen',
      'Route R1',
      '1.234',
      '20.11.2026',
    ])
      expect(german).toContain(word);
    const de = new Map(leaves(reportWords.de));
    // English values that German says differently; placeholders cut off so a sentence's fixed words are checked.
    const english = leaves(reportWords.en)
      .filter(([path, value]) => de.get(path) !== value)
      .map(([, value]) => value.split('{{')[0]!.trim())
      .filter((text) => text.length >= 4);
    expect(english.length).toBeGreaterThan(20);
    for (const text of english) expect(german, text).not.toContain(text);

    // The same export in English still says it in English: the language is the caller's, not fixed.
    const inEnglish = await pdfText(app, 'en');
    expect(inEnglish).toContain('To review');
    expect(inEnglish).toContain('Usage point');
  });
});
