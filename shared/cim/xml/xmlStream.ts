/**
 * A hardened streaming XML tokenizer for inbound files too large to hold (issue 4: up to 100 MB in
 * 300 MB). Text is written in chunks of any size; start tags, end tags and text come out as events
 * with their line, while at most one piece of markup is held. The same refusals as parseXmlSafely:
 * no DOCTYPE or other markup declaration (so no entity can be declared, and an XML bomb is refused
 * at its first `<!`), only the predefined entities and character references, nesting, name,
 * attribute and tag-size limits, one root element, every tag closed by its own name. Text and
 * attribute values are passed on raw, as fast-xml-parser passes them with entities off, so the
 * payload readers (read.ts) decode them exactly once.
 */
import { decodeXmlText } from './read';
import { CimXmlError } from './xmlError';

export interface XmlStreamLimits {
  /** Largest document accepted, in characters. */
  readonly maxChars: number;
  readonly maxDepth: number;
  readonly maxNameLength: number;
  readonly maxAttributes: number;
  /** Largest single tag, comment, processing instruction or CDATA section. */
  readonly maxMarkupChars: number;
}
export const defaultXmlStreamLimits: XmlStreamLimits = {
  maxChars: 128 * 1024 * 1024,
  maxDepth: 48,
  maxNameLength: 200,
  maxAttributes: 64,
  maxMarkupChars: 1024 * 1024,
};

export interface XmlStreamEvents {
  /** A start tag: the qualified name and its attributes (raw values). */
  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void;
  close(name: string, line: number): void;
  /** Raw text inside an element, possibly in several pieces; CDATA arrives escaped as text. */
  text(raw: string, line: number): void;
  /**
   * Optional: every piece of the document as it is consumed, in order and exactly once — a tag,
   * a comment, a processing instruction, a CDATA section or a run of text — before the event it
   * makes (a copy that must keep the document's shape, inbound/personalData.ts).
   */
  consumed?(raw: string): void;
}

