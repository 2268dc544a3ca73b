/**
 * Inbound work-order news on a real SQLite store (issue 8): cancellations from the enterprise
 * (MeterServiceRequests cancel) — a job not yet done is cancelled, one already worked keeps its
 * field data, is flagged and answered — and the PAN join as the head end reports it
 * (EndDeviceEvents, Pairing Connected / Failed). The messages accepted here validate against the
 * reference XSDs (skipped, with the reason, where xmllint or the XSDs are missing).
 */
import { describe, expect, it } from 'vitest';
import { buildMessage, type CimMessage, type Header, type PayloadBody } from '../../../shared/cim';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { DEMO_PAN_DEVICE } from '../../../electron/services/workOrders/demo';
import { completeExchange } from '../../../electron/services/workOrders/exchange';
import { startWorkOrder } from '../../../electron/services/workOrders/lifecycle';
import { commissionPan } from '../../../electron/services/workOrders/pan';
import { openDemoStore } from '../../support/demoStore';
import { useTempDir } from '../../support/tempDir';
import { typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { refusedWith } from '../../support/refusal';

const installer = { name: 'Ines Installer', role: 'installer' } as const;
const CODE = '83FED3407A939723A5C639B26916D505C3B5';

const header = (verb: Header['verb'], noun: string, id: string): Header => ({
  verb,
  noun,
  timestamp: '2026-11-23T10:00:00Z',
  source: 'WFM',
  messageID: id,
});
const message = (verb: Header['verb'], body: PayloadBody, id: string): CimMessage => ({
  kind: verb.endsWith('ed') ? 'event' : 'request',
  header: header(verb, body.noun, id),
  payload: { kind: 'xml', body },
});

/** A cancel of the work orders made from request `requestId` (one MeterServiceWork each). */
const cancelXml = (requestId: string | undefined, works = 1, id = `cancel-${requestId ?? 'none'}`) =>
  buildMessage(
    message(
      'cancel',
      {
        noun: 'MeterServiceRequests',
        value: {
          header: { verb: 'cancel', noun: 'MeterServiceRequests', ...(requestId ? { correlationID: requestId } : {}) },
          work: Array.from({ length: works }, () => ({
            kind: 'meter' as const,
            meter: {},
            status: { value: 'cancelled', reason: 'customer moved out' },
          })),
        },
      },
      id,
    ),
  );

const joinXml = (eui64: string, eventType: string, id: string) =>
  buildMessage(
    message(
      'created',
      {
        noun: 'EndDeviceEvents',
        value: { endDeviceEvents: [{ createdDateTime: '2026-11-23T09:58:00Z', eventType, assets: { mRID: eui64 } }] },
      },
      id,
    ),
  );

describe('inbound cancellations and PAN join status (issue 8)', () => {
  const tempDir = useTempDir();
  const open = () => openDemoStore(tempDir(), installer);

  it('cancels a work order not yet done; one under way is flagged for the crew to report back', () => {
    const store = open();
    startWorkOrder(store, installer, 'WO-DEMO-IN1');
    expect(applyInboundMessage(store, installer, cancelXml('WO-DEMO-RM1')).applied).toEqual({
      workOrdersCancelled: 1,
      workOrdersAlreadyWorked: 0,
      workOrdersUnchanged: 0,
      workOrdersUnknown: 0,
    });
    expect(store.workOrders.get('WO-DEMO-RM1')).toMatchObject({
      status: 'cancelled',
      cancelledWhileActive: false,
      cancelledAfterWork: false,
    });
    applyInboundMessage(store, installer, cancelXml('WO-DEMO-IN1'));
    expect(store.workOrders.get('WO-DEMO-IN1')).toMatchObject({ status: 'cancelled', cancelledWhileActive: true });
    // redelivered under a new MessageID: nothing changes; a request never received is counted, not guessed at
    expect(applyInboundMessage(store, installer, cancelXml('WO-DEMO-RM1', 1, 'again')).applied).toMatchObject({ workOrdersUnchanged: 1 });
    expect(applyInboundMessage(store, installer, cancelXml('MSR-NEVER-SEEN')).applied).toMatchObject({ workOrdersUnknown: 1 });
    store.close();
  });

  it('a cancel of a work order already worked keeps the field data, flags it and reports the outcome back', () => {
    const store = open();
    const old = store.workOrders.meterAt('UP-1001');
    const fresh = store.workOrders.deviceBySerial('E9100001');
    if (!old || !fresh) throw new Error('demo not loaded');
    completeExchange(store, installer, {
      workOrderId: 'WO-DEMO-EX1',
      oldMeter: {
        observedSerial: old.serialNumber,
        finalReadings: store.workOrders
          .registersOf(old.id)
          .map((r) => ({ registerId: r.id, value: '5', confirmation: { method: 'reentered' as const } })),
        finalSource: 'manual',
        sealsRemoved: [],
        disposition: 'returned',
        photoIds: [],
      },
      newMeter: {
        serial: 'E9100001',
        initialReadings: store.workOrders.registersOf(fresh.id).map((r) => ({ registerId: r.id, value: '0' })),
        sealsApplied: [],
        photoIds: [],
      },
      note: '',
    });
    const outbox = store.outbox.list().length;
    const readings = store.readings.list({ usagePointId: 'UP-1001', limit: 50 }).length;
    const result = applyInboundMessage(store, installer, cancelXml('WO-DEMO-EX1'));
    expect(result.applied).toMatchObject({ workOrdersAlreadyWorked: 1 });
    expect(store.workOrders.get('WO-DEMO-EX1')).toMatchObject({ status: 'completed', cancelledAfterWork: true });
    expect(store.workOrders.list().find((o) => o.id === 'WO-DEMO-EX1')?.cancelledAfterWork).toBe(true);
    expect(store.workOrders.meterAt('UP-1001')?.serialNumber).toBe('E9100001');
    expect(store.readings.list({ usagePointId: 'UP-1001', limit: 50 })).toHaveLength(readings);
    const answer = store.outbox.list().slice(outbox);
    expect(answer.map((e) => `${e.verb} ${e.noun}`)).toEqual(['changed MeterServiceRequests']);
    expect(answer[0]?.payload).toMatchObject({ workOrderId: 'WO-DEMO-EX1', status: 'completed' });
    // a second cancel of the same job: nothing more queued
    applyInboundMessage(store, installer, cancelXml('WO-DEMO-EX1', 1, 'cancel-2'));
    expect(store.outbox.list()).toHaveLength(outbox + 1);
    store.close();
  });

  it('refuses a cancel that does not say which request it cancels, applying nothing', () => {
    const store = open();
    const audits = store.journal.auditCount();
    expect(() => applyInboundMessage(store, installer, cancelXml(undefined))).toThrow(
      refusedWith('missingField', { element: 'Header', field: 'CorrelationID' }),
    );
    expect(store.journal.auditCount()).toBe(audits);
    expect(store.workOrders.get('WO-DEMO-RM1')?.status).toBe('assigned');
    store.close();
  });

  it('takes the PAN join from the head end: joined drops the install code, failed keeps it; unknown devices are refused', () => {
    const store = open();
    commissionPan(store, installer, {
      workOrderId: 'WO-DEMO-PAN1',
      deviceType: 'inHomeDisplay',
      eui64: '000D6F000ABCDEF0',
      installCode: CODE,
    });
    const installCode = (eui: string) => store.db.prepare('SELECT install_code FROM end_devices WHERE serial_number = ?').pluck().get(eui);
    expect(applyInboundMessage(store, installer, joinXml('000D6F000ABCDEF0', '15.10.0.42', 'join-1')).applied).toEqual({
      panJoined: 1,
      panJoinFailed: 0,
      eventsNotImported: 0,
    });
    expect(store.workOrders.pansAt('UP-1002')).toEqual([{ eui64: '000D6F000ABCDEF0', deviceType: 'inHomeDisplay', joinStatus: 'joined' }]);
    expect(installCode('000D6F000ABCDEF0')).toBeNull();
    applyInboundMessage(store, installer, joinXml(DEMO_PAN_DEVICE.eui64, '12.10.0.85', 'join-2'));
    expect(store.workOrders.pansAt('UP-1004')[0]?.joinStatus).toBe('failed');
    expect(installCode(DEMO_PAN_DEVICE.eui64)).toBe(DEMO_PAN_DEVICE.installCode);
    expect(applyInboundMessage(store, installer, joinXml(DEMO_PAN_DEVICE.eui64, '3.26.38.85', 'power-1')).applied).toMatchObject({
      eventsNotImported: 1,
    });
    expect(() => applyInboundMessage(store, installer, joinXml('000D6F0000000099', '15.10.0.42', 'join-3'))).toThrow(
      refusedWith('unknownPanDevice', { eui64: '000D6F0000000099' }),
    );
    expect(() => applyInboundMessage(store, installer, joinXml('not-an-eui', '15.10.0.42', 'join-4'))).toThrow(
      refusedWith('badValue', { value: 'not-an-eui', expected: 'eui64' }),
    );
    store.close();
  });

  describe.skipIf(xsdSkipReason !== null)(`the messages accepted validate${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`, () => {
    it('CancelMeterServiceRequests and CreatedEndDeviceEvents against their typed wrappers', () => {
      expect(validateXml(cancelXml('WO-DEMO-RM1', 2), typedXsd('MeterServiceRequests')).errors).toEqual([]);
      expect(validateXml(joinXml('000D6F000ABCDEF0', '15.10.0.42', 'join-1'), typedXsd('EndDeviceEvents')).errors).toEqual([]);
    });
  });
});
