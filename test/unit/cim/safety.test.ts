/** Hardened parsing (DESIGN.md §5) and envelope checks: what is refused, and how it is reported. */
import { describe, expect, it } from 'vitest';
import { CimBuildError, CimXmlError, buildMessage, parseMessage, type CimMessage } from '../../../shared/cim';
import { fixtures } from './fixtures';

const created = fixtures[0]!.message;
const xml = buildMessage(created);

function refusal(text: string, limits?: Parameters<typeof parseMessage>[1]): CimXmlError {
  try {
    parseMessage(text, limits);
  } catch (error) {
    if (error instanceof CimXmlError) return error;
    throw error;
  }
  throw new Error('expected the message to be refused');
}

describe('hardened parsing', () => {
  it('refuses a DOCTYPE with an entity bomb before expanding anything', () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>`;
    const error = refusal(bomb);
    expect(error.code).toBe('DTD_FORBIDDEN');
    expect(error.line).toBe(2);
  });

  it('refuses an external entity reference (XXE) declared in a DOCTYPE', () => {
    const xxe = xml
      .replace('<tns:CreatedMeterReadings', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<tns:CreatedMeterReadings')
      .replace('FIELDMETER-01', '&e;');
    expect(refusal(xxe).code).toBe('DTD_FORBIDDEN');
  });

  it('refuses an undeclared entity without a DTD', () => {
    expect(refusal(xml.replace('<msg:Source>FIELDMETER-01', '<msg:Source>&e;')).message).toMatch(/entity "&e;" is not allowed/);
  });

  it('refuses malformed XML and says on which line', () => {
    const broken = xml.replace('</msg:Noun>', '</msg:Nown>');
    const error = refusal(broken);
    expect(error.code).toBe('MALFORMED');
    expect(error.line).toBe(broken.split('\n').findIndex((l) => l.includes('</msg:Nown>')) + 1);
    expect(error.message).toMatch(/^line \d+: /);
  });

  it('refuses documents over the size limit and nesting over the depth limit', () => {
    expect(refusal(xml, { maxChars: 100, maxDepth: 48 }).code).toBe('TOO_LARGE');
    const deep = `<a>${'<b>'.repeat(60)}${'</b>'.repeat(60)}</a>`;
    const error = refusal(deep, { maxChars: 10_000, maxDepth: 48 });
    expect(error.code).toBe('TOO_DEEP');
    expect(error.line).toBe(1);
  });

  it('refuses an unknown verb with its line', () => {
    const error = refusal(xml.replace('>created</msg:Verb>', '>update</msg:Verb>'));
    expect(error.code).toBe('INVALID_MESSAGE');
    expect(error.message).toBe('line 4: unknown verb "update" (IEC 61968-100 allows only the 14 final verbs)');
  });

  it('refuses the draft "www.iec.ch" envelope namespace and a root that does not match the verb', () => {
    expect(
      refusal(xml.replaceAll('http://iec.ch/TC57/2011/MeterReadingsMessage', 'http://www.iec.ch/TC57/2011/MeterReadingsMessage')).message,
    ).toMatch(/not the IEC 61968-100:2013 envelope/);
    expect(refusal(xml.replace('>created</msg:Verb>', '>changed</msg:Verb>')).message).toMatch(
      /root element CreatedMeterReadings does not match verb "changed"/,
    );
  });

  it('refuses a Reply.Result outside OK | PARTIAL | FAILED', () => {
    const reply = buildMessage(fixtures.find((f) => f.name === 'MeterReadingsResponseMessage')!.message).replace('>PARTIAL<', '>MAYBE<');
    expect(refusal(reply).message).toMatch(/Reply\/Result: "MAYBE" is not one of OK, PARTIAL, FAILED/);
  });
});

describe('building refuses what the schemas cannot carry', () => {
  it('an unknown verb, or a verb in the wrong kind of message', () => {
    const bad = { ...created, header: { ...(created as { header: object }).header, verb: 'update' } } as unknown as CimMessage;
    expect(() => buildMessage(bad)).toThrow(CimBuildError);
    const wrongKind = { ...created, kind: 'request' } as CimMessage;
    expect(() => buildMessage(wrongKind)).toThrow(/verb "created" does not belong in a RequestMessage/);
  });

  it('Compressed in a typed wrapper, and execute in a typed wrapper', () => {
    const compressed: CimMessage = {
      kind: 'event',
      header: { verb: 'created', noun: 'MeterReadings' },
      payload: { kind: 'compressed', data: 'H4sI' },
    };
    expect(() => buildMessage(compressed)).toThrow(/generic envelope/);
    expect(buildMessage(compressed, { form: 'generic' })).toContain('<msg:Compressed>H4sI</msg:Compressed>');
    const execute: CimMessage = { kind: 'request', header: { verb: 'execute', noun: 'EndDeviceControls' } };
    expect(() => buildMessage(execute)).toThrow(/no element for verb "execute"/);
  });

  it('text XML 1.0 cannot carry', () => {
    const bad: CimMessage = { kind: 'event', header: { verb: 'created', noun: 'MeterReadings', source: 'a\u0001b' } };
    expect(() => buildMessage(bad)).toThrow(/control character/);
  });
});
