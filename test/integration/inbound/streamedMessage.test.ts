/**
 * Inbound messages are streamed (issue 4): a MeterConfig of thousands of Meters is applied item by
 * item in one transaction, a bad value deep in the file refuses the whole message and names its
 * line, and a Compressed payload (generic envelope, valid against Message.xsd and MeterConfig.xsd)
 * is inflated on the way.
 */
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildMessage, buildPayloadDocument, type CimMessage, type MeterConfig, type PayloadBody } from '../../../shared/cim';
import { compressPayload } from '../../../electron/services/messages/compression';
import { defaultXmlStreamLimits } from '../../../shared/cim/xml/xmlStream';
import { applyInboundFile } from '../../../electron/services/inbound/applyMessage';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore, type Store } from '../../../electron/services/store';
import { csv, row } from '../../support/routeCsv';
import { messageXsdFor, payloadXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'tester', role: 'supervisor' } as const;
const meterConfig = (meters: MeterConfig['meters']): PayloadBody => ({ noun: 'MeterConfig', value: { meters } });
const create = (
  payload: CimMessage extends infer M ? (M extends { kind: 'request'; payload?: infer P } ? P : never) : never,
  id: string,
): CimMessage => ({
  kind: 'request',
  header: { verb: 'create', noun: 'MeterConfig', timestamp: '2026-11-01T10:00:00Z', source: 'CIS', messageID: id },
  payload,
});
const stockMeters = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ serialNumber: `S${String(i + 1).padStart(6, '0')}`, status: { value: 'inStock' } }));