const NAME = /^[A-Za-z_][\w.\-:]*$/;
const ATTRIBUTE = /\s*([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

const escapeCdata = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export class XmlTokenizer {
  private buf = '';
  private pos = 0;
  private lineNo = 1;
  private chars = 0;
  private readonly open: { name: string; line: number }[] = [];
  private rootSeen = false;
  private ended = false;
  private capture: string[] | null = null;
  private captureFrom = 0;
  /** Where the markup being reported starts in `buf`. */
  private markupStart = 0;

  constructor(
    private readonly events: XmlStreamEvents,
    private readonly limits: XmlStreamLimits = defaultXmlStreamLimits,
  ) {}

  get line(): number {
    return this.lineNo;
  }

  /** Starts keeping the raw text from the markup being reported now (call it from `open`). */
  startCapture(): void {
    this.capture = [];
    this.captureFrom = this.markupStart;
  }

  /** The raw text since startCapture up to the end of the markup being reported now (call it from `close`). */
  takeCapture(): string {
    const pieces = this.capture ?? [];
    pieces.push(this.buf.slice(this.captureFrom, this.pos));
    this.capture = null;
    return pieces.join('');
  }

  write(chunk: string): void {
    this.chars += chunk.length;
    if (this.chars > this.limits.maxChars)
      throw new CimXmlError('TOO_LARGE', `document exceeds the limit of ${this.limits.maxChars} characters`, this.lineNo);
    this.buf = this.pos === this.buf.length ? chunk : this.buf + chunk;
    this.run();
  }

  end(): void {
    this.ended = true;
    this.run();
    if (this.pos < this.buf.length) throw new CimXmlError('MALFORMED', 'unterminated markup at the end of the document', this.lineNo);
    const unclosed = this.open.at(-1);
    if (unclosed)
      throw new CimXmlError('MALFORMED', `element <${unclosed.name}> opened on line ${unclosed.line} is never closed`, this.lineNo);
    if (!this.rootSeen) throw new CimXmlError('MALFORMED', 'the document has no root element', this.lineNo);
  }

  /** Moves past consumed text, counting lines. */
  private advance(to: number): void {
    const { buf } = this;
    if (this.events.consumed && to > this.pos) this.events.consumed(buf.slice(this.pos, to));
    for (let i = buf.indexOf('\n', this.pos); i !== -1 && i < to; i = buf.indexOf('\n', i + 1)) this.lineNo++;
    this.pos = to;
  }

  private fail(code: 'MALFORMED' | 'DTD_FORBIDDEN' | 'TOO_DEEP' | 'TOO_LARGE', message: string): never {
    throw new CimXmlError(code, message, this.lineNo);
  }

  private emitText(from: number, to: number): void {
    if (to <= from) return;
    const raw = this.buf.slice(from, to);
    const line = this.lineNo;
    if (this.open.length === 0) {
      if (raw.trim() !== '') this.fail('MALFORMED', 'text outside the root element');
    } else {
      if (raw.includes('&')) {
        try {
          decodeXmlText(raw);
        } catch (error) {
          this.fail('MALFORMED', (error as Error).message);
        }
      }
      this.events.text(raw, line);
    }
    this.advance(to);
  }

  /** Index just past `end` searched from `from`, or -1 (waiting for more text, within the markup limit). */
  private find(end: string, from: number, what: string): number {
    const at = this.buf.indexOf(end, from);
    // The same limit whether the markup came in one chunk (a whole document) or in many.
    const length = (at === -1 ? this.buf.length : at + end.length) - this.pos;
    if (length > this.limits.maxMarkupChars) this.fail('TOO_LARGE', `${what} longer than ${this.limits.maxMarkupChars} characters`);
    if (at !== -1) return at + end.length;
    return -1;
  }

  private run(): void {
    while (this.pos < this.buf.length) {
      const { buf, pos } = this;
      if (buf.charCodeAt(pos) !== 0x3c /* < */) {
        const lt = buf.indexOf('<', pos);
        let to = lt === -1 ? buf.length : lt;
        if (lt === -1 && !this.ended) {
          // Do not cut an entity reference in two.
          const amp = buf.lastIndexOf('&');
          if (amp >= pos && buf.indexOf(';', amp) === -1 && buf.length - amp < 16) to = amp;
        }
        this.emitText(pos, to);
        if (lt === -1) break;
        continue;
      }
      if (buf.length - pos < 9 && !this.ended && !buf.startsWith('</', pos)) {
        // Too little to tell a comment, CDATA or declaration from a tag.
        if (!/^<[A-Za-z_]/.test(buf.slice(pos, pos + 2))) break;
      }
      this.markupStart = pos;
      const line = this.lineNo;
      let end: number;
      if (buf.startsWith('<!--', pos)) {
        if ((end = this.find('-->', pos + 4, 'a comment')) === -1) break;
      } else if (buf.startsWith('<![CDATA[', pos)) {
        if ((end = this.find(']]>', pos + 9, 'a CDATA section')) === -1) break;
        if (this.open.length === 0) this.fail('MALFORMED', 'CDATA outside the root element');
        this.events.text(escapeCdata(buf.slice(pos + 9, end - 3)), line);
      } else if (buf.startsWith('<!', pos)) {
        this.fail('DTD_FORBIDDEN', 'DOCTYPE and other markup declarations are refused (no DTD, no entities)');
      } else if (buf.startsWith('<?', pos)) {
        if ((end = this.find('?>', pos + 2, 'a processing instruction')) === -1) break;
      } else if (buf.startsWith('</', pos)) {
        if ((end = this.find('>', pos + 2, 'an end tag')) === -1) break;
        this.closeTag(buf.slice(pos + 2, end - 1).trim(), line, end);
        continue;
      } else {
        if ((end = this.tagEnd(pos)) === -1) break;
        this.openTag(buf.slice(pos + 1, end - 1), line, end);
        continue;
      }
      this.advance(end);
    }
    this.compact();
  }

  /** End of a start tag, skipping '>' inside quoted attribute values; -1 when not all here yet. */
  private tagEnd(from: number): number {
    const { buf } = this;
    let quote = 0;
    for (let i = from + 1; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e) {
        if (i + 1 - from > this.limits.maxMarkupChars) this.fail('TOO_LARGE', `a tag longer than ${this.limits.maxMarkupChars} characters`);
        return i + 1;
      } else if (c === 0x3c) this.fail('MALFORMED', `"<" inside a tag`);
    }
    if (buf.length - from > this.limits.maxMarkupChars)
      this.fail('TOO_LARGE', `a tag longer than ${this.limits.maxMarkupChars} characters`);
    return -1;
  }

  private openTag(inner: string, line: number, end: number): void {
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const nameEnd = body.search(/[\s]/);
    const name = nameEnd === -1 ? body : body.slice(0, nameEnd);
    this.checkName(name);
    if (this.open.length === 0 && this.rootSeen) this.fail('MALFORMED', `a second root element <${name}>`);
    if (this.open.length + 1 > this.limits.maxDepth) this.fail('TOO_DEEP', `elements nested deeper than ${this.limits.maxDepth} levels`);
    const attributes: Record<string, string> = {};
    let count = 0;
    let at = nameEnd === -1 ? body.length : nameEnd;
    ATTRIBUTE.lastIndex = at;
    for (let match = ATTRIBUTE.exec(body); match; match = ATTRIBUTE.exec(body)) {
      const [, attributeName = '', double, single] = match;
      this.checkName(attributeName);
      if (++count > this.limits.maxAttributes) this.fail('MALFORMED', `<${name}> has more than ${this.limits.maxAttributes} attributes`);
      if (Object.hasOwn(attributes, attributeName)) this.fail('MALFORMED', `attribute ${attributeName} appears twice on <${name}>`);
      const value = double ?? single ?? '';
      if (value.includes('<')) this.fail('MALFORMED', `"<" in the value of attribute ${attributeName}`);
      if (value.includes('&')) {
        try {
          decodeXmlText(value);
        } catch (error) {
          this.fail('MALFORMED', (error as Error).message);
        }
      }
      attributes[attributeName] = value;
      at = ATTRIBUTE.lastIndex;
    }
    if (body.slice(at).trim() !== '')
      this.fail('MALFORMED', `<${name}> has a malformed attribute near "${body.slice(at).trim().slice(0, 30)}"`);
    this.rootSeen = true;
    this.advance(end);
    this.open.push({ name, line });
    this.events.open(name, attributes, line);
    if (selfClosing) {
      this.open.pop();
      this.events.close(name, line);
    }
  }

  private closeTag(name: string, line: number, end: number): void {
    const top = this.open.pop();
    if (!top) this.fail('MALFORMED', `end tag </${name}> without a start tag`);
    if (top.name !== name) this.fail('MALFORMED', `end tag </${name}> does not close <${top.name}> opened on line ${top.line}`);
    this.advance(end);
    this.events.close(name, line);
  }

  private checkName(name: string): void {
    if (name.length > this.limits.maxNameLength) this.fail('MALFORMED', `a name longer than ${this.limits.maxNameLength} characters`);
    if (!NAME.test(name)) this.fail('MALFORMED', `"${name.slice(0, 40)}" is not an element or attribute name`);
  }

  /** Drops what has been consumed, keeping it for a capture in progress. */
  private compact(): void {
    if (this.pos === 0) return;
    if (this.capture) {
      this.capture.push(this.buf.slice(this.captureFrom, this.pos));
      this.captureFrom = 0;
    }
    this.buf = this.buf.slice(this.pos);
    this.markupStart -= this.pos;
    this.pos = 0;
  }
}
