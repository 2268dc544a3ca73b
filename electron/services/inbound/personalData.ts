/**
 * What a kept copy of a refused message leaves out (issue 9: customer data only where the job
 * needs it, never logged). A refused message is kept for whoever diagnoses it — in
 * `inbox-rejected/` (file import) or in the inbox (sync) — with its structure and identifiers,
 * but not the people in it:
 * - inside a Customer (Customers in the work-order schema), every text but its identifiers (`mRID`: the customer and agreement
 *   references the refusal may be about) becomes `***` — names, contacts, addresses;
 * - inside a CustomerAccount, every text (the account number is personal) becomes `***`;
 * - a Compressed payload of a noun that carries customers is left out (it cannot be masked
 *   without unpacking a message that was refused, perhaps as a bomb).
 * It works on text, so also on a message that is not well-formed: an element left open is
 * masked to the end.
 */
const MASK = '***';
const OPENING = /<((?:[\w.-]+:)?(Customers?|CustomerAccounts?))(?=[\s/>])/g;
/** Nouns whose payload names customers (switching orders and agreement links). */
const CUSTOMER_NOUNS = /<(?:[\w.-]+:)?Noun>\s*(?:MasterDataLinkageConfig|MeterServiceRequests)\s*</;
const COMPRESSED = /(<(?:[\w.-]+:)?Compressed\b[^>]*>)[\s\S]*?(<\/(?:[\w.-]+:)?Compressed\s*>|$)/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Masks the text of one Customer or CustomerAccount element (its opening tag to before its closing tag). */
function maskBlock(block: string, keepIds: boolean): string {
  return block.replace(/<!\[CDATA\[[\s\S]*?(?:\]\]>|$)/g, MASK).replace(/(<(\/?)(?:[\w.-]+:)?([\w.-]+)[^<>]*>)([^<]+)/g, (all, tag: string, closing: string, name: string, text: string) => {
    if (!text.trim() || (keepIds && !closing && name === 'mRID')) return all;
    return `${tag}${MASK}`;
  });
}

export function maskPersonalData(xml: string): string {
  let out = '';
  let at = 0;
  OPENING.lastIndex = 0;
  for (let m = OPENING.exec(xml); m; m = OPENING.exec(xml)) {
    const tagEnd = xml.indexOf('>', m.index);
    if (tagEnd > 0 && xml[tagEnd - 1] === '/') continue; // <Customer/>: nothing inside
    const closing = new RegExp(`</${escape(m[1]!)}\\s*>`, 'g');
    closing.lastIndex = m.index;
    const end = closing.exec(xml)?.index ?? xml.length;
    out += xml.slice(at, m.index) + maskBlock(xml.slice(m.index, end), !m[2]!.startsWith('CustomerAccount'));
    at = end;
    OPENING.lastIndex = end;
  }
  out += xml.slice(at);
  return CUSTOMER_NOUNS.test(out) ? out.replace(COMPRESSED, `$1(left out of this copy: it may name customers)$2`) : out;
}
