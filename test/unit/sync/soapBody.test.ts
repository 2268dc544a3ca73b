/**
 * The SOAP envelope is checked for well-formedness around its Body's child and the child by its
 * own parse: together they refuse every document the check of the whole refused.
 */
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../shared/cim';
import { CimXmlError, defaultXmlLimits } from '../../../shared/cim/xml/safeXml';
import { parseSoapReply, SOAP11_NS, wrapSoap } from '../../../electron/services/sync/soap';

const reply = buildMessage(
  {
    kind: 'response',
    header: { verb: 'reply', noun: 'MeterReadings', timestamp: '2026-11-23T10:00:00Z', messageID: 'b1f0c7a2-0000-4000-8000-000000000001' },
    reply: { result: 'OK' },
  },
  { form: 'generic' },
);
const good = wrapSoap(reply, '1.1');

function refusal(xml: string): CimXmlError {
  try {
    parseSoapReply(xml, defaultXmlLimits);
  } catch (error) {
    if (error instanceof CimXmlError) return error;
    throw error;
  }
  throw new Error('the document was accepted');
}

describe('soapBody', () => {
  it('reads a well-formed reply', () => {
    expect(parseSoapReply(good, defaultXmlLimits).kind).toBe('response');
  });

  it.each([
    ['a broken tag in the envelope', good.replace('<soap:Body>', '<soap:Body x=>')],
    ['text after the envelope', `${good}<extra>`],
    ['an unclosed envelope', good.replace('</soap:Envelope>', '')],
    ['a mismatched tag inside the Body child', good.replace('</msg:Header>', '</msg:Heder>')],
    ['a second element after the Body child', good.replace('</soap:Body>', '<x></soap:Body>')],
  ])('refuses %s as malformed', (_what, xml) => {
    expect(refusal(xml).code).toBe('MALFORMED');
  });

  it('names the line of an error in the envelope', () => {
    const xml = `<?xml version="1.0"?>\n<s:Envelope xmlns:s="${SOAP11_NS}">\n<s:Body>\n${reply.replace(/^<\?xml[^>]*\?>\s*/, '')}\n</s:Body>\n<s:Trailer a=></s:Envelope>`;
    const error = refusal(xml);
    expect(error.code).toBe('MALFORMED');
    expect(error.line).toBe(xml.split('\n').findIndex((l) => l.includes('Trailer')) + 1);
  });
});
