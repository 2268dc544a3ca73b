/**
 * Inbound messages against the utility's schema folder (issue 19 §4): where the folder is set
 * (Sync settings, or `import message --xsd-dir DIR`), a message is checked with xmllint as
 * outbound ones are (messages/xsdValidator.ts) before anything is applied; one the schemas refuse
 * is refused with their findings. A message in its SOAP envelope is checked without it: the
 * utility's folder holds the 61968-100 schemas, not SOAP's.
 */
import { refused } from './context';
import { parseSchemaFindings } from '../../../shared/cim/xml/schemaFinding';
import type { XsdValidator } from '../messages/xsdValidator';

const SOAP_NAMESPACES = ['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope'];
/** How many of the schema's findings the reason names (the rest are counted). */
const SHOWN_ERRORS = 5;

/** The one element inside a SOAP Body as its own document, with the Envelope's and Body's namespace declarations; the message itself when it is not in SOAP. */
export function withoutSoapEnvelope(xml: string): string {
  const body = /<([\w.-]+:)?Body(\s[^>]*)?>/.exec(xml);
  const envelope = /<([\w.-]+:)?Envelope(\s[^>]*)?>/.exec(xml);
  if (!body || !envelope || !SOAP_NAMESPACES.some((ns) => envelope[0].includes(`"${ns}"`) || envelope[0].includes(`'${ns}'`))) return xml;
  const closeBody = xml.lastIndexOf(`</${body[1] ?? ''}Body>`);
  const inner = xml.slice(body.index + body[0].length, closeBody === -1 ? undefined : closeBody).trim();
  const start = /<([\w.-]+:)?([\w.-]+)/.exec(inner);
  if (!start) return xml;
  const declared = new Set([...(/^<[^>]*>/.exec(inner)?.[0] ?? '').matchAll(/xmlns(:[\w.-]+)?=/g)].map((m) => m[1] ?? ''));
  const inherited = [...`${envelope[0]} ${body[0]}`.matchAll(/\s(xmlns(:[\w.-]+)?)\s*=\s*("[^"]*"|'[^']*')/g)]
    .filter((m) => !declared.has(m[2] ?? '') && !SOAP_NAMESPACES.includes(m[3]?.slice(1, -1) ?? ''))
    .map((m) => ` ${m[1]}=${m[3]}`);
  const qname = `${start[1] ?? ''}${start[2]}`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${inner.replace(new RegExp(`^<${qname}`), `<${qname}${[...new Set(inherited)].join('')}`)}\n`;
}

/** Elements that hold a meter's key (meterConfigKeys.ts): xmllint quotes a value it refuses, and a finding is kept and logged. */
const KEY_ELEMENT = /CipherValue|securityAccessorKey|wrapKeyInfo/;
const withoutKey = (finding: string) => (KEY_ELEMENT.test(finding) ? finding.replace(/(Element '[^']*'): '[^']*'/g, "$1: '***'") : finding);

/** Throws an InboundRejection with the schema's errors when the message fails the utility's schemas. */
export function checkInboundAgainstSchemas(validator: XsdValidator, xml: string): void {
  const result = validator.validate(withoutSoapEnvelope(xml));
  if (result.valid) return;
  const schemas = result.schemas.map((s) => s.split(/[\\/]/).pop() ?? s);
  // Masked before they are read, so a refused key value is neither in a finding's value nor its text.
  const findings = parseSchemaFindings(result.errors.map(withoutKey));
  throw refused('schemaInvalid', {
    schemas,
    findings: findings.slice(0, SHOWN_ERRORS),
    more: Math.max(0, findings.length - SHOWN_ERRORS),
  });
}
