/**
 * Payload/Compressed (IEC 61968-100, Message.xsd PayloadType): the payload element, gzipped and
 * base64-encoded. Only the generic envelope can carry it (the typed wrappers require the noun
 * element). Node zlib lives here so shared/cim stays pure. Inflation is capped: a compressed
 * payload is as dangerous as an entity bomb if it is inflated without a limit.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { buildPayloadDocument, parsePayloadDocument, type PayloadContent } from '../../../shared/cim';
import { CimXmlError, defaultXmlLimits, type XmlLimits } from '../../../shared/cim/xml/safeXml';

type XmlPayload = Extract<PayloadContent, { kind: 'xml' }>;
type CompressedPayload = Extract<PayloadContent, { kind: 'compressed' }>;

export function compressPayload(payload: XmlPayload): CompressedPayload {
  const xml = buildPayloadDocument(payload, { pretty: false });
  return { kind: 'compressed', data: gzipSync(Buffer.from(xml, 'utf8')).toString('base64'), format: payload.format };
}

export function decompressPayload(payload: CompressedPayload, limits: XmlLimits = defaultXmlLimits): XmlPayload {
  if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(payload.data)) throw new CimXmlError('INVALID_MESSAGE', 'Payload/Compressed is not base64');
  let xml: string;
  try {
    xml = gunzipSync(Buffer.from(payload.data, 'base64'), { maxOutputLength: limits.maxChars }).toString('utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CimXmlError(
      code === 'ERR_BUFFER_TOO_LARGE' ? 'TOO_LARGE' : 'INVALID_MESSAGE',
      code === 'ERR_BUFFER_TOO_LARGE'
        ? `Payload/Compressed inflates beyond ${limits.maxChars} bytes`
        : 'Payload/Compressed is not gzip data',
    );
  }
  return { ...parsePayloadDocument(xml, limits), format: payload.format };
}
