/**
 * The final readings of a removal or exchange and the initial readings of an install are real
 * reads (issue 17 §3, issue 20 §1): they get a route read's checks on the Node side — dials and
 * decimals, lower than last → rollover or confirmation with a reason — and go out in MeterReadings
 * with the IEC 61968-9 ReadingReasonKind `removal` / `installation`, validated against the XSDs.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/contract/result';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { registerSpan } from '../../../shared/domain/decimal';
import { renderForSync } from '../../../electron/services/messages/renderOutbox';
import type { Store } from '../../../electron/services/store';
import { completeInstall, completeRemoval, type RemovalRequest } from '../../../electron/services/workOrders/meterJobs';
import { outboxSchemaErrors } from '../../support/outboxXsd';
import { openDemoStore } from '../../support/demoStore';
import { useTempDir } from '../../support/tempDir';
import { xsdSkipReason } from '../../support/xsd';

const installer = { name: 'Ines Installer', role: 'installer' } as const;
type Final = RemovalRequest['oldMeter']['finalReadings'][number];

function removal(
  store: Store,
  valueOf: (r: { id: number; lastValue: string | null; dials: number }) => Omit<Final, 'registerId'>,
): RemovalRequest {
  const old = store.workOrders.meterAt('UP-1008');
  if (!old) throw new Error('demo not loaded');
  const finalReadings = store.workOrders.registersOf(old.id).map((r) => ({ registerId: r.id, ...valueOf(r) }));
  return {
    workOrderId: 'WO-DEMO-RM1',
    oldMeter: {
      observedSerial: old.serialNumber,
      finalReadings,
      finalSource: 'manual',
      sealsRemoved: [],
      disposition: 'returned',
      photoIds: [],
    },
    note: '',
  };
}

function caught(run: () => unknown): AppError {
  try {
    run();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('job readings are real reads', () => {
  const tempDir = useTempDir();
  const open = () => openDemoStore(tempDir(), installer);

  it('asks to confirm a final reading far below the last one, and writes nothing until it is', () => {
    const store = open();
    const outbox = store.outbox.list().length;
    const audits = store.journal.auditCount();
    const error = caught(() =>
      completeRemoval(
        store,
        installer,
        removal(store, () => ({ value: '1000' })),
      ),
    );
    expect(error.code).toBe('NEEDS_CONFIRMATION');
    const registers = (error.details as { registers: { registerId: number; warnings: { kind: string }[] }[] }).registers;
    expect(registers.map((r) => r.warnings.map((w) => w.kind))).toEqual([['lowerThanPrevious'], ['lowerThanPrevious']]);
    expect(store.outbox.list()).toHaveLength(outbox);
    expect(store.journal.auditCount()).toBe(audits);
    expect(store.workOrders.get('WO-DEMO-RM1')?.status).toBe('assigned');
    store.close();
  });

  it('refuses a final reading with more digits than the register has dials', () => {
    const store = open();
    const error = caught(() =>
      completeRemoval(
        store,
        installer,
        removal(store, (r) => ({ value: `1${registerSpan(r.dials)}` })),
      ),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/dials/);
    store.close();
  });

  it('counts a final reading past all nines as a rollover, with no confirmation', () => {
    const store = open();
    const old = store.workOrders.meterAt('UP-1008');
    const regs = store.workOrders.registersOf(old?.id ?? 0);
    const lastReadAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
    for (const r of regs) store.meters.setLastValue(r.id, `${'9'.repeat(r.dials - 1)}0`, lastReadAt);
    completeRemoval(
      store,
      installer,
      removal(store, () => ({ value: '3' })),
    );
    const finals = store.readings.list({ usagePointId: 'UP-1008', limit: 10 }).filter((r) => r.value === '3');
    expect(finals.map((r) => r.warnings.map((w) => w.kind))).toEqual([['rollover'], ['rollover']]);
    store.close();
  });

  it('keeps a confirmed final reading with 2.5.256 and its reason, and sends it with the reading reason removal', () => {
    const store = open();
    const start = store.outbox.list().length;
    completeRemoval(
      store,
      installer,
      removal(store, () => ({ value: '1000', confirmation: { method: 'reason', reason: 'register replaced before' } })),
    );
    const finals = store.readings.list({ usagePointId: 'UP-1008', limit: 10 }).filter((r) => r.value === '1000');
    expect(finals).toHaveLength(2);
    for (const f of finals) {
      expect(f.qualities).toContain(readingQuality.outsideExpectedRange);
      expect(f.confirmation).toEqual({ method: 'reason', reason: 'register replaced before' });
    }
    const readings = store.outbox
      .list()
      .slice(start)
      .find((e) => e.noun === 'MeterReadings');
    const sent = (readings?.payload as { readings: { reason?: string; comment?: string }[] }).readings;
    expect(sent.map((r) => r.reason)).toEqual(['removal', 'removal']);
    expect(sent[0]?.comment).toMatch(/register replaced before/);
    store.close();
  });

  it('checks an install’s initial reading against the history of a meter that comes back from stock', () => {
    const store = open();
    const fresh = store.workOrders.deviceBySerial('E9100002');
    const regs = store.workOrders.registersOf(fresh?.id ?? 0);
    // A returned meter keeps its last reading: the new connection's first read continues from it.
    for (const r of regs) store.meters.setLastValue(r.id, '5000', new Date(Date.now() - 10 * 86_400_000).toISOString());
    const request = (value: string) => ({
      workOrderId: 'WO-DEMO-IN1',
      newMeter: { serial: 'E9100002', initialReadings: regs.map((r) => ({ registerId: r.id, value })), sealsApplied: [], photoIds: [] },
      note: '',
    });
    expect(caught(() => completeInstall(store, installer, request('12'))).code).toBe('NEEDS_CONFIRMATION');
    const start = store.outbox.list().length;
    completeInstall(store, installer, request('5000'));
    const readings = store.outbox
      .list()
      .slice(start)
      .find((e) => e.noun === 'MeterReadings');
    expect((readings?.payload as { readings: { reason?: string }[] }).readings.map((r) => r.reason)).toEqual(
      regs.map(() => 'installation'),
    );
    store.close();
  });

  describe.skipIf(xsdSkipReason !== null)(`the reading reasons validate${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`, () => {
    it('MeterReadings of a removal and an install carry <reason> and pass the XSDs', () => {
      const store = open();
      const start = store.outbox.list().length;
      completeRemoval(
        store,
        installer,
        removal(store, (r) => ({ value: r.lastValue ?? '0' })),
      );
      const fresh = store.workOrders.deviceBySerial('E9100002');
      const regs = store.workOrders.registersOf(fresh?.id ?? 0);
      completeInstall(store, installer, {
        workOrderId: 'WO-DEMO-IN1',
        newMeter: {
          serial: 'E9100002',
          initialReadings: regs.map((r) => ({ registerId: r.id, value: '0' })),
          sealsApplied: [],
          photoIds: [],
        },
        note: '',
      });
      const entries = store.outbox.list().slice(start);
      expect(outboxSchemaErrors(entries)).toEqual({});
      const xml = entries.filter((e) => e.noun === 'MeterReadings').map((e) => renderForSync(e, { source: 'FIELDMETER-TEST' }, 'generic'));
      expect(xml[0]).toMatch(/<(\w+:)?reason>removal<\/(\w+:)?reason>/);
      expect(xml[1]).toMatch(/<(\w+:)?reason>installation<\/(\w+:)?reason>/);
      store.close();
    });
  });
});
