/**
 * What a schema check found, as data (issue 16 §3, "no user-visible English outside the translation
 * tables"): libxml2's validity lines (xmllint --schema, as electron/services/messages/xsdValidator.ts
 * and batchValidator.ts collect them) read into a kind, the element's local name, the line and the
 * value or names the rule involves, so the Received list and the CLI say them in the user's words
 * (shared/i18n/schemaFindingWords.ts). The line itself is kept as `text`, for support; a shape this
 * reader does not know is kept whole as `other`, never dropped.
 *
 * The shapes are libxml2's (xmlschemas.c, libxml2 2.9): "<file>:<line>: element <name>: Schemas
 * validity error : Element '{<ns>}<name>'[, attribute '<a>']: <rule>", and for XML that is not
 * well-formed "<file>:<line>: parser error : <what>" followed by the offending source line and a
 * caret line.
 */

export const schemaFindingKinds = [
  /** An element where the content model does not allow it (XML Schema 1.0 Part 1 §3.4.4, cvc-complex-type 2.4). */
  'notExpected',
  /** The element ends before a required child (cvc-complex-type 2.4, "Missing child element(s)"). */
  'missingChild',
  /** A value its simple type refuses (cvc-datatype-valid, cvc-facet-valid: enumeration, pattern, length …). */
  'badValue',
  /** An attribute whose value its type refuses (cvc-attribute 3). */
  'badAttribute',
  /** A required attribute absent (cvc-complex-type 4). */
  'missingAttribute',
  /** An attribute the type does not declare (cvc-complex-type 3.2). */
  'notAllowedAttribute',
  /** The content model is not satisfied as a whole ("The content is not valid"). */
  'notComplete',
  /** Text where the type allows only elements, or content where it allows none (cvc-complex-type 2.1–2.3). */
  'contentNotAllowed',
  /** Not well-formed XML (XML 1.0 §2.1): the parser stopped before any schema rule applied. */
  'wellFormed',
  'other',
] as const;
export type SchemaFindingKind = (typeof schemaFindingKinds)[number];

export interface SchemaFinding {
  /** The line in the message, where the checker named one. */
  line: number | null;
  /** The element's local name, its namespace dropped ('' where none is named). */
  element: string;
  kind: SchemaFindingKind;
  /** What the schema expected instead: child elements (local names) or, for an enumeration, the allowed values. */
  expected?: string[];
  /** The value as written in the message. */
  value?: string;
  /** The simple type the value fails (local name: `dateTime`, `Verb` …). */
  type?: string;
  /** The attribute a finding is about. */
  attribute?: string;
  /** The facet a value breaks (`enumeration`, `pattern`, `maxLength` …). */
  facet?: string;
  /** The facet's limit as the schema sets it (`4` for maxLength 4, the pattern itself), where libxml2 names it. */
  limit?: string;
  /** The checker's line as it wrote it (English, technical), kept for support. */
  text: string;
}

/** `{http://…}Meter` → `Meter`, `xs:dateTime` → `dateTime`. */
const localName = (qname: string) => qname.replace(/^\{[^}]*\}/, '').replace(/^[\w.-]+:/, '');

/** The names in "( {ns}a, {ns}b )" (a wildcard "##other{ns}*" stays as written). */
const namesIn = (list: string) =>
  list
    .split(/,\s*/)
    .map((name) => localName(name.trim()))
    .filter((name) => name !== '');

/** Enumeration values in "{'cancel', 'canceled'}" as written. */
const valuesIn = (set: string) => (set.trim() === '' ? [] : set.trim().replace(/^'|'$/g, '').split("', '"));

/** "line 13: …", "payload MeterReadings: line 13: …" (xsdValidator.ts) or xmllint's own "message.xml:13: …". */
const LINE_PREFIX = /^(?:payload [\w.-]+: )?(?:line (\d+): |[^\s:]+\.xml:(\d+): )/;
const HEADER =
  /^(?:element ([^:\s]+): )?(Schemas validity error|Schemas parser error|parser error|namespace error|validity error|warning) ?: ([\s\S]*)$/;
