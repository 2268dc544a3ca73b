/**
 * A minimal XML writer for the 61968-100 envelope and 61968-9 payloads. Builders produce a tree
 * of elements in the exact order of the XSD sequence; this module only escapes and serialises.
 * It is pure (no DOM, no Node) so the renderer can build messages too.
 */
export interface XElement {
  readonly name: string;
  readonly attrs?: Readonly<Record<string, string | undefined>>;
  readonly children?: readonly XChild[];
  readonly text?: string;
}
/** Falsy children are skipped, so optional elements read as `value !== undefined && el(...)`. */
export type XChild = XElement | null | undefined | false;

export class XmlWriteError extends Error {
  override readonly name = 'XmlWriteError';
}

export function el(name: string, content?: readonly XChild[] | string, attrs?: XElement['attrs']): XElement {
  return typeof content === 'string' ? { name, text: content, attrs } : { name, children: content, attrs };
}

/** An element holding a text value, or nothing when the value is absent (minOccurs="0"). */
export function opt(name: string, value: string | number | boolean | undefined | null): XElement | undefined {
  return value === undefined || value === null ? undefined : { name, text: String(value) };
}

/** Characters XML 1.0 (§2.2 Char) forbids even when escaped. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', '\n': '&#10;', '\t': '&#9;' };

function escape(value: string, table: Readonly<Record<string, string>>, pattern: RegExp, where: string): string {
  if (FORBIDDEN.test(value)) throw new XmlWriteError(`${where} contains a control character that XML 1.0 cannot carry`);
  return value.replace(pattern, (c) => table[c] ?? c);
}
const escapeText = (value: string, where: string) => escape(value, TEXT_ESCAPES, /[&<>\r]/g, where);
const escapeAttr = (value: string, where: string) => escape(value, ATTR_ESCAPES, /[&<>"\r\n\t]/g, where);

function write(node: XElement, out: string[], indent: string | null, depth: number): void {
  const pad = indent === null ? '' : '\n' + indent.repeat(depth);
  let open = `${depth === 0 ? '' : pad}<${node.name}`;
  if (node.attrs) {
    for (const [key, value] of Object.entries(node.attrs)) {
      if (value !== undefined) open += ` ${key}="${escapeAttr(value, `${node.name}@${key}`)}"`;
    }
  }
  const children = (node.children ?? []).filter((c): c is XElement => Boolean(c));
  if (node.text !== undefined) {
    out.push(`${open}>${escapeText(node.text, node.name)}</${node.name}>`);
  } else if (children.length === 0) {
    out.push(`${open}/>`);
  } else {
    out.push(`${open}>`);
    for (const child of children) write(child, out, indent, depth + 1);
    out.push(`${pad}</${node.name}>`);
  }
}

/** Serialises a document: XML declaration, then the root element (indented with two spaces by default). */
export function serializeXml(root: XElement, options: { readonly pretty?: boolean } = {}): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, out, options.pretty === false ? null : '  ', 0);
  out.push('\n');
  return out.join('');
}
