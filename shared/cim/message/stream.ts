/**
 * Reads a 61968-100 message from tokenizer events (xml/xmlStream.ts) without holding it: the
 * Header is checked as soon as it closes (readEnvelopeHead, the same checks as parseMessage), then
 * the payload's items come out one at a time — for a noun whose payload is a list of independent
 * items (a MeterConfig's Meters), each item as the tree the payload reader expects; for any other
 * noun, its whole element at once. A Compressed payload's base64 text is handed on in pieces.
 */
import { isPayloadNoun, PAYLOAD_NOUNS, type PayloadNoun } from '../payloads';
import { NamespaceScope } from '../xml/namespaces';
import type { XmlValue } from '../xml/read';
import { CimXmlError } from '../xml/safeXml';
import type { XmlStreamEvents, XmlTokenizer } from '../xml/xmlStream';
import { XmlTreeBuilder } from '../xml/xmlTree';
import { findBody, readEnvelopeHead, type EnvelopeHead, type ParseOptions } from './parse';
import { DRAFT_MESSAGE_NS, MESSAGE_NS, payloadNamespace } from './verbs';

/** Where an item was in the document: its source text and first line, to name the line of a bad value. */
export interface ItemSource {
  readonly text: string;
  readonly line: number;
}

export interface PayloadSink {
  /**
   * One item (or the whole payload element, for a noun not streamed by item) as the payload
   * node the noun's reader takes: `{ Meter: [item] }` or the noun element's own content.
   */
  item(noun: PayloadNoun, node: XmlValue, source: ItemSource): void;
}

export interface EnvelopeSink extends PayloadSink {
  head(head: EnvelopeHead): void;
  /** Payload/Compressed begins: where its base64 text goes, piece by piece, and when it ends. */
  compressed(): { text(piece: string): void; end(): void };
}

export interface StreamLimits {
  /** Largest single item (a Meter), or the whole payload element of a noun read at once. */
  readonly maxItemChars: number;
  readonly maxWholeChars: number;
}
export const defaultStreamLimits: StreamLimits = { maxItemChars: 1024 * 1024, maxWholeChars: 32 * 1024 * 1024 };

const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * Namespaces are checked by URI, never by prefix (issue 18): a payload noun in its own 61968-9
 * namespace (`http://iec.ch/TC57/2011/<Noun>#`), what is inside it in that one or the message's
 * (MeterServiceRequests carries a draft Header), the envelope in the 61968-100 one.
 */
const MESSAGE_NAMESPACES: ReadonlySet<string> = new Set([MESSAGE_NS, DRAFT_MESSAGE_NS]);
const PAYLOAD_NAMESPACES: ReadonlySet<string> = new Set(PAYLOAD_NOUNS.map(payloadNamespace));

function wrongNamespace(name: string, uri: string, expected: string, line: number): CimXmlError {
  return new CimXmlError('INVALID_MESSAGE', `<${name}> is in the namespace "${uri}", not ${expected}`, line);
}

/**
 * Namespaces a payload may use besides its own: MeterConfig's Meter/SecurityKeys, the Connexo
 * extension CX MeterConfig.xsd imports (SecurityKeys.xsd, with XML Encryption and Signature types),
 * where an MDM sends a meter's keys (electron/services/inbound/meterConfigKeys.ts).
 */
const EXTENSION_NAMESPACES: Partial<Record<PayloadNoun, ReadonlySet<string>>> = {
  MeterConfig: new Set([
    'http://connexo.elster.com/2018/schema/securitykeys',
    'http://www.w3.org/2001/04/xmlenc#',
    'http://www.w3.org/2000/09/xmldsig#',
  ]),
};

/** Events of a payload noun element and what is inside it; depth 1 is the noun element. */
export class PayloadReader implements XmlStreamEvents {
  private depth = 0;
  private noun: PayloadNoun | undefined;
  private itemName: string | undefined;
  private builder: XmlTreeBuilder | undefined;
  private builderLine = 0;
  /** Items (or whole payloads) handed to the sink. */
  items = 0;

  /** Its own namespace scope when it reads a document of its own (a Compressed payload); inside an envelope, the envelope's resolves. */
  private readonly scope: NamespaceScope | undefined;

