/**
 * What the real xmllint finds in a message, read into typed findings (shared/cim/xml/schemaFinding.ts)
 * and said in German by `fieldmeter messages validate` (issue 16 §3). Each message is a variant of
 * the hand-made sample ../shared/cim/examples/connexo/MeterConfig-CreateMeterConfig.xml, checked
 * against the unedited Connexo MeterConfigMessage.xsd through the product's own validator.
 * Skipped, with the reason, where xmllint or the XSDs are missing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createXsdValidator } from '../../../electron/services/messages/xsdValidator';
import { parseSchemaFindings, type SchemaFinding } from '../../../shared/cim/xml/schemaFinding';
import { fieldmeterInProcess } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { cimDir, xsdSkipReason } from '../../support/xsd';

const sample = () => readFileSync(join(cimDir, 'examples', 'connexo', 'MeterConfig-CreateMeterConfig.xml'), 'utf8');
const NAMES = '<m:Names><m:name>SN-12345678</m:name></m:Names>';
const KEYS = (key: string) =>
  `${NAMES}<m:SecurityKeys xmlns:sec="http://connexo.elster.com/2018/schema/securitykeys" xmlns:x="http://www.w3.org/2001/04/xmlenc#">${key}</m:SecurityKeys>`;

/** Each variant: what is changed in the sample, and the finding xmllint's first line must give. */
const variants: readonly { name: string; from: string; to: string; finding: Partial<SchemaFinding> }[] = [
  {
    name: 'a Names without its name',
    from: NAMES,
    to: '<m:Names></m:Names>',
    finding: { kind: 'missingChild', element: 'Names', expected: ['name'] },
  },
  {
    name: 'an element Meter does not have',
    from: '<m:serialNumber>',
    to: '<m:colour>grey</m:colour><m:serialNumber>',
    finding: { kind: 'notExpected', element: 'colour', line: 17 },
  },
  {
    name: 'a Timestamp that is no dateTime',
    from: '2024-05-01T11:00:00Z',
    to: 'yesterday',
    finding: { kind: 'badValue', element: 'Timestamp', value: 'yesterday', type: 'dateTime', line: 9 },
  },
  {
    name: 'a verb outside the enumeration',
    from: '<msg:Verb>create</msg:Verb>',
    to: '<msg:Verb>update</msg:Verb>',
    finding: { kind: 'badValue', element: 'Verb', value: 'update', facet: 'enumeration' },
  },
  {
    name: 'an unknown attribute',
    from: '<m:Meter>',
    to: '<m:Meter colour="grey">',
    finding: { kind: 'notAllowedAttribute', element: 'Meter', attribute: 'colour' },
  },
  {
    name: 'a required attribute missing',
    from: NAMES,
    to: KEYS('<sec:securityKey><sec:wrapKeyInfo/></sec:securityKey>'),
    finding: { kind: 'missingAttribute', element: 'wrapKeyInfo', attribute: 'Label' },
  },
  {
    name: 'an attribute value its type refuses',
    from: NAMES,
    to: KEYS(
      '<sec:securityKey><sec:securityAccessorName>k</sec:securityAccessorName><sec:securityAccessorKey Id="1 2"><x:CipherData><x:CipherValue>AAAA</x:CipherValue></x:CipherData></sec:securityAccessorKey></sec:securityKey>',
    ),
    finding: { kind: 'badAttribute', element: 'securityAccessorKey', attribute: 'Id', value: '1 2', type: 'ID' },
  },
  {
    name: 'text where only elements are allowed',
    from: '<m:lifecycle>',
    to: '<m:lifecycle>text here',
    finding: { kind: 'contentNotAllowed', element: 'lifecycle' },
  },
  { name: 'XML that is not well-formed', from: '</m:Meter>', to: '</m:Metr>', finding: { kind: 'wellFormed', line: 22 } },
];

describe.skipIf(xsdSkipReason !== null)(
  `schema findings from the real xmllint${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
  () => {
    it.each(variants)('$name', ({ from, to, finding }) => {
      const xml = sample().replace(from, to);
      expect(xml).not.toBe(sample());
      const result = createXsdValidator(cimDir).validate(xml);
      expect(result.valid).toBe(false);
      const findings = parseSchemaFindings(result.errors);
      expect(findings[0]).toMatchObject(finding);
      // Every line xmllint wrote is in a finding's text, and none is left unread.
      expect(findings.map((f) => f.text).join('\n')).toBe(result.errors.join('\n'));
      expect(findings.filter((f) => f.kind === 'other')).toEqual([]);
    });

    describe('fieldmeter messages validate', () => {
      const tempDir = useTempDir();
      const german = { LANG: 'de_DE.UTF-8', FIELDMETER_LANG: undefined, FIELDMETER_LOG: 'silent' };

      it('says each finding in German under LANG=de, with xmllint’s line beneath; --json adds the typed findings', async () => {
        const file = join(tempDir(), 'MeterConfig.xml');
        writeFileSync(file, sample().replace('2024-05-01T11:00:00Z', 'yesterday'));
        const said = await fieldmeterInProcess(['messages', 'validate', file, '--xsd-dir', cimDir], german);
        expect(said.code).toBe(1);
        const lines = said.stderr.split('\n');
        const at = lines.indexOf('  Zeile 9: Der Wert ‹yesterday› von ‹Timestamp› ist kein gültiger Wert vom Typ ‹dateTime›.');
        expect(at, said.stderr).toBeGreaterThan(-1);
        expect(lines[at + 1]).toMatch(/^ {6}line 9: element Timestamp: Schemas validity error : .*'yesterday' is not a valid value/);

        const json = await fieldmeterInProcess(['messages', 'validate', file, '--xsd-dir', cimDir, '--json'], german);
        const out = JSON.parse(json.stdout) as { valid: boolean; errors: string[]; findings: SchemaFinding[] };
        expect(out.valid).toBe(false);
        expect(out.errors).toHaveLength(1);
        expect(out.findings).toEqual([
          expect.objectContaining({ line: 9, kind: 'badValue', element: 'Timestamp', value: 'yesterday', text: out.errors[0] }),
        ]);
      });
    });
  },
);
