/**
 * Meter models are data (docs/METER_MODELS.md): one JSON file per model, checked field by field, and
 * used only for the meter types they are assigned to — never picked by the manufacturer letters.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseModel, parseMeterModel, parseIdentification, shippedMeterModels } from '../../../shared/iec62056';
import { loadMeterModels } from '../../../electron/services/optical/meterModelCatalog';
import { meterModelWordsDe, meterModelWordsEn, sayMeterModelProblem } from '../../../shared/i18n/meterModelWords';
import iskMt from '../../../shared/iec62056/models/isk-mt.json';

const isk = parseIdentification('/ISK5MT174-0001')!;

describe('meter models as data', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('ships generic, isk-mt and lgz-zmd, each citing its source', () => {
    expect(shippedMeterModels.map((m) => m.name)).toEqual(['generic', 'isk-mt', 'lgz-zmd']);
    for (const m of shippedMeterModels) expect(m.source.length).toBeGreaterThan(20);
  });

  it('no model for a meter whose type nobody assigned, even from a manufacturer a shipped model was written for', () => {
    expect(chooseModel(isk, [], shippedMeterModels)).toEqual({ ok: false, reason: 'meterModelNotConfigured', meterType: 'ISK MT174-0001' });
    const otherType = [{ manufacturer: 'ISK', identPrefix: 'ME162', model: 'isk-mt' }];
    expect(chooseModel(isk, otherType, shippedMeterModels)).toMatchObject({ ok: false, reason: 'meterModelNotConfigured' });
  });

  it('the assigned model, the longest prefix winning; an assigned model missing from the device says so', () => {
    const assignments = [
      { manufacturer: 'ISK', identPrefix: 'MT', model: 'generic' },
      { manufacturer: 'ISK', identPrefix: 'MT174', model: 'isk-mt' },
    ];
    expect(chooseModel(isk, assignments, shippedMeterModels)).toMatchObject({ ok: true, model: { name: 'isk-mt' } });
    expect(chooseModel(isk, [{ manufacturer: 'ISK', identPrefix: 'MT174', model: 'vendor-x' }], shippedMeterModels)).toEqual({
      ok: false,
      reason: 'meterModelUnknown',
      meterType: 'ISK MT174-0001',
      model: 'vendor-x',
    });
    // The manufacturer id is taken as sent: ISk (20 ms reaction time) is another type than ISK.
    expect(chooseModel(parseIdentification('/ISk5MT174-0001')!, assignments, shippedMeterModels)).toMatchObject({ ok: false });
  });

  it('refuses a file with the field that is wrong', () => {
    expect(parseMeterModel({ ...iskMt, source: '' })).toMatchObject({ ok: false, field: 'source' });
    expect(parseMeterModel({ ...iskMt, password: { command: 'P2', algorithm: 'clear' } })).toMatchObject({
      ok: false,
      field: 'password.algorithm',
    });
    expect(parseMeterModel({ ...iskMt, clock: { ...iskMt.clock, timeBasis: 'CET' } })).toMatchObject({
      ok: false,
      field: 'clock.timeBasis',
    });
    expect(parseMeterModel({ ...iskMt, format: 'other/2' })).toMatchObject({ ok: false, field: 'format' });
  });

  it("loads the utility's folder beside the shipped models; a bad file is left out and listed", () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldmeter-models-'));
    writeFileSync(
      join(dir, 'isk-mt-dst.json'),
      JSON.stringify({
        ...iskMt,
        name: 'isk-mt-dst',
        clock: { ...iskMt.clock, date: { address: '0.9.2', format: '0YYMMDD' }, timeBasis: 'localDst' },
      }),
    );
    writeFileSync(join(dir, 'broken.json'), '{ "format": ');
    writeFileSync(join(dir, 'no-source.json'), JSON.stringify({ ...iskMt, name: 'no-source', source: ' ' }));
    const catalog = loadMeterModels(dir);
    expect(catalog.models.map((m) => m.name)).toEqual(['generic', 'isk-mt', 'lgz-zmd', 'isk-mt-dst']);
    expect(catalog.models.at(-1)?.clock).toMatchObject({ timeBasis: 'localDst', date: { format: '0YYMMDD' } });
    expect(catalog.refused.map((r) => r.file)).toEqual(['broken.json', 'no-source.json']);
    // Codes and the wrong field cross, not sentences: the words are the catalog's, in either language.
    expect(catalog.refused).toEqual([
      { file: 'broken.json', code: 'notJson' },
      { file: 'no-source.json', field: 'source', code: 'noMatch', details: { pattern: '/\\S/' } },
    ]);
    expect(sayMeterModelProblem(meterModelWordsDe, catalog.refused[1]!)).toBe('source hat nicht die Form /\\S/.');
    expect(sayMeterModelProblem(meterModelWordsEn, { code: 'notOneOf', field: 'clock.timeBasis', details: { allowed: 'utc' } })).toBe(
      'clock.timeBasis must be one of utc.',
    );
  });
});
