/**
 * Hardened XML parsing for messages from outside (DESIGN.md §5: no DTD, no external entities,
 * size limits). Before fast-xml-parser sees a byte, one linear scan refuses any DOCTYPE or other
 * markup declaration (so no entity can be declared, let alone expanded) and any element nested
 * deeper than the limit; then the validator checks well-formedness and reports the line.
 * fast-xml-parser runs with entity processing off: the five predefined XML entities and character
 * references are decoded by `decodeXmlText` in read.ts, nothing else.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlLimits {
  /** Largest document accepted, in characters. */
  readonly maxChars: number;
  /** Deepest element nesting accepted (the 61968-9 payloads used here nest fewer than 12 levels). */
  readonly maxDepth: number;
}
export const defaultXmlLimits: XmlLimits = { maxChars: 32 * 1024 * 1024, maxDepth: 48 };

export type XmlErrorCode = 'TOO_LARGE' | 'DTD_FORBIDDEN' | 'TOO_DEEP' | 'MALFORMED' | 'INVALID_MESSAGE';

export class CimXmlError extends Error {
  override readonly name = 'CimXmlError';
  constructor(
    readonly code: XmlErrorCode,
    message: string,
    /** 1-based line in the document, when known. */
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
  }
}

/** 1-based line number of a character offset. */
export function lineAt(xml: string, index: number): number {
  let line = 1;
  for (let i = xml.indexOf('\n'); i !== -1 && i < index; i = xml.indexOf('\n', i + 1)) line++;
  return line;
}

/** Refuses markup declarations and excessive nesting in one pass over the '<' characters. */
function scan(xml: string, limits: XmlLimits): void {
  let depth = 0;
  let i = xml.indexOf('<');
  while (i !== -1) {
    const next = xml.charCodeAt(i + 1);
    let end: number;
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', i)) end = xml.indexOf('-->', i + 4);
      else if (xml.startsWith('<![CDATA[', i)) end = xml.indexOf(']]>', i + 9);
      else throw new CimXmlError('DTD_FORBIDDEN', 'DOCTYPE and other markup declarations are refused (no DTD, no entities)', lineAt(xml, i));
    } else if (next === 0x3f /* ? */) {
      end = xml.indexOf('?>', i + 2);
    } else if (next === 0x2f /* / */) {
      depth--;
      end = xml.indexOf('>', i);
    } else {
      end = xml.indexOf('>', i);
      if (end !== -1 && xml.charCodeAt(end - 1) !== 0x2f && ++depth > limits.maxDepth) {
        throw new CimXmlError('TOO_DEEP', `elements nested deeper than ${limits.maxDepth} levels`, lineAt(xml, i));
      }
    }
    if (end === -1) throw new CimXmlError('MALFORMED', 'unterminated markup', lineAt(xml, i));
    i = xml.indexOf('<', end);
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Callbacks get the path matcher instead of a path string built for every tag (we never read it).
  jPath: false,
  // Every element is a list, so one reading and many readings look the same to the readers.
  isArray: (_name: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) => !isAttribute,
});

export interface ParsedXml {
  /** Local name of the document element. */
  readonly rootName: string;
  /** Namespace URI of the document element (from its own start tag). */
  readonly rootNamespace: string | undefined;
  /** The document element's content as fast-xml-parser gives it (attributes '@_name', text '#text'). */
  readonly root: unknown;
}

/** Local name and namespace URI of the document element, from its own start tag. */
function rootElementOf(xml: string): { rootName: string; rootNamespace: string | undefined } {
  const none = { rootName: '', rootNamespace: undefined };
  // Past the prolog (declaration, comments, processing instructions) without copying the document.
  let i = xml.indexOf('<');
  while (i !== -1 && (xml.charCodeAt(i + 1) === 0x3f /* ? */ || xml.charCodeAt(i + 1) === 0x21) /* ! */) {
    const end = xml.indexOf('>', i);
    i = end === -1 ? -1 : xml.indexOf('<', end + 1);
  }
  if (i === -1) return none;
  const startTag = /<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)([^>]*)>/y;
  startTag.lastIndex = i;
  const start = startTag.exec(xml);
  if (!start) return none;
  const [, qname = '', rest = ''] = start;
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const decl = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*(["'])(.*?)\\1`).exec(rest);
  return { rootName: qname.slice(colon + 1), rootNamespace: decl?.[2] };
}

/**
 * The same checks as parseXmlSafely (size, no DTD, depth, well-formed) without building the tree:
 * for a wrapper such as a SOAP envelope whose one child is parsed on its own afterwards.
 */
export function checkXmlSafely(xml: string, limits: XmlLimits = defaultXmlLimits): { rootName: string; rootNamespace: string | undefined } {
  const root = screenXmlSafely(xml, limits);
  checkWellFormed(xml);
  return root;
}

/**
 * Size, DTD and depth checks of checkXmlSafely without the well-formedness check, for a wrapper
 * whose parts are checked for well-formedness apart (checkWellFormed on the wrapper around its one
 * child, the child by its own parse).
 */
export function screenXmlSafely(xml: string, limits: XmlLimits = defaultXmlLimits): { rootName: string; rootNamespace: string | undefined } {
  if (xml.length > limits.maxChars) throw new CimXmlError('TOO_LARGE', `document of ${xml.length} characters exceeds the limit of ${limits.maxChars}`);
  scan(xml, limits);
  return rootElementOf(xml);
}

/** Refuses a document that is not well-formed XML, with the line of the first error. */
export function checkWellFormed(xml: string): void {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new CimXmlError('MALFORMED', valid.err.msg, valid.err.line);
}

export function parseXmlSafely(xml: string, limits: XmlLimits = defaultXmlLimits): ParsedXml {
  const { rootNamespace } = checkXmlSafely(xml, limits);
  const doc = parser.parse(xml) as Record<string, unknown[]>;
  const names = Object.keys(doc);
  const rootName = names[0];
  if (names.length !== 1 || rootName === undefined) throw new CimXmlError('MALFORMED', 'a document must have exactly one root element', 1);
  return { rootName, rootNamespace, root: doc[rootName]?.[0] };
}
