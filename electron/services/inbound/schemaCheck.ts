/**
 * Inbound messages against the utility's schema folder (issue 19 §4): where the folder is set
 * (Sync settings, or `import message --xsd-dir DIR`), a message is checked with xmllint as
 * outbound ones are (messages/xsdValidator.ts) before anything is applied; one the schemas refuse
 * is refused with their findings. A message in its SOAP envelope is checked without it: the
 * utility's folder holds the 61968-100 schemas, not SOAP's.
 */
import { refused } from './context';
import { parseSchemaFindings } from '../../../shared/cim/xml/schemaFinding';
import type { SchemaFinding } from '../../../shared/cim/xml/schemaFinding';
import { linesBefore, type XsdValidator } from '../messages/xsdValidator';

const SOAP_NAMESPACES = ['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope'];
/** How many of the schema's findings the reason names (the rest are counted). */
const SHOWN_ERRORS = 5;

/** The one element inside a SOAP Body as its own document, with the Envelope's and Body's namespace declarations; the message itself when it is not in SOAP. */
export function withoutSoapEnvelope(xml: string): string {
  return soapBodyOf(xml).xml;
}

/**
 * As withoutSoapEnvelope, with `lineOffset`: how many lines of the message precede the cut-out
 * document's line 1 (its element is line 2, after the declaration), so findings name the message's lines.
 */
export function soapBodyOf(xml: string): { xml: string; lineOffset: number } {
  const whole = { xml, lineOffset: 0 };
  const body = /<([\w.-]+:)?Body(\s[^>]*)?>/.exec(xml);
  const envelope = /<([\w.-]+:)?Envelope(\s[^>]*)?>/.exec(xml);
  if (!body || !envelope || !SOAP_NAMESPACES.some((ns) => envelope[0].includes(`"${ns}"`) || envelope[0].includes(`'${ns}'`))) return whole;
  const closeBody = xml.lastIndexOf(`</${body[1] ?? ''}Body>`);
  const bodyText = xml.slice(body.index + body[0].length, closeBody === -1 ? undefined : closeBody);
  const inner = bodyText.trim();
  const start = /<([\w.-]+:)?([\w.-]+)/.exec(inner);
  if (!start) return whole;
  const innerAt = body.index + body[0].length + (bodyText.length - bodyText.trimStart().length);
  const declared = new Set([...(/^<[^>]*>/.exec(inner)?.[0] ?? '').matchAll(/xmlns(:[\w.-]+)?=/g)].map((m) => m[1] ?? ''));
  const inherited = [...`${envelope[0]} ${body[0]}`.matchAll(/\s(xmlns(:[\w.-]+)?)\s*=\s*("[^"]*"|'[^']*')/g)]
    .filter((m) => !declared.has(m[2] ?? '') && !SOAP_NAMESPACES.includes(m[3]?.slice(1, -1) ?? ''))
    .map((m) => ` ${m[1]}=${m[3]}`);
  const qname = `${start[1] ?? ''}${start[2]}`;
  return {
    xml: `<?xml version="1.0" encoding="UTF-8"?>\n${inner.replace(new RegExp(`^<${qname}`), `<${qname}${[...new Set(inherited)].join('')}`)}\n`,
    lineOffset: linesBefore(xml, innerAt) - 1,
  };
}

/** Elements that hold a meter's key (meterConfigKeys.ts): xmllint quotes a value it refuses, and a finding is kept and logged. */
const KEY_ELEMENT = /CipherValue|securityAccessorKey|wrapKeyInfo/;
/** The start of libxml2's validity line up to its rule: "… Element '{ns}name'[, attribute 'a']: ". */
const UP_TO_RULE = /^[\s\S]*?Element '[^']*'(?:, attribute '[^']*')?: /;

/**
 * A finding naming a key element without the key: its value dropped, and in its text every quoted
 * string after the place (element, attribute) masked but the names of a type or facet, so the rule
 * stays readable; a finding of another shape (a parser error naming the element) keeps only its
 * first line, its quotes masked: never an echo of the message.
 */
export function withoutKey(finding: SchemaFinding): SchemaFinding {
  if (!KEY_ELEMENT.test(`${finding.element} ${finding.attribute ?? ''} ${finding.text}`)) return finding;
  const { value: _value, ...rest } = finding;
  const place = UP_TO_RULE.exec(finding.text)?.[0];
  const text =
    place === undefined
      ? (finding.text.split('\n')[0] ?? '').replace(/'[^']*'/g, "'***'")
      : `${place}${finding.text.slice(place.length).replace(/(?<!(?:type|facet) )'[^']*'/g, "'***'")}`;
  return { ...rest, text };
}

/** Throws an InboundRejection with the schema's errors when the message fails the utility's schemas. */
export function checkInboundAgainstSchemas(validator: XsdValidator, xml: string): void {
  const body = soapBodyOf(xml);
  const result = validator.validate(body.xml, body.lineOffset);
  if (result.valid) return;
  const schemas = result.schemas.map((s) => s.split(/[\\/]/).pop() ?? s);
  // Read whole (runXmllint joins a value wrapped over lines), then masked: a refused key value is
  // neither in a finding's value nor its text, so neither the inbox, the CLI nor the log shows it.
  const findings = parseSchemaFindings(result.errors).map(withoutKey);
  throw refused('schemaInvalid', {
    schemas,
    findings: findings.slice(0, SHOWN_ERRORS),
    more: Math.max(0, findings.length - SHOWN_ERRORS),
  });
}
