/** A kept copy of a refused message masks the customers in it (issue 9), whatever shape the text is in. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildMessage } from '../../../shared/cim';
import { maskPersonalData } from '../../../electron/services/inbound/personalData';
import { agreementMessage, switchRequest, switchWork, typedXml } from '../../support/switching';

const person = /Maria|Schmidt|DE-4400-123456|Lindenweg|0171/;

describe('maskPersonalData', () => {
  it('masks names and the account of an agreement link, keeping its structure, identifiers, supplier and tariff', () => {
    const xml = buildMessage(
      agreementMessage({
        id: 'MDLC-1',
        agreement: 'CA-77',
        usagePoint: 'UP-1010',
        customer: 'Maria Schmidt',
        account: 'DE-4400-123456',
        supplier: 'Nordstrom AG',
        tariff: 'H0-Green',
        effective: '2026-12-02T00:00:00Z',
      }),
      { pretty: true },
    );
    expect(xml).toMatch(person);
    const masked = maskPersonalData(xml);
    expect(masked).not.toMatch(person);
    for (const kept of ['C-CA-77', 'CA-77', 'UP-1010', 'Nordstrom AG', 'H0-Green', 'MDLC-1', '2026-12-02T00:00:00Z'])
      expect(masked).toContain(kept);
    // Same elements, same lines: the line a refusal names still points at the same place.
    expect(masked.split('\n').length).toBe(xml.split('\n').length);
    expect(masked.replace(/>[^<]*</g, '><')).toBe(xml.replace(/>[^<]*</g, '><'));
  });

  it('masks the customer of a switch order but keeps the agreement it refers to', () => {
    const xml = typedXml(
      switchRequest('create', 'MSG-SW-1', 'SW-77', [
        switchWork({ type: 'moveIn', meter: 'E3100010', agreements: ['CA-77'], customer: 'Maria Schmidt' }),
      ]),
    );
    const masked = maskPersonalData(xml);
    expect(xml).toContain('Maria Schmidt');
    expect(masked).not.toContain('Maria');
    expect(masked).toContain('CA-77');
    expect(masked).toContain('E3100010');
  });

  it('masks text that is not well-formed: a Customer left open, CDATA, contacts, a self-closing element', () => {
    const open = '<m:Customer><m:mRID>C-1</m:mRID><m:Names><m:name>Maria Schmidt</m:name></m:Names><m:phone1>0171 555';
    expect(maskPersonalData(open)).toBe('<m:Customer><m:mRID>C-1</m:mRID><m:Names><m:name>***</m:name></m:Names><m:phone1>***');
    const cdata =
      '<Customer><Names><name><![CDATA[Maria <Schmidt>]]></name></Names><streetDetail>Lindenweg 4</streetDetail></Customer><Meter><mRID>E1</mRID></Meter>';
    expect(maskPersonalData(cdata)).toBe(
      '<Customer><Names><name>***</name></Names><streetDetail>***</streetDetail></Customer><Meter><mRID>E1</mRID></Meter>',
    );
    expect(maskPersonalData('<Customer/><name>Not a customer</name>')).toBe('<Customer/><name>Not a customer</name>');
    // An agreement is often named after its customer (issue 18): its name is masked, its other data kept.
    expect(maskPersonalData('<CustomerAgreement><name>Maria Schmidt household</name><mRID>CA-1</mRID></CustomerAgreement>')).toBe(
      '<CustomerAgreement><name>***</name><mRID>CA-1</mRID></CustomerAgreement>',
    );
    // A closing CustomerAgreements inside a Customer does not end it.
    expect(maskPersonalData('<Customer><CustomerAgreements><mRID>CA-1</mRID></CustomerAgreements><name>Maria</name></Customer>')).toBe(
      '<Customer><CustomerAgreements><mRID>CA-1</mRID></CustomerAgreements><name>***</name></Customer>',
    );
  });

  it('leaves out a compressed payload of a noun that names customers, and keeps one of any other noun', () => {
    const zipped = gzipSync('<Customer><name>Maria Schmidt</name></Customer>').toString('base64');
    const message = (noun: string) =>
      `<RequestMessage><Header><Verb>create</Verb><Noun>${noun}</Noun></Header><Payload><Compressed>${zipped}</Compressed></Payload></RequestMessage>`;
    expect(maskPersonalData(message('MasterDataLinkageConfig'))).toContain(
      '<Compressed>(left out of this copy: it may name customers)</Compressed>',
    );
    expect(maskPersonalData(message('MeterServiceRequests'))).not.toContain(zipped);
    // A MeterConfig may carry meter keys (SecurityKeys): its compressed payload is left out too.
    expect(maskPersonalData(message('MeterConfig'))).toContain('<Compressed>(left out of this copy: it may hold meter keys)</Compressed>');
    expect(maskPersonalData(message('EndDeviceControls'))).toContain(zipped);
  });

  it('masks the keys in a meter’s SecurityKeys, wrapped or not, and keeps the accessor names', () => {
    const xml = [
      '<m:Meter><m:serialNumber>E3100050</m:serialNumber><m:SecurityKeys><sec:securityKey>',
      '<sec:wrapKeyInfo Label="hsm"><sec:SymmetricKey><xenc:CipherData><xenc:CipherValue>V1JBUA==</xenc:CipherValue></xenc:CipherData></sec:SymmetricKey></sec:wrapKeyInfo>',
      '<sec:securityAccessorName>dlms.encryption</sec:securityAccessorName>',
      '<sec:securityAccessorKey><xenc:CipherData><xenc:CipherValue>AAECAwQFBgcICQoLDA0ODw==</xenc:CipherValue></xenc:CipherData></sec:securityAccessorKey>',
      '</sec:securityKey></m:SecurityKeys></m:Meter>',
    ].join('\n');
    const masked = maskPersonalData(xml);
    expect(masked).not.toContain('AAECAwQFBgcICQoLDA0ODw==');
    expect(masked).not.toContain('V1JBUA==');
    expect(masked).toContain('<sec:securityAccessorName>dlms.encryption</sec:securityAccessorName>');
    expect(masked).toContain('<m:serialNumber>E3100050</m:serialNumber>');
    expect(masked.split('\n')).toHaveLength(5);
  });

  it('masks a key wherever a refused message puts it, outside SecurityKeys too', () => {
    const xml = [
      '<m:Meter><m:serialNumber>E3100050</m:serialNumber>',
      '<xenc:CipherData><xenc:CipherValue>QUJDREVGR0hJSktMTU5PUA==</xenc:CipherValue></xenc:CipherData>',
      '<sec:securityAccessorKey>AAECAwQFBgcICQoLDA0ODw==</sec:securityAccessorKey></m:Meter>',
    ].join('\n');
    const masked = maskPersonalData(xml);
    expect(masked).not.toContain('QUJDREVGR0hJSktMTU5PUA==');
    expect(masked).not.toContain('AAECAwQFBgcICQoLDA0ODw==');
    expect(masked).toContain('<m:serialNumber>E3100050</m:serialNumber>');
    expect(masked.split('\n')).toHaveLength(3);
  });

  it('a comment or processing instruction inside a name does not split it into a masked and an unmasked part (issue 18)', () => {
    const xml = [
      '<m:Customer xmlns:m="http://iec.ch/TC57/2011/MasterDataLinkageConfig#"><m:mRID>C-1</m:mRID>',
      '<m:Names><m:name>Ma<!-- x -->ria Sch<?pi x?>midt</m:name></m:Names>',
      '<m:Names><m:name><![CDATA[Lin]]>denweg<!---->4</m:name></m:Names></m:Customer>',
    ].join('\n');
    const masked = maskPersonalData(xml);
    for (const part of ['Ma', 'ria', 'Sch', 'midt', 'Lin', 'denweg', ' x ', 'pi x']) expect(masked).not.toContain(`>${part}`);
    expect(masked).not.toMatch(/ria|midt|denweg|Schmidt/);
    expect(masked).toContain('<m:mRID>C-1</m:mRID>');
    expect(masked.split('\n').length).toBe(3);
  });

  it('masks the names of agreements and usage points, keeping their identifiers', () => {
    const xml =
      '<m:UsagePoint><m:mRID>UP-1</m:mRID><m:Names><m:name>Schmidt, Lindenweg 4</m:name></m:Names></m:UsagePoint>' +
      '<m:CustomerAgreement><m:mRID>CA-7</m:mRID><m:Names><m:name>Maria<!-- -->Schmidt</m:name></m:Names></m:CustomerAgreement>';
    const masked = maskPersonalData(xml);
    expect(masked).not.toMatch(person);
    expect(masked).not.toContain('Schmidt');
    expect(masked).toContain('UP-1');
    expect(masked).toContain('CA-7');
  });

  it('copies a message that is not well-formed up to where it stops, and says the rest is left out', () => {
    const masked = maskPersonalData('<Customer><name>Maria</name></Customer><Meter><mRID>E1</oops><name>Schmidt</name>');
    expect(masked).toMatch(
      /^<Customer><name>\*\*\*<\/name><\/Customer><Meter><mRID>E1<!-- the rest is left out of this copy: .*does not close <mRID>/,
    );
    expect(masked).not.toContain('Schmidt');
    expect(maskPersonalData('<!DOCTYPE x [<!ENTITY a "Maria">]><Customer>&a;</Customer>')).not.toContain('Maria');
  });
});