  constructor(
    private readonly tokenizer: XmlTokenizer,
    private readonly sink: PayloadSink,
    /** The item element of a noun streamed item by item, e.g. MeterConfig → Meter. */
    private readonly itemOf: (noun: PayloadNoun) => string | undefined,
    private readonly limits: StreamLimits = defaultStreamLimits,
    standalone = true,
  ) {
    this.scope = standalone ? new NamespaceScope() : undefined;
  }

  /** The noun of the payload element, once it has started. */
  get payloadNoun(): PayloadNoun | undefined {
    return this.noun;
  }

  /** `uri`: the element's namespace, resolved by the envelope around it; absent, this reader resolves it. */
  open(name: string, attributes: Readonly<Record<string, string>>, line: number, uri?: string): void {
    this.depth++;
    const namespace = uri ?? this.scope?.open(name, attributes, line) ?? '';
    if (
      this.depth > 1 &&
      this.noun !== undefined &&
      namespace !== payloadNamespace(this.noun) &&
      !MESSAGE_NAMESPACES.has(namespace) &&
      !EXTENSION_NAMESPACES[this.noun]?.has(namespace)
    ) {
      throw wrongNamespace(name, namespace, `the ${this.noun} payload's`, line);
    }
    if (this.builder) return this.builder.open(name, attributes, line);
    if (this.depth === 1) {
      const noun = local(name);
      if (this.noun !== undefined) throw new CimXmlError('INVALID_MESSAGE', `a second payload element ${noun}`, line);
      if (!isPayloadNoun(noun)) throw new CimXmlError('INVALID_MESSAGE', `payload element ${noun} is not a noun Fieldmeter reads`, line);
      if (namespace !== payloadNamespace(noun)) throw wrongNamespace(name, namespace, payloadNamespace(noun), line);
      this.noun = noun;
      this.itemName = this.itemOf(noun);
      if (this.itemName === undefined) this.startBuilder(name, attributes, line, this.limits.maxWholeChars, `the ${noun} payload`);
    } else if (this.depth === 2 && local(name) === this.itemName) {
      this.startBuilder(name, attributes, line, this.limits.maxItemChars, `a ${this.itemName}`);
    }
  }

  text(raw: string, line: number): void {
    this.builder?.text(raw, line);
  }

  close(): void {
    this.depth--;
    this.scope?.close();
    const done = this.builder?.close();
    if (!done || !this.noun) return;
    this.builder = undefined;
    const source = { text: this.tokenizer.takeCapture(), line: this.builderLine };
    this.items++;
    this.sink.item(this.noun, this.itemName === undefined ? done.value : { [done.name]: [done.value] }, source);
  }

  private startBuilder(name: string, attributes: Readonly<Record<string, string>>, line: number, maxChars: number, what: string): void {
    this.builder = new XmlTreeBuilder(maxChars, what);
    this.builderLine = line;
    this.tokenizer.startCapture();
    this.builder.open(name, attributes, line);
  }
}

const HEAD_PARTS = new Set(['Header', 'Request', 'Reply']);
const PAYLOAD_PARTS = new Set(['Format', 'ID', 'OperationSet']);
/** Header, Request and Reply are small: a cap keeps a hostile one from growing. */
const MAX_HEAD_CHARS = 1024 * 1024;

/** Events of a whole message document: root, Header (and Request/Reply), Payload. */
export class EnvelopeReader implements XmlStreamEvents {
  private depth = 0;
  private rootName = '';
  private rootNamespace: string | undefined;
  private part: { name: string; builder: XmlTreeBuilder; line: number } | undefined;
  private headerNode: XmlValue | undefined;
  private headerSource: ItemSource | undefined;
  private headRead = false;
  private inPayload = false;
  private payloadSeen = false;
  private compressed: { text(piece: string): void; end(): void } | undefined;
  private compressedSeen = false;
  private skipDepth = 0;
  private readonly scope = new NamespaceScope();
  /** The root's namespace and the 61968-100 message namespaces: where the envelope's elements may be. */
  private envelopeNamespaces: ReadonlySet<string> = MESSAGE_NAMESPACES;
  readonly payload: PayloadReader;
  /** A typed Get<Noun> request carries its body inside Request (GetMeterReadingsMessage.xsd), not in a Payload. */
  requestBody: { noun: PayloadNoun; node: XmlValue; line: number } | undefined;