describe('streamed inbound messages', () => {
  const tempDir = useTempDir();

  function setUp() {
    const dir = tempDir();
    const store = openStore(join(dir, 'fm.db'));
    importRoute(store, actor, {
      fileName: 'r.csv',
      content: csv(row(), row({ seq: '20', up: 'UP-2', serial: 'E2' })),
      acceptValidRows: false,
    });
    const file = (name: string, xml: string) => {
      const path = join(dir, name);
      writeFileSync(path, xml);
      return path;
    };
    const counts = (s: Store) =>
      s.db
        .prepare(
          'SELECT (SELECT count(*) FROM end_devices) AS devices, (SELECT count(*) FROM inbox) AS inbox, (SELECT count(*) FROM audit_log) AS audit',
        )
        .get();
    return { store, file, counts };
  }

  function refusalOf(fn: () => unknown): { code: string; message: string; details?: unknown } {
    try {
      fn();
    } catch (error) {
      return error as { code: string; message: string; details?: unknown };
    }
    throw new Error('not refused');
  }

  it('applies 3,000 Meters item by item; one bad status near the end refuses them all and names its line', () => {
    const { store, file, counts } = setUp();
    const meters = stockMeters(3_000);
    meters[2_899] = { serialNumber: 'S-BAD', status: { value: 'lost' } };
    const bad = buildMessage(create({ kind: 'xml', body: meterConfig(meters) }, 'big-1'), { form: 'typed' });
    const before = counts(store);
    const refused = refusalOf(() => applyInboundFile(store, actor, file('bad.xml', bad)));
    const badLine = bad.slice(0, bad.indexOf('>lost<')).split('\n').length;
    expect(refused).toMatchObject({ code: 'IMPORT_REJECTED', details: { line: badLine } });
    expect(refused.details).toMatchObject({
      refusal: { code: 'statusWordUnknown', details: { serial: 'S-BAD', word: 'lost' }, line: badLine },
    });
    expect(counts(store)).toEqual(before);

    const good = buildMessage(create({ kind: 'xml', body: meterConfig(stockMeters(3_000)) }, 'big-2'), { form: 'typed' });
    expect(applyInboundFile(store, actor, file('good.xml', good), { fileName: 'good.xml' })).toEqual({
      noun: 'MeterConfig',
      verb: 'create',
      messageId: 'big-2',
      applied: { metersAdded: 3_000, metersUpdated: 0, metersUnchanged: 0 },
    });
    expect(store.workOrders.deviceBySerial('S003000')).toMatchObject({ status: 'inStock', usagePointId: null });
    expect(store.inbox.list()).toMatchObject([{ messageId: 'big-2', status: 'applied', changes: [{ metersAdded: 3_000 }] }]);
    store.close();
  });

  it.skipIf(xsdSkipReason !== null)('applies a Compressed payload (base64 gzip), valid against Message.xsd and MeterConfig.xsd', () => {
    const { store, file } = setUp();
    const body = meterConfig([
      { serialNumber: 'C-1', status: { value: 'inStock' } },
      { mRID: 'E2', serialNumber: 'E2-NEW' },
    ]);
    const xml = buildMessage(create(compressPayload({ kind: 'xml', body, format: 'XML' }), 'gz-1'), { form: 'generic' });
    expect(xml).toMatch(/<msg:Compressed>H4sI/);
    expect(validateXml(xml, messageXsdFor('MeterConfig'))).toEqual({ valid: true, errors: [] });
    expect(validateXml(buildPayloadDocument({ kind: 'xml', body }), payloadXsd('MeterConfig'))).toEqual({ valid: true, errors: [] });

    expect(applyInboundFile(store, actor, file('gz.xml', xml))).toMatchObject({
      messageId: 'gz-1',
      applied: { metersAdded: 1, metersUpdated: 1 },
    });
    expect(store.workOrders.deviceBySerial('C-1')).toMatchObject({ status: 'inStock' });
    expect(store.workOrders.deviceBySerial('E2-NEW')).toMatchObject({ usagePointId: 'UP-2' });
    store.close();
  });

  it('refuses a Compressed payload that is not gzip, not base64, holds a DOCTYPE or a bad value — applying nothing', () => {
    const { store, file, counts } = setUp();
    const before = counts(store);
    const generic = (data: string, id: string) => buildMessage(create({ kind: 'compressed', data }, id), { form: 'generic' });
    const gz = (text: string) => gzipSync(Buffer.from(text)).toString('base64');
    const refuse = (name: string, xml: string) => refusalOf(() => applyInboundFile(store, actor, file(name, xml))).message;

    expect(refuse('plain.xml', generic('bm90IGd6aXA=', 'c-1'))).toMatch(/not gzip/);
    expect(refuse('b64.xml', generic('H4sI!!!!', 'c-2'))).toMatch(/not base64/);
    expect(refuse('dtd.xml', generic(gz('<!DOCTYPE x [<!ENTITY a "b">]><MeterConfig/>'), 'c-3'))).toMatch(/DOCTYPE/);
    const both = generic(gz(buildPayloadDocument({ kind: 'xml', body: meterConfig([{ serialNumber: 'C-7' }]) })), 'c-6').replace(
      '</msg:Compressed>',
      '</msg:Compressed><m:MeterConfig xmlns:m="http://iec.ch/TC57/2011/MeterConfig#"/>',
    );
    expect(refuse('both.xml', both)).toMatch(/both Compressed and MeterConfig/);
    // A gzip bomb: 5 kB of base64 inflating to 5 MB, over a 1 MB limit, refused as it inflates.
    const bomb = generic(gzipSync(Buffer.concat([Buffer.from('<MeterConfig>'), Buffer.alloc(5_000_000, 0x20)])).toString('base64'), 'c-5');
    const limits = { ...defaultXmlStreamLimits, maxChars: 1_000_000 };
    expect(refusalOf(() => applyInboundFile(store, actor, file('bomb.xml', bomb), { limits })).message).toMatch(
      /exceeds the limit of 1000000 characters/,
    );
    const badValue = buildPayloadDocument({
      kind: 'xml',
      body: meterConfig([{ serialNumber: 'C-2' }, { serialNumber: 'C-3', status: { value: 'lost' } }]),
    });
    const line = badValue.slice(0, badValue.indexOf('>lost<')).split('\n').length;
    expect(refuse('value.xml', generic(gz(badValue), 'c-4'))).toMatch(
      new RegExp(`^line ${line}: Meter C-3: the status “lost” is not one the integration profile “[^”]+” knows`),
    );
    expect(counts(store)).toEqual(before);
    store.close();
  });
});
