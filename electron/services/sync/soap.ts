/**
 * SOAP 1.1 / 1.2 framing of IEC 61968-100 web-service messages (61968-100 §web services: the
 * RequestMessage / ResponseMessage / EventMessage is the single child of the SOAP Body). Replies
 * are read through the hardened parser of shared/cim (no DTD, no entities, size and depth
 * limits) before any element is looked at.
 */
import { parseMessage, type ParsedMessage } from '../../../shared/cim';
import { checkXmlSafely, CimXmlError, type XmlLimits } from '../../../shared/cim/xml/safeXml';

export type SoapVersion = '1.1' | '1.2';
export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
const nsOf = (v: SoapVersion) => (v === '1.1' ? SOAP11_NS : SOAP12_NS);

const stripDeclaration = (xml: string) => xml.replace(/^\s*<\?xml[^>]*\?>\s*/, '');

export function wrapSoap(messageXml: string, version: SoapVersion): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="${nsOf(version)}"><soap:Body>${stripDeclaration(messageXml)}</soap:Body></soap:Envelope>\n`;
}

/** HTTP headers for a SOAP request; the action names the 61968-100 operation, e.g. "CreatedMeterReadings". */
export function soapHeaders(version: SoapVersion, action: string): Record<string, string> {
  return version === '1.1'
    ? { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"` }
    : { 'content-type': `application/soap+xml; charset=utf-8; action="${action}"` };
}

export class SoapFaultError extends Error {
  override readonly name = 'SoapFaultError';
  constructor(
    /** faultstring (1.1) or Reason/Text (1.2), as the peer wrote it. */
    readonly reason: string,
    /** The Fault's detail element's child as a document of its own (namespaces copied onto it), if there is one. */
    readonly detailXml: string | undefined,
  ) {
    super(`the enterprise answered with a SOAP Fault: ${reason || 'no reason given'}`);
  }
}

/**
 * The child of a Fault's detail (SOAP 1.1 `detail`, 1.2 `Detail`): where Java SOAP stacks put the
 * operation's declared fault, e.g. `<MeterReadingsFaultMessage>` with its Reply (the `wsdl:fault`
 * of the published 61968-100 WSDLs). The caller parses it, which refuses anything but one element.
 */
function faultDetail(fault: string, enclosing: readonly string[]): string | undefined {
  const open = /<((?:[\w.-]+:)?[dD]etail)(\s[^>]*)?>/.exec(fault);
  if (!open || open[0].endsWith('/>')) return undefined;
  const close = fault.lastIndexOf(`</${open[1]}>`);
  if (close === -1) return undefined;
  const inner = fault
    .slice(open.index + open[0].length, close)
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
  if (!/^<[A-Za-z_]/.test(inner)) return undefined;
  const faultTag = /^<[^>]*>/.exec(fault)?.[0] ?? '';
  return inner.replace(/^<([\w.:-]+)/, (m) => `${m}${inheritedDeclarations([open[0], faultTag, ...enclosing], inner)}`);
}

interface BodyContent {
  /** The Body's child element as a document of its own, with inherited namespace declarations copied onto it. */
  xml: string;
  version: SoapVersion | null;
}

/** Namespace declarations of the start tags that enclose the Body's child. */
function inheritedDeclarations(startTags: readonly string[], element: string): string {
  const open = /^<[^>]*>/.exec(element)?.[0] ?? '';
  const declared = new Set([...open.matchAll(/\sxmlns(:[\w.-]+)?\s*=/g)].map((m) => m[1] ?? ''));
  const out: string[] = [];
  for (const tag of startTags) {
    for (const m of tag.matchAll(/\s(xmlns(:[\w.-]+)?)\s*=\s*("[^"]*"|'[^']*')/g)) {
      const prefix = m[2] ?? '';
      if (declared.has(prefix)) continue;
      declared.add(prefix);
      out.push(` ${m[1]}=${m[3]}`);
    }
  }
  return out.join('');
}

/**
 * The Body's child of a SOAP envelope (or the document itself when it is not SOAP and `allowBare`).
 * Refuses a document that is not well-formed XML, has a DTD, exceeds the limits, or is some other
 * XML; a SOAP Fault becomes a SoapFaultError carrying its faultstring / Reason. The returned child
 * must go through the hardened parse (parseMessage), which checks its well-formedness.
 */
export function soapBody(xml: string, limits: XmlLimits, allowBare = false): BodyContent {
  // The whole document is checked by the hardened reader (no DTD, limits, well-formed), but only
  // the Body's child is turned into a tree, by the caller.
  const { rootName, rootNamespace } = checkXmlSafely(xml, limits);
  const version: SoapVersion | null = rootNamespace === SOAP11_NS ? '1.1' : rootNamespace === SOAP12_NS ? '1.2' : null;
  const bodyOpen = version === null ? null : /<([\w.-]+:)?Body(\s[^>]*)?>/.exec(xml);
  const bodyClose = bodyOpen ? xml.lastIndexOf(`</${bodyOpen[1] ?? ''}Body>`) : -1;
  const from = bodyOpen ? bodyOpen.index + bodyOpen[0].length : 0;
  const raw = xml.slice(from, Math.max(from, bodyClose));
  const start = from + raw.search(/\S|$/);
  const end = from + raw.trimEnd().length;
  if (version === null) {
    if (allowBare) return { xml, version };
    throw new CimXmlError('INVALID_MESSAGE', `the reply is a <${rootName}> document, not a SOAP envelope`, 1);
  }
  if (rootName !== 'Envelope') throw new CimXmlError('INVALID_MESSAGE', `the reply's root element is ${rootName}, not a SOAP Envelope`, 1);
  if (!bodyOpen || bodyClose === -1) throw new CimXmlError('INVALID_MESSAGE', 'the SOAP envelope has no Body');
  const inner = xml.slice(start, end);
  if (inner === '') throw new CimXmlError('INVALID_MESSAGE', 'the SOAP Body is empty');
  const envelopeTag = /<(?![?!])[^>]*>/.exec(xml)?.[0] ?? '';
  const childName = /^<([\w.-]+:)?([\w.-]+)/.exec(inner)?.[2];
  if (childName === 'Fault') {
    const reason = /<(?:[\w.-]+:)?(?:faultstring|Text)[^>]*>([^<]*)</.exec(inner)?.[1]?.trim() ?? '';
    throw new SoapFaultError(reason, faultDetail(inner, [bodyOpen[0], envelopeTag]));
  }
  const withNs = inner.replace(/^<([\w.:-]+)/, (m) => `${m}${inheritedDeclarations([bodyOpen[0], envelopeTag], inner)}`);
  return { xml: withNs, version };
}

/**
 * The 61968-100 reply inside a SOAP response, parsed with the same limits. The draft envelope
 * namespace is accepted too: a reply to MeterServiceRequests (a draft-only noun) may come in it.
 */
export function parseSoapReply(xml: string, limits: XmlLimits, allowBare = false): ParsedMessage {
  return parseMessage(soapBody(xml, limits, allowBare).xml, limits, { allowDraftEnvelope: true });
}
