/**
 * What a kept copy of a refused message leaves out (issue 9: customer data only where the job
 * needs it, never logged; issue 18: masking that holds). A refused message is kept for whoever
 * diagnoses it — in `inbox-rejected/` (file import) or in the inbox (sync) — with its structure and
 * identifiers, but not the people in it. The copy is made from the hardened XML tokenizer's pieces
 * (shared/cim/xml/xmlStream.ts), so a comment, a processing instruction or CDATA inside a name
 * cannot split it into a part that is masked and a part that is not:
 * - inside a Customer (Customers in the work-order schema) every text, comment and processing
 *   instruction becomes `***` but the identifiers (`mRID`: the references a refusal may be about);
 * - inside a CustomerAccount, everything (the account number is personal);
 * - inside a CustomerAgreement or a UsagePoint, the names (`name`, `aliasName`, every Names/name):
 *   an agreement or a premise is often named after the person; supplier, tariff and dates stay;
 * - inside a meter's SecurityKeys (MeterConfig, meterConfigKeys.ts), everything but the accessor
 *   names: the keys themselves, wrapped or not (issue 23 §5: never in plain text at rest); and a
 *   key's own elements wherever a message puts them (xenc CipherValue, securityAccessorKey,
 *   wrapKeyInfo): a refused message may carry one outside SecurityKeys;
 * - a Compressed payload of a noun that carries customers or keys is left out (it cannot be masked
 *   without unpacking a message that was refused, perhaps as a bomb).
 * Each masked piece keeps its line breaks, so a line a refusal names points at the same place. A
 * message that is not well-formed is copied up to where the tokenizer stopped; the rest is left out.
 */
import { CimXmlError } from '../../../shared/cim/xml/safeXml';
import { XmlTokenizer } from '../../../shared/cim/xml/xmlStream';

const MASK = '***';
const FULL = new Set(['Customer', 'Customers']);
const ACCOUNT = new Set(['CustomerAccount', 'CustomerAccounts']);
const NAMED = new Set(['CustomerAgreement', 'CustomerAgreements', 'UsagePoint', 'UsagePoints']);
const NAMES = new Set(['name', 'aliasName']);
/** Nouns whose payload names customers (switching orders and agreement links). */
const CUSTOMER_NOUNS = new Set(['MasterDataLinkageConfig', 'MeterServiceRequests']);
const LEFT_OUT = '(left out of this copy: it may name customers)';
/** Where a MeterConfig carries a meter's secrets, and what of it may stay (the names of the accessors). */
const SECRETS = 'SecurityKeys';
const SECRET_NAMES = new Set(['securityAccessorName', 'allowedDeviceStatus']);
const KEY_NOUNS = new Set(['MeterConfig']);
/** A key's own elements, masked wherever they stand (the schema check's key elements, schemaCheck.ts). */
const KEY_ELEMENTS = new Set(['CipherValue', 'securityAccessorKey', 'wrapKeyInfo']);
const LEFT_OUT_KEYS = '(left out of this copy: it may hold meter keys)';

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const masked = (raw: string) => MASK + '\n'.repeat(raw.split('\n').length - 1);

class MaskingCopy {
  readonly out: string[] = [];
  private readonly stack: string[] = [];
  private noun = '';
  private compressedLeftOut = false;

  open(name: string): void {
    this.stack.push(local(name));
  }

  close(): void {
    this.stack.pop();
  }

  text(raw: string): void {
    const top = this.stack.at(-1);
    if (top === 'Noun') this.noun += raw.trim();
  }

  consumed(raw: string): void {
    this.out.push(this.isMarkup(raw) || !this.masks(raw) ? raw : this.replacement(raw));
  }

  private isMarkup(raw: string): boolean {
    // Tags pass as they are; text, CDATA, comments and processing instructions are content.
    return raw.startsWith('<') && !raw.startsWith('<![CDATA[') && !raw.startsWith('<!--') && !raw.startsWith('<?');
  }

  private replacement(raw: string): string {
    if (this.stack.at(-1) !== 'Compressed') return masked(raw);
    if (this.compressedLeftOut) return '\n'.repeat(raw.split('\n').length - 1);
    this.compressedLeftOut = true;
    return (KEY_NOUNS.has(this.noun) ? LEFT_OUT_KEYS : LEFT_OUT) + '\n'.repeat(raw.split('\n').length - 1);
  }

  /** Whether content at the current place is personal. */
  private masks(raw: string): boolean {
    if (raw.trim() === '' && !raw.startsWith('<')) return false; // indentation
    const { stack } = this;
    const top = stack.at(-1);
    // The noun comes in the Header, before the Payload; a Compressed payload with no noun named yet is left out too.
    if (top === 'Compressed') return this.noun === '' || CUSTOMER_NOUNS.has(this.noun) || KEY_NOUNS.has(this.noun);
    let named = false;
    for (const element of stack) {
      if (KEY_ELEMENTS.has(element)) return true;
      if (element === SECRETS) return top === undefined || !SECRET_NAMES.has(top);
      if (ACCOUNT.has(element)) return true;
      if (FULL.has(element)) return top !== 'mRID';
      if (NAMED.has(element)) named = true;
    }
    return named && top !== undefined && NAMES.has(top);
  }
}

/** Around the text, so a fragment or a file of several elements is copied too (the tokenizer wants one root). */
const WRAP_OPEN = '<fieldmeter-copy>';
const WRAP_CLOSE = '</fieldmeter-copy>';

export function maskPersonalData(xml: string): string {
  const copy = new MaskingCopy();
  let at = 0;
  const tokenizer = new XmlTokenizer({
    open: (name) => copy.open(name),
    close: () => copy.close(),
    text: (raw) => copy.text(raw),
    consumed: (raw) => {
      const start = at;
      at += raw.length;
      // The wrapper's own tags are not part of the copy.
      if (start >= WRAP_OPEN.length && start < WRAP_OPEN.length + xml.length) copy.consumed(raw);
    },
  });
  try {
    tokenizer.write(WRAP_OPEN);
    tokenizer.write(xml);
    tokenizer.write(WRAP_CLOSE);
    tokenizer.end();
  } catch (error) {
    if (!(error instanceof CimXmlError)) throw error;
    const rest = xml.slice(Math.max(0, at - WRAP_OPEN.length));
    if (rest.trim() !== '') copy.out.push(`<!-- the rest is left out of this copy: ${error.message.replace(/--/g, '- -')} -->`);
  }
  return copy.out.join('');
}