const ELEMENT = /^Element '([^']*)'(?:, attribute '([^']*)')?: ([\s\S]*)$/;

type Rule = Omit<SchemaFinding, 'line' | 'element' | 'text'>;

/** The rule part of a Schemas validity error (after "Element '…': "), as a kind and its names. */
function ruleOf(rule: string, attribute: string | undefined): Rule {
  const valueKind = attribute === undefined ? 'badValue' : 'badAttribute';
  const at = attribute === undefined ? {} : { attribute };
  let m: RegExpExecArray | null;
  if ((m = /^This element is not expected\.(?: Expected is (?:one of )?\( (.*) \)\.)?/.exec(rule)))
    return { kind: 'notExpected', ...(m[1] ? { expected: namesIn(m[1]) } : {}) };
  if (/^No matching global (?:element )?declaration available/.test(rule)) return { kind: 'notExpected' };
  if ((m = /^Missing child element\(s\)\.(?: Expected is (?:one of )?\( (.*) \)\.)?/.exec(rule)))
    return { kind: 'missingChild', ...(m[1] ? { expected: namesIn(m[1]) } : {}) };
  if ((m = /^The content is not valid\.(?: Expected is (.*)\.)?/.exec(rule)))
    return { kind: 'notComplete', ...(m[1] ? { expected: namesIn(m[1].replace(/^\(\s*|\s*\)$/g, '')) } : {}) };
  if (/^(?:Character content|Element content|Neither character nor element content)/.test(rule)) return { kind: 'contentNotAllowed' };
  if ((m = /^The attribute '([^']*)' is required but missing/.exec(rule))) return { kind: 'missingAttribute', attribute: m[1] ?? '' };
  if ((m = /^The attribute '([^']*)' is not allowed/.exec(rule))) return { kind: 'notAllowedAttribute', attribute: m[1] ?? '' };
  if ((m = /^'([\s\S]*)' is not a valid value of the (?:local )?(?:atomic|list|union|simple) type(?: '([^']*)')?/.exec(rule)))
    return { kind: valueKind, ...at, value: m[1] ?? '', ...(m[2] ? { type: localName(m[2]) } : {}) };
  if ((m = /^The character content is not a valid value of the (?:local )?(?:atomic|list|union|simple) type(?: '([^']*)')?/.exec(rule)))
    return { kind: valueKind, ...at, ...(m[1] ? { type: localName(m[1]) } : {}) };
  if ((m = /^\[facet 'enumeration'\] The value '([\s\S]*)' is not an element of the set \{(.*)\}/.exec(rule)))
    return { kind: valueKind, ...at, facet: 'enumeration', value: m[1] ?? '', expected: valuesIn(m[2] ?? '') };
  if ((m = /^\[facet '(\w+)'\] The value (?:'([\s\S]*?)' )?(?:is|has|must|does)/.exec(rule))) {
    // libxml2 (xmlschemas.c, xmlSchemaFacetErr) ends each facet's line with its limit quoted:
    // "… the allowed maximum length of '4'.", "… the minimum value allowed ('0').", "… the pattern '[0-9]+'."
    // An element's length facets do not quote the value ("The value has a length of '7'; …").
    const limit = /'([^']*)'\)?\.?\s*$/.exec(rule.slice(m[0].length))?.[1];
    return {
      kind: valueKind,
      ...at,
      facet: m[1] ?? '',
      ...(m[2] === undefined ? {} : { value: m[2] }),
      ...(limit === undefined ? {} : { limit }),
    };
  }
  if ((m = /^The value '([\s\S]*?)' does not match the fixed value constraint/.exec(rule)))
    return { kind: valueKind, ...at, value: m[1] ?? '' };
  return { kind: 'other', ...at };
}

/** One line of the checker's output as a finding; a shape not known here is `other`, with its text. */
export function parseSchemaFinding(text: string): SchemaFinding {
  const prefix = LINE_PREFIX.exec(text);
  const lineText = prefix?.[1] ?? prefix?.[2];
  const line = lineText === undefined ? null : Number(lineText);
  const rest = prefix ? text.slice(prefix[0].length) : text;
  const header = HEADER.exec(rest);
  if (!header) return { line, element: '', kind: 'other', text };
  const [, named, source, what = ''] = header;
  if (source === 'parser error' || source === 'namespace error') return { line, element: '', kind: 'wellFormed', text };
  const element = ELEMENT.exec(what);
  if (!element) return { line, element: named ?? '', kind: 'other', text };
  return { line, element: localName(element[1] ?? named ?? ''), ...ruleOf(element[3] ?? '', element[2]), text };
}

/** Whether a line starts a finding of its own (it names a line or an error), not the echo of a parser error. */
const startsFinding = (text: string) => LINE_PREFIX.test(text) || HEADER.test(text);

/**
 * The checker's lines as findings. A parser error is followed by the offending source line and a
 * caret under the place: those are kept in its text (a line break apart), not made findings.
 */
export function parseSchemaFindings(lines: readonly string[]): SchemaFinding[] {
  const findings: SchemaFinding[] = [];
  for (const text of lines) {
    const last = findings.at(-1);
    if (last?.kind === 'wellFormed' && !startsFinding(text)) last.text = `${last.text}\n${text}`;
    else findings.push(parseSchemaFinding(text));
  }
  return findings;
}

/** A finding as stored: typed, or the plain line an earlier version kept (shown as written). */
export type StoredSchemaFinding = SchemaFinding | string;
