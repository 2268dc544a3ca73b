/**
 * Every message the builders emit validates with the real xmllint against the CX reference XSDs:
 * the typed `<Noun>Message.xsd` wrapper, and for the generic envelope Message.xsd then the payload
 * against `<Noun>.xsd` (NOTES.md §2). Skipped, with the reason, where xmllint or the XSDs are missing.
 */
import { describe, expect, it } from 'vitest';
import { buildMessage, buildPayloadDocument, renderOutboxRow } from '../../../shared/cim';
import { fixtures } from '../../unit/cim/fixtures';
import { DRAFT_MESSAGE_NS, payloadNamespace } from '../../../shared/cim';
import { combinedXsd, messageXsdFor, payloadXsd, typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';

const wrapperOf = (name: string) =>
  name
    .replace(/^(Create|Created|Change|Close|Get)(?=[A-Z])/, (p) => (p === 'Get' ? 'Get' : ''))
    .replace(/(ResponseMessage|FaultMessage)$/, '');

describe.skipIf(xsdSkipReason !== null)(`schema validation with xmllint${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`, () => {
  for (const { name, message } of fixtures) {
    it(`${name}: typed wrapper validates against ${wrapperOf(name)}Message.xsd`, () => {
      const result = validateXml(buildMessage(message), typedXsd(wrapperOf(name)));
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    });

    it(`${name}: generic envelope validates against Message.xsd, its payload against the noun's XSD`, () => {
      const noun = message.kind === 'fault' ? message.noun : message.header.noun;
      if (noun === 'MeterServiceRequests') {
        // The draft Message.xsd checks the payload itself (strict wildcard): load both schemas.
        const both = combinedXsd([
          { namespace: DRAFT_MESSAGE_NS, path: messageXsdFor(noun) },
          { namespace: payloadNamespace(noun), path: payloadXsd(noun) },
        ]);
        try {
          expect(validateXml(buildMessage(message, { form: 'generic' }), both.path).errors).toEqual([]);
        } finally {
          both.dispose();
        }
        return;
      }
      const envelope = validateXml(buildMessage(message, { form: 'generic' }), messageXsdFor(noun));
      expect(envelope.errors).toEqual([]);
      if (message.kind !== 'fault' && message.payload?.kind === 'xml') {
        const payload = validateXml(buildPayloadDocument(message.payload), payloadXsd(message.payload.body.noun));
        expect(payload.errors).toEqual([]);
      }
    });
  }

  it('an outbox row from saveReadings renders a CreatedMeterReadings that validates', () => {
    const xml = renderOutboxRow(
      {
        messageId: '6f1c2a52-6c1e-4f2e-9d7a-1b2c3d4e5f60',
        kind: 'meterReadings',
        verb: 'created',
        createdAt: '2026-05-01T10:05:00.000Z',
        payload: {
          meter: 'E3100004',
          usagePoint: 'UP-1004',
          readings: [
            {
              readingType: '0.0.0.1.1.1.12.0.0.0.0.1.0.0.0.3.72.0',
              value: '1234.5',
              timeStamp: '2026-05-01T10:05:00.000Z',
              qualities: ['2.4.131'],
            },
            {
              readingType: '0.0.0.1.1.1.12.0.0.0.0.2.0.0.0.3.72.0',
              value: '567.0',
              timeStamp: '2026-05-01T10:05:00.000Z',
              qualities: ['2.4.131'],
            },
          ],
        },
      },
      { source: 'FIELDMETER-01' },
      'typed',
    );
    expect(validateXml(xml, typedXsd('MeterReadings'))).toEqual({ valid: true, errors: [] });
  });

  it('a schema-invalid message is reported with xmllint line-numbered errors', () => {
    const xml = buildMessage(fixtures[0]!.message).replace('<m:value>12345.678</m:value>', '<m:value>12345.678</m:value><m:bogus/>');
    const result = validateXml(xml, typedXsd('MeterReadings'));
    expect(result.valid).toBe(false);
    expect(result.errors.some((e) => /^line \d+: .*bogus/.test(e))).toBe(true);
  });

  it('an unknown verb is rejected by the schema too', () => {
    const xml = buildMessage(fixtures[0]!.message).replace('>created</msg:Verb>', '>update</msg:Verb>');
    const result = validateXml(xml, typedXsd('MeterReadings'));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/line 4: .*Verb.*'update'/);
  });
});
