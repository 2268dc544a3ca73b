/**
 * A schema finding names the line of the message the operator opens. The generic 61968-100
 * envelope's payload is xs:any, so it is checked on its own, cut out of the message
 * (xsdValidator.ts extractPayload); a message in SOAP is checked without its Envelope
 * (schemaCheck.ts): libxml2 counts the lines of the part it is given, the finding those of the message.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInboundAgainstSchemas } from '../../../electron/services/inbound/schemaCheck';
import { createBatchValidator } from '../../../electron/services/messages/batchValidator';
import { createXsdValidator } from '../../../electron/services/messages/xsdValidator';
import { SOAP11_NS } from '../../../electron/services/sync/soap';
import { saySchemaFinding, schemaFindingWordsEn } from '../../../shared/i18n/schemaFindingWords';
import { parseSchemaFindings, type SchemaFinding } from '../../../shared/cim/xml/schemaFinding';
import { cimDir, xsdSkipReason } from '../../support/xsd';

const generic = [
  '<RequestMessage xmlns="http://iec.ch/TC57/2011/schema/message">',
  '  <Header>',
  '    <Verb>create</Verb>',
  '    <Noun>MeterConfig</Noun>',
  '    <Timestamp>2026-11-02T08:00:00.000Z</Timestamp>',
  '    <Source>MDM</Source>',
  '    <MessageID>M-1</MessageID>',
  '  </Header>',
  '  <Payload>',
  '    <m:MeterConfig xmlns:m="http://iec.ch/TC57/2011/MeterConfig#">',
  '      <m:Meter>',
  '        <m:serialNumber>S1</m:serialNumber>',
  '        <m:colour>grey</m:colour>',
  '      </m:Meter>',
  '    </m:MeterConfig>',
  '  </Payload>',
  '</RequestMessage>',
];
const lineOf = (lines: readonly string[], text: string) => lines.findIndex((l) => l.includes(text)) + 1;

describe.skipIf(xsdSkipReason !== null)(`the line of a payload finding${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`, () => {
  const validator = () => createXsdValidator(join(cimDir, 'connexo-honeywell', 'outbound.soap', 'meterconfig'));
  const firstFinding = (xml: string): SchemaFinding => {
    try {
      checkInboundAgainstSchemas(validator(), xml);
    } catch (error) {
      return (error as { refusal: { details: { findings: SchemaFinding[] } } }).refusal.details.findings[0]!;
    }
    throw new Error('accepted');
  };

  it('in a generic envelope is the line in the message, not in the payload cut out of it', () => {
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', ...generic];
    const finding = firstFinding(lines.join('\n'));
    expect(finding).toMatchObject({ kind: 'notExpected', element: 'colour', line: lineOf(lines, 'colour') }); // 14
    expect(saySchemaFinding(schemaFindingWordsEn, finding)).toMatch(/^Line 14: The element ‹colour› is not expected here/);
  });

  it('in a generic envelope inside SOAP counts the Envelope’s lines too', () => {
    const lines = [
      '<?xml version="1.0"?>',
      `<S:Envelope xmlns:S="${SOAP11_NS}">`,
      '  <S:Header/>',
      '  <S:Body>',
      '',
      ...generic,
      '  </S:Body>',
      '</S:Envelope>',
    ];
    expect(firstFinding(lines.join('\n'))).toMatchObject({ element: 'colour', line: lineOf(lines, 'colour') }); // 18
  });
});

describe.skipIf(xsdSkipReason !== null)(
  `the line of a payload finding checked in a batch${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
  () => {
    it('is the line in the message too', async () => {
      const validator = createBatchValidator(join(cimDir, 'connexo-honeywell', 'outbound.soap', 'meterconfig'));
      try {
        const lines = ['<?xml version="1.0" encoding="UTF-8"?>', ...generic];
        const result = await validator.validate(lines.join('\n'));
        expect(parseSchemaFindings(result.errors)[0]).toMatchObject({ element: 'colour', line: lineOf(lines, 'colour') });
      } finally {
        validator.close();
      }
    });
  },
);
