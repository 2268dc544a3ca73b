/**
 * Inbound messages as other vendors hand them over (issue 19, item 4): still in the SOAP 1.1 / 1.2
 * envelope their web service received them in. This filter sits between the streaming tokenizer
 * and the 61968-100 envelope reader: a document whose root is a SOAP Envelope reaches the reader as
 * the Body's one child (with the namespace declarations it inherits from Envelope and Body), the SOAP
 * Header is skipped; any other document passes unchanged. A Fault, an empty Body or a Body with
 * more than one element is refused: none of them is a message to apply.
 */
import type { XmlStreamEvents } from '../xml/xmlStream';
import { CimXmlError } from '../xml/safeXml';

export const SOAP_ENVELOPE_NAMESPACES: readonly string[] = [
  'http://schemas.xmlsoap.org/soap/envelope/',
  'http://www.w3.org/2003/05/soap-envelope',
];

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const prefixOf = (name: string) => (name.includes(':') ? name.slice(0, name.indexOf(':')) : '');
const declarations = (attributes: Readonly<Record<string, string>>) =>
  Object.entries(attributes).filter(([k]) => k === 'xmlns' || k.startsWith('xmlns:'));

export class SoapUnwrap implements XmlStreamEvents {
  private depth = 0;
  private soap: boolean | undefined;
  private inherited: [string, string][] = [];
  private inBody = false;
  private bodyChildren = 0;

  constructor(private readonly inner: XmlStreamEvents) {}

  /** True once the root turned out to be a SOAP Envelope. */
  get wasSoap(): boolean {
    return this.soap === true;
  }

  open(name: string, attributes: Readonly<Record<string, string>>, line: number): void {
    this.depth++;
    if (this.depth === 1) {
      const namespace = attributes[prefixOf(name) ? `xmlns:${prefixOf(name)}` : 'xmlns'];
      this.soap = local(name) === 'Envelope' && namespace !== undefined && SOAP_ENVELOPE_NAMESPACES.includes(namespace);
      if (!this.soap) return this.inner.open(name, attributes, line);
      this.inherited = declarations(attributes);
      return;
    }
    if (!this.soap) return this.inner.open(name, attributes, line);
    if (this.depth === 2) {
      this.inBody = local(name) === 'Body';
      if (this.inBody) this.inherited = [...declarations(attributes), ...this.inherited];
      return;
    }
    if (!this.inBody) return;
    if (this.depth === 3) {
      if (local(name) === 'Fault') throw new CimXmlError('INVALID_MESSAGE', 'the SOAP Body holds a Fault, not a message to import', line);
      if (++this.bodyChildren > 1) throw new CimXmlError('INVALID_MESSAGE', 'the SOAP Body holds more than one element', line);
      const own = { ...attributes };
      for (const [k, v] of this.inherited) if (!(k in own)) own[k] = v;
      return this.inner.open(name, own, line);
    }
    this.inner.open(name, attributes, line);
  }

  close(name: string, line: number): void {
    this.depth--;
    if (!this.soap) return this.inner.close(name, line);
    if (this.depth >= 2 && this.inBody) this.inner.close(name, line);
    if (this.depth === 1) {
      if (this.inBody && this.bodyChildren === 0) throw new CimXmlError('INVALID_MESSAGE', 'the SOAP Body is empty', line);
      this.inBody = false;
    }
  }

  text(raw: string, line: number): void {
    if (!this.soap) return this.inner.text(raw, line);
    if (this.inBody && this.depth >= 3) this.inner.text(raw, line);
  }
}
