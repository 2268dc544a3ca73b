/**
 * The one hardened XML reader for messages from outside (DESIGN.md §5: no DTD, no external
 * entities, size limits). Whole documents and streamed files go through the same tokenizer
 * (xmlStream.ts), so the limits and refusals cannot drift apart: no DOCTYPE or other markup
 * declaration (no entity can be declared, let alone expanded: a billion-laughs bomb or an external
 * entity is refused at its `<!`), only the five predefined entities and character references,
 * limits on size, nesting, names, attributes and the length of any one tag. Text and attribute
 * values stay raw; `decodeXmlText` in read.ts decodes them exactly once.
 */
import { CimXmlError, type XmlErrorCode } from './xmlError';
import { defaultXmlStreamLimits, XmlTokenizer, type XmlStreamEvents, type XmlStreamLimits } from './xmlStream';
import { XmlTreeBuilder } from './xmlTree';
import type { XmlValue } from './read';

export { CimXmlError, type XmlErrorCode };

/** Limits of a whole document; what is not given is the streaming reader's default. */
export interface XmlLimits extends Partial<XmlStreamLimits> {
  /** Largest document accepted, in characters. */
  readonly maxChars: number;
  /** Deepest element nesting accepted (the 61968-9 payloads used here nest fewer than 12 levels). */
  readonly maxDepth: number;
}
export const defaultXmlLimits: XmlLimits = { maxChars: 32 * 1024 * 1024, maxDepth: 48 };

/** 1-based line number of a character offset. */
export function lineAt(xml: string, index: number): number {
  let line = 1;
  for (let i = xml.indexOf('\n'); i !== -1 && i < index; i = xml.indexOf('\n', i + 1)) line++;
  return line;
}

export interface ParsedXml {
  /** Local name of the document element. */
  readonly rootName: string;
  /** Namespace URI of the document element (from its own start tag). */
  readonly rootNamespace: string | undefined;
  /** The document element's content (attributes '@_name', text '#text', every child a list). */
  readonly root: unknown;
}

interface RootElement {
  rootName: string;
  rootNamespace: string | undefined;
}

/** Local name and namespace URI of a start tag, from its own declarations. */
function rootElementOf(name: string, attributes: Readonly<Record<string, string>>): RootElement {
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  return { rootName: name.slice(colon + 1), rootNamespace: attributes[prefix ? `xmlns:${prefix}` : 'xmlns'] };
}

/** Runs the whole document through the tokenizer under the limits; `events` may build a tree. */
function readWhole(xml: string, limits: XmlLimits, events?: Partial<XmlStreamEvents>): RootElement {
  if (xml.length > limits.maxChars)
    throw new CimXmlError('TOO_LARGE', `document of ${xml.length} characters exceeds the limit of ${limits.maxChars}`);
  let root: RootElement = { rootName: '', rootNamespace: undefined };
  let first = true;
  const tokenizer = new XmlTokenizer(
    {
      open: (name, attributes, line) => {
        if (first) root = rootElementOf(name, attributes);
        first = false;
        events?.open?.(name, attributes, line);
      },
      close: (name, line) => events?.close?.(name, line),
      text: (raw, line) => events?.text?.(raw, line),
    },
    { ...defaultXmlStreamLimits, ...limits },
  );
  tokenizer.write(xml);
  tokenizer.end();
  return root;
}

/**
 * Every check of parseXmlSafely (size, no DTD, depth, well-formed) without building the tree: for
 * a wrapper such as a SOAP envelope whose one child is parsed on its own afterwards.
 */
export function checkXmlSafely(xml: string, limits: XmlLimits = defaultXmlLimits): RootElement {
  return readWhole(xml, limits);
}

export function parseXmlSafely(xml: string, limits: XmlLimits = defaultXmlLimits): ParsedXml {
  const builder = new XmlTreeBuilder(limits.maxChars, 'the document');
  let tree: { name: string; value: XmlValue } | undefined;
  const { rootName, rootNamespace } = readWhole(xml, limits, {
    open: (name, attributes, line) => builder.open(name, attributes, line),
    text: (raw, line) => builder.text(raw, line),
    close: () => {
      tree = builder.close() ?? tree;
    },
  });
  return { rootName, rootNamespace, root: tree?.value };
}
