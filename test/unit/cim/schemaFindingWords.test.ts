/**
 * Every kind of schema finding (shared/cim/xml/schemaFinding.ts) is said in English and German
 * (shared/i18n/schemaFindingWords.ts), in each of its variants, with every placeholder filled and
 * the identifiers kept as written; a plain string an earlier version kept is shown as written.
 */
import { describe, expect, it } from 'vitest';
import { schemaFindingKinds, type SchemaFinding, type SchemaFindingKind } from '../../../shared/cim/xml/schemaFinding';
import { errorWordsDe } from '../../../shared/i18n/errorWords.de';
import { errorWordsEn } from '../../../shared/i18n/errorWords.en';
import { saySchemaFinding, schemaFindingKey, schemaFindingVariants } from '../../../shared/i18n/schemaFindingWords';

const base = { line: 12, element: 'Meter', attribute: 'Id', text: 'line 12: element Meter: Schemas validity error : …' } as const;
/** A finding for each variant of a kind: with no, one and several names; with a type, a set, a facet or nothing. */
function findingsOf(kind: SchemaFindingKind): SchemaFinding[] {
  const names = [[], ['mRID'], ['mRID', 'name']].map((expected) => ({ ...base, kind, ...(expected.length ? { expected } : {}) }));
  const values = [
    { value: 'yesterday', type: 'dateTime' },
    { value: 'update', facet: 'enumeration', expected: ['create', 'get'] },
    { value: 'x', facet: 'pattern' },
    { value: 'x', facet: 'pattern', limit: '[0-9]+' },
    { facet: 'maxLength' },
    { facet: 'maxLength', limit: '4' },
    {},
  ].map((v) => ({ ...base, kind, ...v }));
  // libxml2 names the element of every schema rule; only a line it does not know may lack one.
  return [...names, ...values, ...(kind === 'other' ? [{ ...base, kind, element: '' }] : [])];
}

describe('schema finding words', () => {
  it.each(schemaFindingKinds)('%s has words for each of its variants in both languages', (kind) => {
    const variants: readonly string[] = schemaFindingVariants[kind];
    const keys = new Set(findingsOf(kind).map((f) => schemaFindingKey(f).key));
    expect([...keys].sort()).toEqual(
      (variants.length ? variants.map((v) => `schemaFinding.${kind}.${v}`) : [`schemaFinding.${kind}`]).sort(),
    );
    for (const finding of findingsOf(kind)) {
      const english = saySchemaFinding(errorWordsEn, finding);
      const german = saySchemaFinding(errorWordsDe, finding);
      for (const said of [english, german]) {
        expect(said, said).not.toMatch(/\{\{|\}\}|‹›|schemaFinding\./);
        expect(said).not.toMatch(/ {2}/);
      }
      expect(german).not.toBe(english);
      expect(german).toMatch(/^Zeile 12: /);
      if (finding.element && kind !== 'wellFormed') expect(german).toContain(`‹${finding.element}›`);
    }
  });

  it('says the issue’s example in German, names as written', () => {
    const finding: SchemaFinding = { ...base, kind: 'notExpected', expected: ['mRID'] };
    expect(saySchemaFinding(errorWordsDe, finding)).toBe('Zeile 12: Das Element ‹Meter› ist hier nicht erwartet; erwartet wird ‹mRID›.');
    expect(saySchemaFinding(errorWordsEn, { ...finding, line: null })).toBe(
      'The element ‹Meter› is not expected here; expected is ‹mRID›.',
    );
  });

  it('a finding kept as a plain line by an earlier version is shown as written', () => {
    expect(saySchemaFinding(errorWordsDe, 'line 13: element colour: not expected')).toBe('line 13: element colour: not expected');
  });
});
