import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readingQuality } from '../../../shared/cim/readingQuality';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { runExport } from '../../../electron/services/exports/runExport';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { approve, editReading, returnToTechnician } from '../../../electron/services/review/decide';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore, type Store } from '../../../electron/services/store';
import { csv, KWH_T1, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';

const tech = { name: 'Tina', role: 'technician' } as const;
const boss = { name: 'Sam', role: 'supervisor' } as const;

/** One meter read with a serial mismatch (a warning that needs only a note) → one queue item. */
function seed(dir: string): { store: Store; setId: string; readingId: number } {
  const store = openStore(join(dir, 'fieldmeter.db'));
  importRoute(store, tech, { fileName: 'r.csv', content: csv(row({ type: KWH_T1 })), acceptValidRows: false });
  const meter = store.meters.get('UP-1')!;
  const saved = saveManualReadings(
    store,
    tech,
    {
      usagePointId: 'UP-1',
      values: [{ registerId: meter.registers[0]!.id, value: '1500' }],
      observedSerial: 'X999',
      note: 'plate unreadable',
    },
    { settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now: new Date('2026-11-23T09:00:00Z') },
  );
  return { store, setId: saved.readingSetId, readingId: saved.readings[0]!.id };
}

const outboxCount = (store: Store) => store.db.prepare('SELECT count(*) FROM outbox').pluck().get();

describe('review queue', () => {
  const tempDir = useTempDir();

  it('a correction must fit the register, and becomes the last reading the next visit is checked against', () => {
    const { store, readingId } = seed(tempDir());
    const register = () => store.meters.get('UP-1')!.registers[0]!;
    expect(register().lastValue).toBe('1500');
    expect(() => editReading(store, boss, readingId, '123456789012345678901', 'typo')).toThrow(/register/);
    expect(store.review.list({ limit: 10 })[0]!.status).toBe('pending');
    editReading(store, boss, readingId, '1450', 'digit misread');
    expect(register().lastValue).toBe('1450');
  });

  it('lists a reading with warnings; a technician is refused; a supervisor approves and returns with audit', () => {
    const { store, setId } = seed(tempDir());
    const [item] = store.review.list({ limit: 10 });
    expect(item).toMatchObject({
      kind: 'reading_set',
      id: setId,
      status: 'pending',
      technician: 'Tina',
      reasons: ['serialMismatch'],
      route: 'R1',
    });
    expect(() => approve(store, tech, 'reading_set', setId)).toThrow(/Only a supervisor may approve a visit.*a supervisor must sign in/);
    expect(approve(store, boss, 'reading_set', setId).status).toBe('approved');
    expect(returnToTechnician(store, boss, 'reading_set', setId, 'Photo the plate').status).toBe('returned');
    expect(store.review.list({ status: 'returned', limit: 10 })[0]?.comment).toBe('Photo the plate');
    const audit = store.review.audit('review', 10);
    expect(audit.map((a) => [a.action, a.actor, a.role])).toEqual([
      ['review.return', 'Sam', 'supervisor'],
      ['review.approve', 'Sam', 'supervisor'],
    ]);
    store.close();
  });

  it('an edit keeps the original, stores the corrected value as "edited" and queues a corrected message, in one go', () => {
    const { store, readingId, setId } = seed(tempDir());
    const before = outboxCount(store);
    const item = editReading(store, boss, readingId, '1450', 'digit misread');
    expect(item.status).toBe('edited');
    expect(item.readings.map((r) => [r.id, r.value, r.editedFrom])).toEqual([
      [readingId, '1500', null],
      [expect.any(Number), '1450', readingId],
    ]);
    const corrected = store.db.prepare('SELECT qualities FROM readings WHERE edited_from = ?').pluck().get(readingId) as string;
    expect(JSON.parse(corrected)).toContain(readingQuality.edited);
    expect(outboxCount(store)).toBe(Number(before) + 1);
    const payload = JSON.parse(store.db.prepare('SELECT payload FROM outbox ORDER BY id DESC LIMIT 1').pluck().get() as string);
    expect(payload.readings[0]).toMatchObject({
      value: '1450',
      comment: 'digit misread',
      qualities: expect.arrayContaining([readingQuality.edited]),
    });
    expect(store.review.audit(setId, 5)[0]).toMatchObject({ action: 'review.edit', role: 'supervisor' });
    expect(JSON.parse(store.review.audit(setId, 5)[0]!.details)).toMatchObject({ before: '1500', after: '1450' });
    store.close();
  });

  it('refuses UPDATE and DELETE on audit_log in the database itself', () => {
    const { store } = seed(tempDir());
    expect(() => store.db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    store.close();
  });
});

describe('exports', () => {
  const tempDir = useTempDir();

  it('writes the documented CSV columns through csv-stringify, and refuses a technician', async () => {
    const dir = tempDir();
    const { store } = seed(dir);
    await expect(runExport(store, tech, 'csv', {}, join(dir, 'x.csv'))).rejects.toThrow(/Only a supervisor may export/);
    const result = await runExport(store, boss, 'csv', { route: 'R1', from: '2026-11-23', to: '2026-11-23' }, join(dir, 'out.csv'));
    expect(result.rows).toBe(1);
    const records = parse(readFileSync(result.path, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(records[0]).toMatchObject({
      route: 'R1',
      usage_point: 'UP-1',
      value: '1500',
      warnings: 'serialMismatch',
      review_status: 'pending',
      qualities: readingQuality.manuallyEntered,
    });
    expect((await runExport(store, boss, 'csv', { from: '2026-11-24' }, join(dir, 'none.csv'))).rows).toBe(0);
    store.close();
  });

  it('writes a PDF report on a worker thread with progress, and a cancelled export keeps no file', async () => {
    const dir = tempDir();
    const { store } = seed(dir);
    const progress: [number, number][] = [];
    const result = await runExport(store, boss, 'pdf', {}, join(dir, 'out.pdf'), {
      workerFrom: 0,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(readFileSync(result.path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(progress).toContainEqual([0, 1]); // the total, once the rows are known
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(runExport(store, boss, 'csv', {}, join(dir, 'gone.csv'), { workerFrom: 0, signal: cancelled.signal })).rejects.toThrow(
      /cancelled/,
    );
    expect(existsSync(join(dir, 'gone.csv'))).toBe(false);
    store.close();
  }, 60_000);

  it.skipIf(xsdSkipReason !== null)(
    `writes MeterReadings XML valid against CX MeterReadingsMessage.xsd${xsdSkipReason ? ` (skipped: ${xsdSkipReason})` : ''}`,
    async () => {
      const dir = tempDir();
      const { store } = seed(dir);
      const result = await runExport(store, boss, 'xml', {}, join(dir, 'out.xml'));
      const check = validateXml(readFileSync(result.path, 'utf8'), typedXsd('MeterReadings'));
      expect(check.errors).toEqual([]);
      expect(check.valid).toBe(true);
      store.close();
    },
  );
});