  constructor(
    private readonly tokenizer: XmlTokenizer,
    private readonly sink: EnvelopeSink,
    itemOf: (noun: PayloadNoun) => string | undefined,
    private readonly options: ParseOptions = {},
    limits: StreamLimits = defaultStreamLimits,
  ) {
    this.payload = new PayloadReader(tokenizer, sink, itemOf, limits, false);
  }

  /** Whether the message had a Payload, and whether it was Compressed. */
  get hasPayload(): boolean {
    return this.payloadSeen;
  }
  get wasCompressed(): boolean {
    return this.compressedSeen;
  }

  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void {
    this.depth++;
    const uri = this.scope.open(name, attributes, line);
    if (this.depth === 1) {
      this.rootName = local(name);
      // The URI the root's prefix is bound to (readEnvelopeHead checks it is the 61968-100 envelope's).
      this.rootNamespace = uri === '' ? undefined : uri;
      this.envelopeNamespaces = new Set([uri, ...MESSAGE_NAMESPACES]);
      return;
    }
    if (this.part) {
      // A typed Get<Noun> carries its payload noun inside Request.
      if (!this.envelopeNamespaces.has(uri) && !(this.part.name === 'Request' && PAYLOAD_NAMESPACES.has(uri)))
        throw wrongNamespace(name, uri, "the message's", line);
      return this.part.builder.open(name, attributes, line);
    }
    if (this.skipDepth) return void this.skipDepth++;
    const envelopeElement =
      this.depth === 2 || (this.inPayload && this.depth === 3 && (local(name) === 'Compressed' || PAYLOAD_PARTS.has(local(name))));
    if (envelopeElement && !this.envelopeNamespaces.has(uri)) throw wrongNamespace(name, uri, "the message's", line);
    if (this.depth === 2) {
      const part = local(name);
      if (part === 'Payload') {
        this.readHead();
        this.inPayload = this.payloadSeen = true;
      } else if (HEAD_PARTS.has(part)) {
        const builder = new XmlTreeBuilder(MAX_HEAD_CHARS, part);
        this.part = { name: part, builder, line };
        if (part === 'Header') this.tokenizer.startCapture();
        builder.open(name, attributes, line);
      } else this.skipDepth = 1;
      return;
    }
    if (!this.inPayload) return;
    if (this.depth === 3 && local(name) === 'Compressed') {
      this.compressed = this.sink.compressed();
      this.compressedSeen = true;
    } else if (this.depth === 3 && PAYLOAD_PARTS.has(local(name))) this.skipDepth = 1;
    else if (!this.compressed) this.payload.open(name, attributes, line, uri);
  }

  text(raw: string, line: number): void {
    if (this.part) this.part.builder.text(raw, line);
    else if (this.compressed && this.depth === 3) this.compressed.text(raw);
    else if (this.inPayload && !this.skipDepth && this.depth >= 3) this.payload.text(raw, line);
  }

  close(): void {
    this.depth--;
    this.scope.close();
    if (this.part) {
      const done = this.part.builder.close();
      if (done) {
        if (this.part.name === 'Header') {
          this.headerNode = done.value;
          this.headerSource = { text: this.tokenizer.takeCapture(), line: this.part.line };
        }
        if (this.part.name === 'Request') {
          const body = findBody(done.value);
          if (body && body.noun.startsWith('Get')) this.requestBody = { ...body, line: this.part.line };
        }
        this.part = undefined;
        if (done.name === 'Header') this.readHead();
      }
      return;
    }
    if (this.skipDepth) return void this.skipDepth--;
    if (this.depth === 0) return this.readHead();
    if (!this.inPayload) return;
    if (this.depth === 1) this.inPayload = false;
    else if (this.depth === 2 && this.compressed) {
      this.compressed.end();
      this.compressed = undefined;
    } else if (!this.compressed) this.payload.close();
  }

  /** Once: the envelope checks, as soon as the Header is complete (or the Payload starts without one). */
  private readHead(): void {
    if (this.headRead) return;
    this.headRead = true;
    const source = this.headerSource;
    const lineOf = (needle: string) => {
      const at = source?.text.indexOf(needle) ?? -1;
      if (!source || at === -1) return undefined;
      let line = source.line;
      for (let i = source.text.indexOf('\n'); i !== -1 && i < at; i = source.text.indexOf('\n', i + 1)) line++;
      return line;
    };
    this.sink.head(readEnvelopeHead(this.rootName, this.rootNamespace, this.headerNode, lineOf, this.options));
  }
}
