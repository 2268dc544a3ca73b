/**
 * Builds, from tokenizer events, the same tree parseXmlSafely gives for one element (namespace
 * prefixes removed, every child a list, attributes as '@_name', text raw): so an item cut out of
 * a streamed document goes through the existing payload readers unchanged. A size budget keeps a
 * single item from growing without end.
 */
import type { XmlValue } from './read';
import { CimXmlError } from './xmlError';

const local = (name: string) => name.slice(name.indexOf(':') + 1);

interface Frame {
  readonly name: string;
  readonly node: Record<string, unknown>;
  text: string;
  hasContent: boolean;
}

export class XmlTreeBuilder {
  private readonly stack: Frame[] = [];
  private size = 0;
  private result: { name: string; value: XmlValue } | undefined;

  constructor(
    private readonly maxChars: number,
    private readonly what: string,
  ) {}

  get depth(): number {
    return this.stack.length;
  }

  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void {
    const node: Record<string, unknown> = {};
    let hasContent = false;
    for (const [key, value] of Object.entries(attributes)) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
      node[`@_${local(key)}`] = value;
      hasContent = true;
      this.grow(key.length + value.length, line);
    }
    this.grow(name.length, line);
    this.stack.push({ name: local(name), node, text: '', hasContent });
  }

  text(raw: string, line: number): void {
    const top = this.stack.at(-1);
    if (!top) return;
    this.grow(raw.length, line);
    top.text += raw;
  }

  /** Closes the innermost element; returns the finished tree when that was the outermost one. */
  close(): { name: string; value: XmlValue } | undefined {
    const frame = this.stack.pop();
    if (!frame) return undefined;
    let value: XmlValue;
    if (!frame.hasContent) value = frame.text;
    else {
      if (frame.text !== '') frame.node['#text'] = frame.text;
      value = frame.node;
    }
    const parent = this.stack.at(-1);
    if (!parent) {
      this.result = { name: frame.name, value };
      return this.result;
    }
    const list = parent.node[frame.name];
    if (Array.isArray(list)) list.push(value);
    else parent.node[frame.name] = [value];
    parent.hasContent = true;
    return undefined;
  }

  private grow(chars: number, line: number): void {
    this.size += chars;
    if (this.size > this.maxChars) throw new CimXmlError('TOO_LARGE', `${this.what} is larger than ${this.maxChars} characters`, line);
  }
}
