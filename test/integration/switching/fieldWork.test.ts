/**
 * Switch readings and disconnects on a real SQLite store (issue 9): each one transaction with
 * audit and outbox; the reading's ReadingReasonKind, ReadingQuality and agreement reference; the
 * control used and the outcome; bad inputs refused with nothing written; and every queued message
 * checked against the reference XSDs (skipped, with the reason, where xmllint or the XSDs are missing).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoRoute } from '../../../electron/services/fieldmeter';
import { renderForSync } from '../../../electron/services/messages/renderOutbox';
import { openStore, type Store } from '../../../electron/services/store';
import { recordControl } from '../../../electron/services/switching/control';
import { reportNotRead, takeSwitchReading } from '../../../electron/services/switching/switchRead';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { outboxSchemaErrors } from '../../support/outboxXsd';
import { xsdSkipReason } from '../../support/xsd';
import { useTempDir } from '../../support/tempDir';

const actor = { name: 'Tom Technician', role: 'technician' } as const;
const installer = { name: 'Ines Installer', role: 'installer' } as const;
const hours = (h: number) => new Date(Date.now() + h * 3600_000);

describe('switch readings and disconnects (issue 9)', () => {
  const tempDir = useTempDir();
  const open = () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'sw.db'));
    loadDemoRoute(store, actor); // demo switch orders due now, window ±24 h
    return { store, context: (now = new Date()) => ({ settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now }) };
  };
  const values = (store: Store, up: string) =>
    (store.meters.get(up)?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
  const since = (store: Store, n: number) => store.outbox.list().slice(n);
  const payloadOf = (store: Store, messageId: string) =>
    store.outbox.get(messageId)?.payload as {
      readings: { reason?: string; qualities: string[]; comment?: string; value: string | null }[];
      agreement?: string;
      switchOrder?: string;
    };

  it('a move-out reading inside the window: reading, order, audit and a MeterReadings with reason moveOut and the agreement', () => {
    const { store, context } = open();
    const start = store.outbox.list().length;
    const audits = store.journal.auditCount();
    const done = takeSwitchReading(store, actor, { switchOrderId: 'SW-DEMO-MO5', values: values(store, 'UP-1005') }, context());
    expect(done.order).toMatchObject({ status: 'completed', kind: 'moveOut', finishedAt: expect.any(String) as unknown });
    expect(store.switching.get('SW-DEMO-MO5')).toMatchObject({ readingSetId: done.readingSetId, readInWindow: true });
    expect(store.journal.auditCount()).toBe(audits + 2); // the reading, and the switch
    expect(since(store, start).map((e) => `${e.verb} ${e.noun}`)).toEqual(['created MeterReadings']);
    const payload = payloadOf(store, done.messageIds[0] ?? '');
    expect(payload).toMatchObject({ agreement: 'CA-DEMO-5', switchOrder: 'SW-DEMO-MO5' });
    expect(payload.readings[0]).toMatchObject({ reason: 'moveOut', qualities: ['2.4.131'] });
    const xml = renderForSync(store.outbox.get(done.messageIds[0] ?? '')!, { source: 'T' }, 'typed');
    expect(xml).toMatch(/<m:reason>moveOut<\/m:reason>/);
    expect(xml).toMatch(/<msg:Property>\s*<msg:Name>CustomerAgreement<\/msg:Name>\s*<msg:Value>CA-DEMO-5<\/msg:Value>/);
    // Finished: a second reading is refused, nothing written.
    expect(() => takeSwitchReading(store, actor, { switchOrderId: 'SW-DEMO-MO5', values: values(store, 'UP-1005') }, context())).toThrow(
      /already finished/,
    );
    expect(store.outbox.list()).toHaveLength(start + 1);
    store.close();
  });

  it('outside the window: refused without a reason (NEEDS_CONFIRMATION, nothing written); with one, a valid actual reading with the reason as its comment', () => {
    const { store, context } = open();
    const start = store.outbox.list().length;
    const late = context(hours(30));
    expect(() => takeSwitchReading(store, actor, { switchOrderId: 'SW-DEMO-MI6', values: values(store, 'UP-1006') }, late)).toThrow(
      expect.objectContaining({ code: 'NEEDS_CONFIRMATION', message: expect.stringMatching(/after the switch window/) as unknown }),
    );
    expect(store.outbox.list()).toHaveLength(start);
    expect(store.switching.get('SW-DEMO-MI6')?.status).toBe('assigned');
    const done = takeSwitchReading(
      store,
      actor,
      { switchOrderId: 'SW-DEMO-MI6', values: values(store, 'UP-1006'), outOfWindowReason: 'tenant away until today' },
      late,
    );
    expect(store.switching.get('SW-DEMO-MI6')).toMatchObject({ status: 'completed', readInWindow: false });
    const reading = payloadOf(store, done.messageIds[0] ?? '').readings[0];
    // Read on another day is still what the register showed: no 2.10.0 "questionable", the reason says when and why.
    expect(reading).toMatchObject({ reason: 'moveIn', qualities: ['2.4.131'] });
    expect(reading?.comment).toMatch(/after the switch window .*: tenant away until today/);
    store.close();
  });

  it('a supplier switch not read: estimate requested with the reason, readings without value, 2.5.259 and reason billing', () => {
    const { store } = open();
    expect(() => reportNotRead(store, actor, { switchOrderId: 'SW-DEMO-SC8', reasonCode: 'nonsense' })).toThrow(
      /not a reason this device knows/,
    );
    const done = reportNotRead(store, actor, { switchOrderId: 'SW-DEMO-SC8', reasonCode: 'noAccess', note: 'gate locked' });
    expect(done.order.status).toBe('estimateRequested');
    const payload = payloadOf(store, done.messageIds[0] ?? '');
    expect(payload.agreement).toBe('CA-DEMO-8');
    expect(payload.readings).toHaveLength(2); // T1 and T2
    for (const r of payload.readings) {
      expect(r).toMatchObject({ value: null, reason: 'billing', qualities: ['2.5.259'] });
      expect(r.comment).toMatch(/No access: gate locked — not read; please estimate/);
    }
    store.close();
  });

  it('a disconnect by an installer (a technician is refused) with the meter switch: seal applied, reading serviceDisconnect, EndDeviceControls and EndDeviceEvents queued in one go', () => {
    const { store, context } = open();
    const start = store.outbox.list().length;
    expect(() => recordControl(store, actor, { switchOrderId: 'SW-DEMO-DC9', outcome: 'done', action: 'localSwitch' }, context())).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/installer or a supervisor may disconnect/) as unknown }),
    );
    expect(() =>
      recordControl(
        store,
        installer,
        { switchOrderId: 'SW-DEMO-DC9', outcome: 'done', action: 'meterSwitch', controlResult: 'failed' },
        context(),
      ),
    ).toThrow(/switch failed/);
    expect(() => recordControl(store, installer, { switchOrderId: 'SW-DEMO-DC9', outcome: 'done', action: 'none' }, context())).toThrow(
      /how the supply was switched/,
    );
    expect(store.outbox.list()).toHaveLength(start);
    const done = recordControl(
      store,
      installer,
      {
        switchOrderId: 'SW-DEMO-DC9',
        outcome: 'done',
        action: 'meterSwitch',
        controlResult: 'succeeded',
        sealNumber: 'SEAL-9001',
        values: values(store, 'UP-1009'),
      },
      context(),
    );
    expect(done.order.status).toBe('completed');
    expect(since(store, start).map((e) => `${e.verb} ${e.noun}`)).toEqual([
      'created MeterReadings',
      'created EndDeviceControls',
      'created EndDeviceEvents',
    ]);
    const meter = store.workOrders.meterAt('UP-1009');
    expect(store.workOrders.openSeals(meter?.id ?? 0)).toEqual(['SEAL-9001']);
    expect(payloadOf(store, done.messageIds[0] ?? '').readings[0]?.reason).toBe('serviceDisconnect');
    expect(store.outbox.get(done.messageIds[1] ?? '')?.payload).toMatchObject({ controlType: '3.31.0.23', result: 'succeeded' });
    expect(store.outbox.get(done.messageIds[2] ?? '')?.payload).toMatchObject({
      eventType: '3.31.26.68',
      outcome: 'done',
      sealNumber: 'SEAL-9001',
    });
    store.close();
  });

  it('a disconnect refused by the customer: unable to complete, the outcome as MeterServiceRequests (issue 20 §1), no device event, no control', () => {
    const { store, context } = open();
    const start = store.outbox.list().length;
    const done = recordControl(
      store,
      installer,
      { switchOrderId: 'SW-DEMO-DC9', outcome: 'refusedByCustomer', action: 'none', note: 'customer paid at the door' },
      context(),
    );
    expect(done.order.status).toBe('unableToComplete');
    expect(since(store, start).map((e) => `${e.verb} ${e.noun}`)).toEqual(['changed MeterServiceRequests']);
    expect(store.outbox.get(done.messageIds[0] ?? '')?.payload).toMatchObject({
      workOrderId: 'SW-DEMO-DC9',
      kind: 'disconnect',
      status: 'unableToComplete',
      reason: 'refusedByCustomer',
      remark: 'customer paid at the door',
    });
    store.close();
  });

  it("switched by hand: ManualDisconnection x.15.26.68; the meter's switch did not operate: DisconnectFailed x.31.26.84, with the failed control", () => {
    const { store, context } = open();
    const start = store.outbox.list().length;
    const failed = recordControl(
      store,
      installer,
      { switchOrderId: 'SW-DEMO-DC9', outcome: 'unsafe', action: 'meterSwitch', controlResult: 'failed', note: 'relay stuck' },
      context(),
    );
    expect(failed.order.status).toBe('unableToComplete');
    expect(since(store, start).map((e) => e.noun)).toEqual(['EndDeviceControls', 'EndDeviceEvents', 'MeterServiceRequests']);
    expect(store.outbox.get(failed.messageIds[0] ?? '')?.payload).toMatchObject({ controlType: '3.31.0.23', result: 'failed' });
    expect(store.outbox.get(failed.messageIds[1] ?? '')?.payload).toMatchObject({ eventType: '3.31.26.84', controlResult: 'failed' });

    const at = new Date().toISOString();
    store.switching.insert({
      id: 'SW-DC-2',
      kind: 'disconnect',
      usagePointId: 'UP-1009',
      meterSerial: store.workOrders.meterAt('UP-1009')?.serialNumber ?? '',
      agreementId: 'CA-DEMO-9',
      previousAgreementId: null,
      dueAt: at,
      windowStart: at,
      windowEnd: hours(2).toISOString(),
      description: '',
      messageId: 'test-2',
      at,
    });
    const byHand = recordControl(
      store,
      installer,
      { switchOrderId: 'SW-DC-2', outcome: 'done', action: 'localSwitch', sealNumber: 'SEAL-2' },
      context(hours(1)),
    );
    expect(store.outbox.get(byHand.messageIds[0] ?? '')?.payload).toMatchObject({ eventType: '3.15.26.68', action: 'localSwitch' });
    store.close();
  });

  it('a reconnect after the disconnect: the disconnect seal comes off (the cover seal stays), a manual "connected" EndDeviceEvent, no control when switched locally', () => {
    const { store, context } = open();
    const meter = store.workOrders.meterAt('UP-1009');
    store.workOrders.applySeals(meter?.id ?? 0, ['COVER-7'], new Date().toISOString(), 'WO-INSTALL'); // sealed at installation
    recordControl(
      store,
      installer,
      { switchOrderId: 'SW-DEMO-DC9', outcome: 'done', action: 'localSwitch', sealNumber: 'SEAL-1' },
      context(),
    );
    expect(store.workOrders.openSeals(meter?.id ?? 0)).toEqual(['COVER-7', 'SEAL-1']);
    const at = new Date().toISOString();
    store.switching.insert({
      id: 'SW-RC-1',
      kind: 'reconnect',
      usagePointId: 'UP-1009',
      meterSerial: meter?.serialNumber ?? '',
      agreementId: 'CA-DEMO-9',
      previousAgreementId: null,
      dueAt: at,
      windowStart: at,
      windowEnd: hours(2).toISOString(),
      description: '',
      messageId: 'test',
      at,
    });
    const start = store.outbox.list().length;
    const done = recordControl(
      store,
      installer,
      { switchOrderId: 'SW-RC-1', outcome: 'done', action: 'localSwitch', sealNumber: 'SEAL-1' },
      context(hours(1)),
    );
    expect(done.order.status).toBe('completed');
    expect(store.workOrders.openSeals(meter?.id ?? 0)).toEqual(['COVER-7']); // only the disconnect seal came off
    expect(since(store, start).map((e) => e.noun)).toEqual(['EndDeviceEvents']);
    // By hand at the breaker: CX getManualConnectionEventType x.15.26.42, not the remote switch's x.31.26.42.
    expect(store.outbox.get(done.messageIds[0] ?? '')?.payload).toMatchObject({
      eventType: '3.15.26.42',
      action: 'localSwitch',
      controlResult: null,
    });
    store.close();
  });

  describe.skipIf(xsdSkipReason !== null)(`every queued message validates${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`, () => {
    it('MeterReadings (in and out of window, not read), EndDeviceControls and EndDeviceEvents: typed wrappers, envelope and payload', () => {
      const { store, context } = open();
      const start = store.outbox.list().length;
      takeSwitchReading(store, actor, { switchOrderId: 'SW-DEMO-MO5', values: values(store, 'UP-1005') }, context());
      takeSwitchReading(
        store,
        actor,
        { switchOrderId: 'SW-DEMO-MI6', values: values(store, 'UP-1006'), outOfWindowReason: 'tenant away' },
        context(hours(-30)),
      );
      reportNotRead(store, actor, { switchOrderId: 'SW-DEMO-SC8', reasonCode: 'dog' });
      recordControl(
        store,
        installer,
        {
          switchOrderId: 'SW-DEMO-DC9',
          outcome: 'done',
          action: 'meterSwitch',
          controlResult: 'succeeded',
          sealNumber: 'S-1',
          values: values(store, 'UP-1009'),
        },
        context(),
      );
      const at = new Date().toISOString();
      store.switching.insert({
        id: 'SW-RC-3',
        kind: 'reconnect',
        usagePointId: 'UP-1009',
        meterSerial: store.workOrders.meterAt('UP-1009')?.serialNumber ?? '',
        agreementId: 'CA-DEMO-9',
        previousAgreementId: null,
        dueAt: at,
        windowStart: at,
        windowEnd: hours(2).toISOString(),
        description: '',
        messageId: 'test-3',
        at,
      });
      recordControl(
        store,
        installer,
        { switchOrderId: 'SW-RC-3', outcome: 'unsafe', action: 'none', note: 'flooded meter room' },
        context(hours(1)),
      );
      const entries = since(store, start);
      expect(entries.map((e) => e.noun)).toEqual([
        'MeterReadings',
        'MeterReadings',
        'MeterReadings',
        'MeterReadings',
        'EndDeviceControls',
        'EndDeviceEvents',
        'MeterServiceRequests',
      ]);
      expect(outboxSchemaErrors(entries)).toEqual({});
      store.close();
    });
  });
});
