/**
 * The streaming tokenizer against fast-xml-parser (a maintained parser as the oracle, with
 * entities off): every fixture, both envelope forms, cut into chunks of any size, gives the tree
 * fast-xml-parser gives, and parseXmlSafely (the same tokenizer on a whole document) gives it too;
 * the same hostile input is refused, with its line, wherever the chunks fall.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildMessage, parseXmlSafely } from '../../../shared/cim';
import { CimXmlError } from '../../../shared/cim/xml/safeXml';
import { defaultXmlStreamLimits, XmlTokenizer, type XmlStreamLimits } from '../../../shared/cim/xml/xmlStream';
import { XmlTreeBuilder } from '../../../shared/cim/xml/xmlTree';
import { fixtures } from './fixtures';

function streamTree(xml: string, chunk: number, limits?: XmlStreamLimits) {
  const builder = new XmlTreeBuilder(Number.MAX_SAFE_INTEGER, 'the document');
  let tree: ReturnType<XmlTreeBuilder['close']>;
  const tokenizer = new XmlTokenizer(
    {
      open: (name, attributes, line) => builder.open(name, attributes, line),
      text: (raw, line) => builder.text(raw, line),
      close: () => (tree = builder.close() ?? tree),
    },
    limits,
  );
  for (let i = 0; i < xml.length; i += chunk) tokenizer.write(xml.slice(i, i + chunk));
  tokenizer.end();
  return tree;
}

function refusal(xml: string, chunk = 5, limits?: XmlStreamLimits): CimXmlError {
  try {
    streamTree(xml, chunk, limits);
  } catch (error) {
    if (error instanceof CimXmlError) return error;
    throw error;
  }
  throw new Error('not refused');
}

const oracle = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name: string, _path: unknown, _isLeaf: boolean, isAttribute: boolean) => !isAttribute,
});

function oracleTree(xml: string): { rootName: string; root: unknown } {
  const doc = oracle.parse(xml) as Record<string, unknown[]>;
  const rootName = Object.keys(doc)[0]!;
  return { rootName, root: doc[rootName]?.[0] };
}

const documents = fixtures.flatMap(({ name, message }) =>
  (['typed', 'generic'] as const).map((form) => ({ name: `${name} (${form})`, xml: buildMessage(message, { form }) })),
);

describe('streaming XML tokenizer', () => {
  it.each(documents)('$name: the same tree as fast-xml-parser, whole or in chunks of any size', ({ xml }) => {
    const expected = oracleTree(xml);
    const whole = parseXmlSafely(xml);
    expect({ rootName: whole.rootName, root: whole.root }).toEqual(expected);
    for (const chunk of [1, 3, 64, 4096, xml.length]) {
      const tree = streamTree(xml, chunk);
      expect(tree?.name).toBe(expected.rootName);
      expect(tree?.value).toEqual(expected.root);
    }
  });

  it('keeps entities and CDATA as fast-xml-parser leaves them for the readers to decode once', () => {
    const xml = '<?xml version="1.0"?>\n<!-- note -->\n<a x="1 &amp; 2"><b>R&amp;D &#x41;</b><c><![CDATA[x < y & z]]></c><d/></a>\n';
    const tree = streamTree(xml, 2);
    expect(tree?.value).toEqual({ '@_x': '1 &amp; 2', b: ['R&amp;D &#x41;'], c: ['x &lt; y &amp; z'], d: [''] });
  });

  it('refuses an entity bomb at its DOCTYPE, with the line', () => {
    const bomb =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>';
    const error = refusal(bomb);
    expect(error.code).toBe('DTD_FORBIDDEN');
    expect(error.line).toBe(2);
  });

  it('refuses entities other than the predefined ones, bare ampersands and "<" in attributes', () => {
    expect(refusal('<a>&lol;</a>').message).toMatch(/entity "&lol;" is not allowed/);
    expect(refusal('<a>fish & chips and more than sixteen characters</a>').message).toMatch(/bare "&"/);
    expect(refusal('<a x="1 < 2"/>').code).toBe('MALFORMED');
  });

  it('refuses nesting, names, attributes and tags beyond the limits', () => {
    expect(refusal(`${'<a>'.repeat(60)}${'</a>'.repeat(60)}`).code).toBe('TOO_DEEP');
    expect(refusal(`<${'n'.repeat(300)}/>`).message).toMatch(/name longer than 200/);
    const attributes = Array.from({ length: 70 }, (_, i) => `a${i}="1"`).join(' ');
    expect(refusal(`<a ${attributes}/>`).message).toMatch(/more than 64 attributes/);
    expect(refusal(`<a x="${'y'.repeat(3000)}"/>`, 100, { ...defaultXmlStreamLimits, maxMarkupChars: 1000 }).code).toBe('TOO_LARGE');
    expect(refusal(`<a>${'y'.repeat(3000)}</a>`, 100, { ...defaultXmlStreamLimits, maxChars: 2000 }).code).toBe('TOO_LARGE');
  });

  it('refuses what is not well-formed, naming the line', () => {
    const mismatched = refusal('<a>\n<b>\n</c>\n</a>');
    expect(mismatched.message).toMatch(/line 3: end tag <\/c> does not close <b> opened on line 2/);
    expect(refusal('<a>\n<b>\n</b>').message).toMatch(/<a> opened on line 1 is never closed/);
    expect(refusal('<a/><b/>').message).toMatch(/second root element/);
    expect(refusal('<a/>text').message).toMatch(/text outside the root element/);
    expect(refusal('<a x="1" x="2"/>').message).toMatch(/appears twice/);
    expect(refusal('<a x=1/>').message).toMatch(/malformed attribute/);
    expect(refusal('').message).toMatch(/no root element/);
    expect(refusal('<a><b').message).toMatch(/unterminated markup/);
  });
});
