/** `fieldmeter import message`: inbound 61968 messages applied in one transaction, or refused with nothing applied. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessage, type CimMessage, type Header, type PayloadBody } from '../../../shared/cim';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { fieldmeterInProcess } from '../../support/cli';
import { csv, row } from '../../support/routeCsv';
import { agreementMessage } from '../../support/switching';
import { useTempDir } from '../../support/tempDir';

const header = (verb: Header['verb'], noun: string, id: string): Header => ({
  verb,
  noun,
  timestamp: '2026-11-01T10:00:00Z',
  source: 'CIS',
  messageID: id,
});
const message = (verb: Header['verb'], body: PayloadBody, id = `msg-${verb}-${body.noun}`): CimMessage => ({
  kind: 'request',
  header: header(verb, body.noun, id),
  payload: { kind: 'xml', body },
});

describe('fieldmeter import message', () => {
  const tempDir = useTempDir();

  /** A database with UP-1 (meter E100, last reading 1000 on 2026-10-01) and UP-2 (meter E2). */
  function seeded() {
    const dir = tempDir();
    const db = join(dir, 'field.db');
    const store = openStore(db);
    importRoute(
      store,
      { name: 't', role: 'technician' },
      {
        fileName: 'r.csv',
        content: csv(row(), row({ seq: '20', up: 'UP-2', serial: 'E2', address: '2 Main St' })),
        acceptValidRows: false,
      },
    );
    store.close();
    const write = (name: string, xml: string) => {
      const file = join(dir, name);
      writeFileSync(file, xml);
      return file;
    };
    const query = <T>(fn: (s: ReturnType<typeof openStore>) => T): T => {
      const s = openStore(db);
      try {
        return fn(s);
      } finally {
        s.close();
      }
    };
    const snapshot = () =>
      query((s) => ({
        devices: s.db.prepare('SELECT id, serial_number, usage_point_id, status FROM end_devices ORDER BY id').all(),
        points: s.db.prepare('SELECT * FROM usage_points ORDER BY id').all(),
        links: s.db.prepare('SELECT * FROM usage_point_links ORDER BY id').all(),
        orders: s.db.prepare('SELECT id FROM work_orders ORDER BY id').all(),
        registers: s.db.prepare('SELECT * FROM registers ORDER BY id').all(),
        inbox: s.db.prepare('SELECT count(*) AS n FROM inbox').get(),
        audit: s.journal.auditCount(),
      }));
    return { dir, db, write, query, snapshot };
  }

  const rejectedCopies = (dir: string) => (existsSync(join(dir, 'inbox-rejected')) ? readdirSync(join(dir, 'inbox-rejected')) : []);

  it('MeterConfig: a new meter arrives in stock, a known one gets its new serial; registers keep their readings', async () => {
    const { db, write, query } = seeded();
    const xml = buildMessage(
      message('create', {
        noun: 'MeterConfig',
        value: {
          meters: [{ serialNumber: 'E900', status: { value: 'inStock' } }, { mRID: 'E2', serialNumber: 'E2-B' }, { serialNumber: 'E100' }],
        },
      }),
      { form: 'generic' },
    );
    const result = await fieldmeterInProcess(['import', 'message', write('meters.xml', xml), '--db', db, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      noun: 'MeterConfig',
      verb: 'create',
      messageId: 'msg-create-MeterConfig',
      applied: { metersAdded: 1, metersUpdated: 1, metersUnchanged: 1 },
    });
    query((s) => {
      expect(s.workOrders.deviceBySerial('E900')).toMatchObject({ status: 'inStock', usagePointId: null });
      expect(s.workOrders.deviceBySerial('E2-B')).toMatchObject({ usagePointId: 'UP-2', status: 'installed' });
      expect(s.meters.get('UP-1')?.registers[0]).toMatchObject({
        lastValue: '1000',
        lastReadAt: expect.stringContaining('2026-10-01') as unknown,
      });
      expect(s.inbox.list()).toMatchObject([{ messageId: 'msg-create-MeterConfig', status: 'applied' }]);
    });
    // Redelivery: recognised by its MessageID, nothing applied twice (`import FILE` alone sees XML: a message).
    const again = await fieldmeterInProcess(['import', write('meters2.xml', xml), '--db', db, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ duplicate: true, applied: {} });
  });

  it('UsagePointConfig: creates a usage point with its address from Names and updates a known one from its ServiceLocation', async () => {
    const { db, write, query } = seeded();
    const xml = buildMessage(
      message('create', {
        noun: 'UsagePointConfig',
        value: {
          usagePoints: [
            { mRID: 'UP-9', names: [{ name: '9 Elm Road', nameType: 'address' }] },
            { mRID: 'UP-1', names: [{ name: 'Premise 4711' }], serviceLocation: { names: [{ name: '1 Main Street' }] } },
          ],
        },
      }),
    );
    const result = await fieldmeterInProcess(['import', 'message', write('up.xml', xml), '--db', db, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      noun: 'UsagePointConfig',
      applied: { usagePointsCreated: 1, usagePointsUpdated: 1 },
    });
    query((s) => {
      expect(s.db.prepare('SELECT address FROM usage_points WHERE id = ?').pluck().get('UP-9')).toBe('9 Elm Road');
      expect(s.meters.get('UP-1')).toMatchObject({ address: '1 Main Street', meterSerial: 'E100' });
    });
  });

  it('MasterDataLinkageConfig: create links a stock meter, close unlinks, and a close during an in-progress work order is refused', async () => {
    const { db, write, query, snapshot } = seeded();
    query((s) => {
      s.workOrders.addStockMeter('E900');
      s.meters.createUsagePoint('UP-9', '9 Elm Road');
    });
    const link = buildMessage(
      message('create', {
        noun: 'MasterDataLinkageConfig',
        value: { meters: [{ names: [{ name: 'E900' }] }], usagePoints: [{ mRID: 'UP-9' }] },
      }),
    );
    const linked = await fieldmeterInProcess(['import', 'message', write('link.xml', link), '--db', db, '--json']);
    expect(linked.code).toBe(0);
    expect(JSON.parse(linked.stdout)).toMatchObject({ verb: 'create', applied: { linked: 1 } });
    query((s) => expect(s.workOrders.meterAt('UP-9')?.serialNumber).toBe('E900'));

    const close = buildMessage(
      message('close', { noun: 'MasterDataLinkageConfig', value: { meters: [{ mRID: 'E2' }], usagePoints: [{ mRID: 'UP-2' }] } }),
    );
    const closed = await fieldmeterInProcess(['import', 'message', write('close.xml', close), '--db', db, '--json']);
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout)).toMatchObject({ verb: 'close', applied: { unlinked: 1 } });
    query((s) => expect(s.workOrders.deviceBySerial('E2')).toMatchObject({ usagePointId: null, status: 'removed' }));

    // A crew is exchanging E900 right now: the master data's close must wait.
    query((s) => {
      s.workOrders.insert({
        id: 'WO-1',
        kind: 'exchange',
        usagePointId: 'UP-9',
        expectedMeterSerial: 'E900',
        description: '',
        source: 'enterprise',
        at: '2026-11-01T09:00:00Z',
      });
      s.workOrders.setStatus({ id: 'WO-1', status: 'inProgress', reason: null, at: '2026-11-01T09:10:00Z' });
    });
    const before = snapshot();
    const busy = buildMessage(
      message(
        'close',
        { noun: 'MasterDataLinkageConfig', value: { meters: [{ mRID: 'E900' }], usagePoints: [{ mRID: 'UP-9' }] } },
        'msg-close-2',
      ),
    );
    const refused = await fieldmeterInProcess(['import', 'message', write('busy.xml', busy), '--db', db, '--verbose']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/work order WO-1 is in progress at UP-9/);
    expect(snapshot()).toEqual(before);
  });

  it("MeterServiceRequests: creates an exchange work order at the old meter's usage point", async () => {
    const { db, write, query } = seeded();
    const xml = buildMessage({
      kind: 'request',
      header: header('create', 'MeterServiceRequests', 'msr-msg-1'),
      payload: {
        kind: 'xml',
        body: {
          noun: 'MeterServiceRequests',
          value: {
            header: { verb: 'create', noun: 'MeterServiceRequests', messageID: 'MSR-77' },
            work: [
              { kind: 'meter', type: 'exchange', priority: 'high', meter: { serialNumber: 'E900' }, oldMeter: { serialNumber: 'E100' } },
            ],
          },
        },
      },
    });
    const result = await fieldmeterInProcess(['import', 'message', write('msr.xml', xml), '--db', db, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      noun: 'MeterServiceRequests',
      messageId: 'msr-msg-1',
      applied: { workOrdersCreated: 1 },
    });
    query((s) =>
      expect(s.workOrders.get('MSR-77')).toMatchObject({
        kind: 'exchange',
        status: 'assigned',
        usagePointId: 'UP-1',
        expectedMeterSerial: 'E100',
      }),
    );
  });

  it('all or nothing: one unknown meter refuses the whole message, with the line, and keeps a copy', async () => {
    const { dir, db, write, snapshot } = seeded();
    const before = snapshot();
    const xml = buildMessage(
      message('create', {
        noun: 'MasterDataLinkageConfig',
        value: { meters: [{ mRID: 'E100' }, { mRID: 'NOPE-1' }], usagePoints: [{ mRID: 'UP-1' }, { mRID: 'UP-2' }] },
      }),
      { pretty: true },
    );
    const file = write('bad-ref.xml', xml);
    const result = await fieldmeterInProcess(['import', 'message', file, '--db', db, '--json', '--verbose']);
    expect(result.code).toBe(1);
    const line = xml.split('\n').findIndex((l) => l.includes('NOPE-1')) + 1;
    // Said from the refusal's code, with the code and the line beside the words.
    expect(result.stderr).toContain('error: Meter “NOPE-1” is not known on this device. The message was refused; nothing was applied.');
    expect(result.stderr).toContain(`  unknownMeter · line ${line}\n`);
    expect(snapshot()).toEqual(before);
    expect(readFileSync(file, 'utf8')).toBe(xml);
    const copies = rejectedCopies(dir);
    expect(copies).toHaveLength(1);
    expect(readFileSync(join(dir, 'inbox-rejected', copies[0] as string), 'utf8')).toBe(xml);
  });

  it('the copy of a refused message that names a customer masks the customer; the file stays as it was', async () => {
    const { dir, db, write } = seeded();
    const xml = buildMessage(
      agreementMessage({
        verb: 'close',
        id: 'MDLC-X',
        agreement: 'CA-NONE',
        usagePoint: 'UP-1',
        customer: 'Maria Schmidt',
        account: 'DE-4400-123456',
        effective: '2026-12-02T00:00:00Z',
      }),
      { pretty: true },
    );
    const file = write('agreement.xml', xml);
    const result = await fieldmeterInProcess(['import', 'message', file, '--db', db, '--verbose']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('CustomerAgreement “CA-NONE” is not known on this device, so it cannot be closed.');
    expect(result.stderr).not.toContain('Maria');
    expect(readFileSync(file, 'utf8')).toBe(xml);
    const copy = readFileSync(join(dir, 'inbox-rejected', rejectedCopies(dir)[0] as string), 'utf8');
    expect(copy).toContain('CA-NONE');
    expect(copy).toContain('<m:name>***</m:name>');
    expect(copy).not.toMatch(/Maria|Schmidt|DE-4400-123456/);
  });

  it('refuses a DOCTYPE entity bomb: nothing applied, file untouched, copy kept', async () => {
    const { dir, db, write, snapshot } = seeded();
    const before = snapshot();
    const good = buildMessage(
      message('create', { noun: 'UsagePointConfig', value: { usagePoints: [{ mRID: 'UP-9', names: [{ name: '&lol9;' }] }] } }),
    );
    const bomb = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      ' <!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      good.replace(/^<\?xml[^>]*>\s*/, '').replace('&amp;lol9;', '&lol9;'),
    ].join('\n');
    const file = write('bomb.xml', bomb);
    const result = await fieldmeterInProcess(['import', 'message', file, '--db', db, '--verbose']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/line 2: .*DOCTYPE|DTD/i);
    expect(snapshot()).toEqual(before);
    expect(readFileSync(file, 'utf8')).toBe(bomb);
    expect(rejectedCopies(dir)).toHaveLength(1);
  });

  it('refuses a noun it does not import, and a file that is not XML; exit 2 on bad usage', async () => {
    const { dir, db, write, snapshot } = seeded();
    const before = snapshot();
    const readings = buildMessage({
      kind: 'event',
      header: header('canceled', 'MeterReadings', 'mr-1'),
      payload: {
        kind: 'xml',
        body: {
          noun: 'MeterReadings',
          value: {
            meterReadings: [
              {
                meter: { mRID: 'E100' },
                readings: [{ timeStamp: '2026-11-01T10:00:00Z', value: '1', readingType: '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0' }],
              },
            ],
          },
        },
      },
    });
    const unknown = await fieldmeterInProcess(['import', 'message', write('mr.xml', readings), '--db', db, '--verbose']);
    expect(unknown.code).toBe(1);
    // MeterReadings come in as an enterprise's get (an on-demand read request) or as its history, never cancelled.
    expect(unknown.stderr).toContain(
      'Verb “canceled” is not imported for MeterReadings (only get, create, created, change, changed, reply).',
    );
    expect(unknown.stderr).toContain('  verbNotImported\n');

    const broken = await fieldmeterInProcess(['import', 'message', write('broken.xml', '<a>\n<b></a>'), '--db', db, '--verbose']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/line 2/);
    expect(snapshot()).toEqual(before);
    expect(rejectedCopies(dir)).toHaveLength(2);

    expect((await fieldmeterInProcess(['import', 'message', '--db', db])).code).toBe(2);
  });
});
