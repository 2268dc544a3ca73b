/**
 * One hardened reader, two ways in: a whole document (parseXmlSafely) and a file streamed in
 * chunks (XmlTokenizer) refuse the same hostile input with the same code. The bombs are the
 * classic ones (OWASP XML External Entity Prevention Cheat Sheet: "billion laughs", external
 * entity to file:///etc/passwd).
 */
import { describe, expect, it } from 'vitest';
import { CimXmlError, parseXmlSafely } from '../../../shared/cim/xml/safeXml';
import { XmlTokenizer } from '../../../shared/cim/xml/xmlStream';

const noEvents = { open: () => undefined, close: () => undefined, text: () => undefined };

function codeOf(read: () => void): string {
  try {
    read();
  } catch (error) {
    if (error instanceof CimXmlError) return error.code;
    throw error;
  }
  return 'accepted';
}

const whole = (xml: string) => codeOf(() => parseXmlSafely(xml));
const streamed = (xml: string) =>
  codeOf(() => {
    const tokenizer = new XmlTokenizer(noEvents);
    for (let i = 0; i < xml.length; i += 4096) tokenizer.write(xml.slice(i, i + 4096));
    tokenizer.end();
  });

const laughs = Array.from({ length: 9 }, (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n};`.repeat(10)}">`).join('\n');
const hostile = {
  'billion laughs': `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${laughs}\n]>\n<lolz>&lol9;</lolz>`,
  'external entity': '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<r>&xxe;</r>',
  'parameter entity from a remote DTD': '<!DOCTYPE r SYSTEM "http://example.invalid/evil.dtd"><r/>',
  'deep nesting': `<a>${'<b>'.repeat(5000)}${'</b>'.repeat(5000)}</a>`,
  'huge attribute': `<a x="${'A'.repeat(2 * 1024 * 1024)}"/>`,
  'many attributes': `<a ${Array.from({ length: 200 }, (_, n) => `a${n}="1"`).join(' ')}/>`,
  'undeclared entity': '<a>&e;</a>',
};
const expected: Record<keyof typeof hostile, string> = {
  'billion laughs': 'DTD_FORBIDDEN',
  'external entity': 'DTD_FORBIDDEN',
  'parameter entity from a remote DTD': 'DTD_FORBIDDEN',
  'deep nesting': 'TOO_DEEP',
  'huge attribute': 'TOO_LARGE',
  'many attributes': 'MALFORMED',
  'undeclared entity': 'MALFORMED',
};

describe('the hardened XML reader, whole and streamed', () => {
  it.each(Object.keys(hostile) as (keyof typeof hostile)[])('%s is refused with the same code both ways', (name) => {
    expect(whole(hostile[name])).toBe(expected[name]);
    expect(streamed(hostile[name])).toBe(expected[name]);
  });

  it('a document over the size limit is refused before it is read', () => {
    expect(codeOf(() => parseXmlSafely('<a>xxxxxxxxxxxxxxxxxxxx</a>', { maxChars: 10, maxDepth: 48 }))).toBe('TOO_LARGE');
  });

  it('a plain document is read the same way it always was', () => {
    expect(parseXmlSafely('<m:a xmlns:m="urn:x" k="v"><m:b>1 &amp; 2</m:b><c/></m:a>')).toEqual({
      rootName: 'a',
      rootNamespace: 'urn:x',
      root: { '@_k': 'v', b: ['1 &amp; 2'], c: [''] },
    });
  });
});
