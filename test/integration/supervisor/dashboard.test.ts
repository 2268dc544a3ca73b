import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dashboard as dashboardSchema } from '../../../shared/contract/supervisorEntities';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter } from '../../../electron/services/fieldmeter';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { skipVisit } from '../../../electron/services/readings/skipVisit';
import { approve } from '../../../electron/services/review/decide';
import { importRoute } from '../../../electron/services/routes/importRoute';
import type { Store } from '../../../electron/services/store';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { signInAs } from '../../support/profiles';

const tina = { name: 'Tina', role: 'technician' } as const;
const tom = { name: 'Tom', role: 'technician' } as const;
const boss = { name: 'Sam', role: 'supervisor' } as const;

function read(store: Store, dir: string, usagePointId: string, value: string, at: string, observedSerial?: string) {
  const meter = store.meters.get(usagePointId)!;
  return saveManualReadings(
    store,
    observedSerial ? tina : tom,
    {
      usagePointId,
      values: [{ registerId: meter.registers[0]!.id, value }],
      ...(observedSerial ? { observedSerial, note: 'plate swapped' } : {}),
    },
    { settings: defaultValidationSettings, photoDir: join(dir, 'photos'), now: new Date(at) },
  );
}

describe('dashboard', () => {
  const tempDir = useTempDir();

  it('counts progress per route, technician and day, warnings to review and the outbox backlog from the database', async () => {
    const dir = tempDir();
    const app = startFieldmeter({ databasePath: join(dir, 'fm.db'), host: 'web' });
    await signInAs(app, 'technician');
    try {
      const { store } = app;
      const content = csv(
        row({ route: 'R1', seq: '10', up: 'UP-1', serial: 'E1' }),
        row({ route: 'R1', seq: '20', up: 'UP-2', serial: 'E2' }),
        row({ route: 'R1', seq: '30', up: 'UP-3', serial: 'E3' }),
        row({ route: 'R2', seq: '10', up: 'UP-4', serial: 'E4' }),
      );
      importRoute(store, tina, { fileName: 'r.csv', content, acceptValidRows: false });
      const empty = await dispatch(app.handlers, 'dashboard.get', {});
      expect(empty.ok && empty.value).toMatchObject({
        totals: { done: 0, skipped: 0, toDo: 4, warnings: 0 },
        days: [],
        technicians: [],
        outbox: { pending: 0 },
      });

      const warned = read(store, dir, 'UP-1', '1100', '2026-11-20T09:00:00Z', 'X999'); // serial mismatch → warning, Tina
      read(store, dir, 'UP-2', '1100', '2026-11-21T09:00:00Z'); // Tom
      skipVisit(store, tom, { usagePointId: 'UP-4', code: 'dog', note: '', photoIds: [] }, new Date('2026-11-21T10:00:00Z'));

      const result = await dispatch(app.handlers, 'dashboard.get', { days: 14 });
      expect(result.ok).toBe(true);
      const board = dashboardSchema.parse(result.ok ? result.value : null);
      expect(board.totals).toEqual({ done: 2, skipped: 1, toDo: 1, warnings: 1 });
      expect(board.routes).toEqual([
        { route: 'R1', name: 'Route one', done: 2, skipped: 0, toDo: 1, warnings: 1 },
        { route: 'R2', name: 'Route one', done: 0, skipped: 1, toDo: 0, warnings: 0 },
      ]);
      expect(board.technicians).toEqual([
        { technician: 'Tina', done: 1, skipped: 0, warnings: 1 },
        { technician: 'Tom', done: 1, skipped: 1, warnings: 0 },
      ]);
      expect(board.days).toEqual([
        { day: '2026-11-20', done: 1, skipped: 0, warnings: 1, toDo: 3 },
        { day: '2026-11-21', done: 1, skipped: 1, warnings: 0, toDo: 1 },
      ]);
      // "To review" is the review queue's pending count: the visit with a warning and the skip (issue 17).
      expect(board.warnings).toEqual({ readings: 1, visits: 1, toReview: 2 });
      expect(board.warnings.toReview).toBe(store.review.list({ status: 'pending', limit: 1000 }).length);
      expect(board.outbox).toEqual({ pending: store.outbox.counts().pending, rejected: 0, sent: 0 });
      expect(board.outbox.pending).toBeGreaterThanOrEqual(3);

      approve(store, boss, 'reading_set', warned.readingSetId);
      const oneDay = await dispatch(app.handlers, 'dashboard.get', { days: 1 });
      expect(oneDay.ok && oneDay.value).toMatchObject({ warnings: { readings: 1, visits: 1, toReview: 1 }, days: [{ day: '2026-11-21' }] });
    } finally {
      app.close();
    }
  });

  it('refuses a bad day count with a coded error', async () => {
    const app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    await signInAs(app, 'technician');
    try {
      const r = await dispatch(app.handlers, 'dashboard.get', { days: 0 });
      expect(r.ok ? null : r.error.code).toBe('BAD_REQUEST');
    } finally {
      app.close();
    }
  });
});
