/**
 * Namespaces in scope while a document streams past (Namespaces in XML 1.0, §5–6): each start tag's
 * `xmlns` and `xmlns:p` declarations hold for it and its descendants. An element or attribute
 * prefix that is not declared is an error (§5: "the prefix MUST have been declared"), so a message
 * cannot pass as ours by a prefix alone: what counts is the URI the prefix is bound to (issue 18).
 */
import { CimXmlError } from './xmlError';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export class NamespaceScope {
  /** One frame per open element: its declarations, or null when it declares none. */
  private readonly frames: (Map<string, string> | null)[] = [];

  /** Enters an element; returns its namespace URI ('' for none). */
  open(name: string, attributes: Readonly<Record<string, string>>, line: number): string {
    let frame: Map<string, string> | null = null;
    for (const [key, value] of Object.entries(attributes)) {
      if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue;
      const prefix = key === 'xmlns' ? '' : key.slice(6);
      // §3: a prefixed declaration may not be empty in XML 1.0 (no undeclaring).
      if (prefix !== '' && value === '')
        throw new CimXmlError('INVALID_MESSAGE', `namespace prefix "${prefix}" declared empty on <${name}>`, line);
      if (prefix === 'xmlns' || (prefix === 'xml') !== (value === XML_NS))
        throw new CimXmlError('INVALID_MESSAGE', `reserved namespace prefix or URI misused on <${name}>`, line);
      (frame ??= new Map()).set(prefix, value);
    }
    this.frames.push(frame);
    for (const key of Object.keys(attributes)) {
      const colon = key.indexOf(':');
      if (colon !== -1 && !key.startsWith('xmlns:')) this.resolve(key.slice(0, colon), `attribute ${key} of <${name}>`, line);
    }
    const colon = name.indexOf(':');
    return colon === -1 ? (this.lookup('') ?? '') : this.resolve(name.slice(0, colon), `<${name}>`, line);
  }

  close(): void {
    this.frames.pop();
  }

  private lookup(prefix: string): string | undefined {
    if (prefix === 'xml') return XML_NS;
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const uri = this.frames[i]?.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  }

  private resolve(prefix: string, what: string, line: number): string {
    const uri = this.lookup(prefix);
    if (uri === undefined) throw new CimXmlError('INVALID_MESSAGE', `the prefix "${prefix}" of ${what} is not declared`, line);
    return uri;
  }
}
