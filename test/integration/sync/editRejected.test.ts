/**
 * Edit of a rejected item (issue 7): the value is fixed with a reason through the register's
 * checks, the correction is kept next to the original reading, a new message goes out, and the
 * refused one stays recorded as rejected without holding back its usage point.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { listRejected } from '../../../electron/services/sync';
import { editableReadings, editRejected } from '../../../electron/services/sync/editRejected';
import { startEnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { readAccepted } from '../../../electron/services/sync/simulator/storage';
import { seededStoreAndSimulator, syncOnce, useClosing } from '../../support/enterpriseSimulator/harness';
import { useTempDir } from '../../support/tempDir';
import { cimDir, xsdSkipReason } from '../../support/xsd';

const actor = { name: 'tech', role: 'technician' } as const;

describe.skipIf(xsdSkipReason !== null)(`edit of a rejected reading${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`, () => {
  const tempDir = useTempDir();
  const closing = useClosing();

  it('re-queues the fixed readings as a new message; the old one stays rejected and no longer holds its usage point back', async () => {
    const dir = tempDir();
    const { store, sim } = await seededStoreAndSimulator(dir, { kind: 'partial', rate: 1 });
    closing(store);
    closing(sim);
    const first = await syncOnce(store, sim.url);
    expect(first.held).toBe(3);
    const rejected = listRejected(store);
    const read = rejected.find(
      (r) =>
        (editableReadings(store, r.noun, r.payload) ?? []).length === 1 && editableReadings(store, r.noun, r.payload)![0]!.value !== null,
    )!;
    const readings = editableReadings(store, read.noun, read.payload)!;
    const target = readings.find((r) => r.value !== null)!;
    const register = store.meters.get(read.usagePointId!)!.registers.find((g) => g.readingType === target.readingType)!;
    // A later visit at the same usage point waits behind the refused message.
    saveManualReadings(
      store,
      actor,
      { usagePointId: read.usagePointId!, values: [{ registerId: register.id, value: String(Math.floor(Number(target.value)) + 5) }] },
      {
        settings: defaultValidationSettings,
        photoDir: join(dir, 'photos'),
        now: new Date('2026-11-24T08:00:00Z'),
      },
    );
    expect(store.outbox.counts().held).toBe(first.held + 1);
    const audits = store.journal.auditCount();

    // Through the register's checks: too many dials is refused and changes nothing.
    expect(() =>
      editRejected(store, actor, {
        messageId: read.messageId,
        values: [{ readingType: target.readingType, value: '9'.repeat(register.dials + 1) }],
        reason: 'typo',
      }),
    ).toThrow(/dials/);
    expect(() =>
      editRejected(store, actor, {
        messageId: read.messageId,
        values: [{ readingType: target.readingType, value: target.value! }],
        reason: 'same',
      }),
    ).toThrow(/No value was changed/);
    expect(store.journal.auditCount()).toBe(audits);
    expect(listRejected(store)).toHaveLength(rejected.length);

    const fixed = String(Math.floor(Number(target.value)) + 1);
    const { messageId } = editRejected(store, actor, {
      messageId: read.messageId,
      values: [{ readingType: target.readingType, value: fixed }],
      reason: 'digit misread',
    });
    expect(messageId).not.toBe(read.messageId);
    const old = store.outbox.get(read.messageId)!;
    expect(old).toMatchObject({ status: 'rejected', supersededBy: messageId, errorCode: '2.4' });
    const replacement = store.outbox.get(messageId)!;
    expect(replacement).toMatchObject({ status: 'pending', noun: 'MeterReadings', usagePointId: read.usagePointId });
    const sentReadings = (
      replacement.payload as { readings: { readingType: string; value: string; qualities: string[]; comment?: string }[] }
    ).readings;
    expect(sentReadings).toHaveLength(readings.length);
    expect(sentReadings.find((r) => r.readingType === target.readingType)).toMatchObject({
      value: fixed,
      comment: 'digit misread',
      qualities: expect.arrayContaining(['2.7.0']) as unknown,
    });
    expect(listRejected(store).map((r) => r.messageId)).not.toContain(read.messageId);
    expect(store.outbox.counts()).toMatchObject({ rejected: rejected.length - 1, held: first.held });
    expect(store.journal.auditCount()).toBe(audits + 1);
    // The original reading is kept; the correction points to it; the register shows the fixed value.
    const versions = store.db
      .prepare(
        'SELECT r.value, r.edited_from FROM readings r JOIN reading_sets s ON s.id = r.reading_set_id WHERE s.usage_point_id = ? AND r.register_id = ? ORDER BY r.id',
      )
      .all(read.usagePointId, register.id) as { value: string; edited_from: number | null }[];
    expect(versions.map((v) => v.value)).toEqual([target.value, String(Math.floor(Number(target.value)) + 5), fixed]);
    expect(versions[2]!.edited_from).not.toBeNull();

    // To an enterprise that checks every message against the schemas: the new message is accepted, the old one never sent again.
    const good = closing(await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise-good'), xsdDir: cimDir }));
    const second = await syncOnce(store, good.url);
    expect(second).toMatchObject({ accepted: 2, rejected: 0 });
    expect(good.acceptedIds()).toContain(messageId);
    expect(good.acceptedIds()).not.toContain(read.messageId);
    expect(readAccepted(join(dir, 'enterprise-good')).find((m) => m.messageId === messageId)!.xml).toContain('digit misread');
    expect(good.stats).toMatchObject({ rejected: 0, invalid: 0 });
  });
});
