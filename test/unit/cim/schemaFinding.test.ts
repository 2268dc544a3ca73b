/**
 * libxml2's validity lines read into typed findings (shared/cim/xml/schemaFinding.ts). The lines
 * below were recorded from xmllint (libxml2 2.9.14, Debian) run over variants of the hand-made
 * sample ../shared/cim/examples/connexo/MeterConfig-CreateMeterConfig.xml against the unedited
 * Connexo MeterConfigMessage.xsd; test/integration/messages/schemaFindings.test.ts produces them
 * afresh with the real xmllint.
 */
import { describe, expect, it } from 'vitest';
import { parseSchemaFinding, parseSchemaFindings } from '../../../shared/cim/xml/schemaFinding';

const MC = '{http://iec.ch/TC57/2011/MeterConfig#}';
const MSG = '{http://iec.ch/TC57/2011/schema/message}';
const SEC = '{http://connexo.elster.com/2018/schema/securitykeys}';

describe('a libxml2 validity line as a finding', () => {
  it('an unexpected element, with the local names expected instead', () => {
    const text = `line 17: element colour: Schemas validity error : Element '${MC}colour': This element is not expected. Expected is one of ( ${MC}amrSystem, ${MC}serialNumber ).`;
    expect(parseSchemaFinding(text)).toEqual({
      line: 17,
      element: 'colour',
      kind: 'notExpected',
      expected: ['amrSystem', 'serialNumber'],
      text,
    });
  });

  it('a missing child, as the second step of a generic envelope names it', () => {
    const text = `payload MeterConfig: line 21: element Names: Schemas validity error : Element '${MC}Names': Missing child element(s). Expected is ( ${MC}name ).`;
    expect(parseSchemaFinding(text)).toEqual({ line: 21, element: 'Names', kind: 'missingChild', expected: ['name'], text });
  });

  it('a value its type refuses, and one outside an enumeration', () => {
    expect(
      parseSchemaFinding(
        `line 9: element Timestamp: Schemas validity error : Element '${MSG}Timestamp': 'yesterday' is not a valid value of the atomic type 'xs:dateTime'.`,
      ),
    ).toMatchObject({ line: 9, element: 'Timestamp', kind: 'badValue', value: 'yesterday', type: 'dateTime' });
    expect(
      parseSchemaFinding(
        `line 7: element Verb: Schemas validity error : Element '${MSG}Verb': [facet 'enumeration'] The value 'update' is not an element of the set {'cancel', 'create', 'get'}.`,
      ),
    ).toMatchObject({
      line: 7,
      element: 'Verb',
      kind: 'badValue',
      value: 'update',
      facet: 'enumeration',
      expected: ['cancel', 'create', 'get'],
    });
  });

  it('attributes: a bad value, a required one missing, one not allowed', () => {
    expect(
      parseSchemaFinding(
        `line 21: element securityAccessorKey: Schemas validity error : Element '${SEC}securityAccessorKey', attribute 'Id': '1 2' is not a valid value of the atomic type 'xs:ID'.`,
      ),
    ).toMatchObject({ element: 'securityAccessorKey', kind: 'badAttribute', attribute: 'Id', value: '1 2', type: 'ID' });
    expect(
      parseSchemaFinding(
        `line 21: element wrapKeyInfo: Schemas validity error : Element '${SEC}wrapKeyInfo': The attribute 'Label' is required but missing.`,
      ),
    ).toMatchObject({ element: 'wrapKeyInfo', kind: 'missingAttribute', attribute: 'Label' });
    expect(
      parseSchemaFinding(
        `line 15: element Meter: Schemas validity error : Element '${MC}Meter', attribute 'colour': The attribute 'colour' is not allowed.`,
      ),
    ).toMatchObject({ element: 'Meter', kind: 'notAllowedAttribute', attribute: 'colour' });
  });

  it('text where only elements are allowed', () => {
    expect(
      parseSchemaFinding(
        `line 18: element lifecycle: Schemas validity error : Element '${MC}lifecycle': Character content other than whitespace is not allowed because the content type is 'element-only'.`,
      ),
    ).toMatchObject({ line: 18, element: 'lifecycle', kind: 'contentNotAllowed' });
  });

  it('xmllint’s own file prefix is read as the line too', () => {
    expect(
      parseSchemaFinding(`message.xml:5: element Verb: Schemas validity error : Element '${MSG}Verb': The content is not valid.`),
    ).toMatchObject({ line: 5, element: 'Verb', kind: 'notComplete' });
  });

  it('a shape it does not know is kept whole as other', () => {
    const text = "line 3: element X: Schemas validity error : Element 'X': Something libxml2 says one day.";
    expect(parseSchemaFinding(text)).toEqual({ line: 3, element: 'X', kind: 'other', text });
    expect(parseSchemaFinding('fails in an unheard-of way')).toEqual({
      line: null,
      element: '',
      kind: 'other',
      text: 'fails in an unheard-of way',
    });
  });

  it('a parser error keeps its echoed source line and caret in its text, not as findings of their own', () => {
    const findings = parseSchemaFindings([
      'line 22: parser error : Opening and ending tag mismatch: Meter line 15 and Metr',
      '      </m:Metr>',
      '               ^',
    ]);
    expect(findings).toEqual([
      {
        line: 22,
        element: '',
        kind: 'wellFormed',
        text: 'line 22: parser error : Opening and ending tag mismatch: Meter line 15 and Metr\n      </m:Metr>\n               ^',
      },
    ]);
  });
});
