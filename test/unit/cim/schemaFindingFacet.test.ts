/**
 * A facet libxml2 states without quoting the value (an element's length facets, xmlschemas.c
 * xmlSchemaFacetErr) is still said as that facet, with the limit the schema sets.
 */
import { describe, expect, it } from 'vitest';
import { parseSchemaFinding } from '../../../shared/cim/xml/schemaFinding';
import { errorWordsDe } from '../../../shared/i18n/errorWords.de';
import { saySchemaFinding, schemaFindingWordsEn } from '../../../shared/i18n/schemaFindingWords';

describe('a length facet on an element', () => {
  // xmllint --schema (libxml 20914) on <mRID>ABCDEFG</mRID> with xs:maxLength 4:
  const line =
    "line 1: element mRID: Schemas validity error : Element 'mRID': [facet 'maxLength'] The value has a length of '7'; this exceeds the allowed maximum length of '4'.";

  it('says which rule the value breaks and its limit, not only that it is not valid', () => {
    const finding = parseSchemaFinding(line);
    expect(finding).toMatchObject({ kind: 'badValue', element: 'mRID', facet: 'maxLength', limit: '4' });
    expect(finding.value).toBeUndefined();
    expect(saySchemaFinding(schemaFindingWordsEn, finding)).toBe(
      'Line 1: The value of ‹mRID› breaks the schema’s rule ‹maxLength› (set to ‹4›).',
    );
    expect(saySchemaFinding(errorWordsDe, finding)).toBe(
      'Zeile 1: Der Wert von ‹mRID› verletzt die Schemaregel ‹maxLength› (festgelegt auf ‹4›).',
    );
  });

  it('a quoted value and a limit in parentheses are both named', () => {
    // libxml2's line for xs:minInclusive 0 on an attribute (xmlSchemaFacetErr, "minimum value allowed ('%s')").
    const finding = parseSchemaFinding(
      "line 9: element Reading: Schemas validity error : Element 'Reading', attribute 'value': [facet 'minInclusive'] The value '-1' is less than the minimum value allowed ('0').",
    );
    expect(finding).toMatchObject({ kind: 'badAttribute', attribute: 'value', facet: 'minInclusive', value: '-1', limit: '0' });
    expect(saySchemaFinding(schemaFindingWordsEn, finding)).toContain('‹-1›, which breaks the schema’s rule ‹minInclusive› (set to ‹0›)');
  });
});
