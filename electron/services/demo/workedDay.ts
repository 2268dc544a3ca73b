/**
 * A worked demo day (issue 7, `fieldmeter demo seed --worked`): the demo route with the first
 * stops visited through the real services, so the outbox holds what a real day queues and sync
 * and exports can be tried at once — ordinary readings, a skip (dog), and one reading far below
 * the last one, confirmed with a reason (the meter was exchanged), which carries that comment.
 */
import { join } from 'node:path';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { loadDemoRoute } from '../actor';
import type { Actor } from '../store/repositories/journal';
import { saveManualReadings } from '../readings/saveReadings';
import { skipVisit } from '../readings/skipVisit';
import type { Store } from '../store';

export interface WorkedDaySummary {
  readings: number;
  skips: number;
  confirmed: number;
  pending: number;
}

const demoActor: Actor = { name: 'demo technician', role: 'technician' };

export function seedWorkedDay(store: Store, photoDir: string, start = new Date()): WorkedDaySummary {
  if (store.routes.count() === 0) loadDemoRoute(store, demoActor);
  const summary: WorkedDaySummary = { readings: 0, skips: 0, confirmed: 0, pending: 0 };
  const at = (minutes: number) => new Date(start.getTime() - (60 - minutes) * 60_000);
  for (let i = 1; i <= 8; i++) {
    const usagePointId = `UP-${1000 + i}`;
    const meter = store.meters.get(usagePointId);
    if (!meter) continue;
    if (i === 3) {
      skipVisit(store, demoActor, { usagePointId, code: 'dog', note: 'Dog in the yard, no access', photoIds: [] }, at(i * 5));
      summary.skips++;
      continue;
    }
    const lowered = i === 5;
    const values = meter.registers.map((r) => {
      const last = Number(r.lastValue ?? '0');
      // A normal day adds the register's usual use since its last reading (so the range check
      // passes, as a real day's reads do); stop 5 reads far below the last value (meter exchanged).
      const days = r.lastReadAt ? Math.max(1, (at(i * 5).getTime() - Date.parse(r.lastReadAt)) / 86_400_000) : 1;
      const usual = r.averageDailyUse !== null && r.averageDailyUse > 0 ? r.averageDailyUse * days : 12;
      const value = lowered ? String(Math.max(0, Math.floor(last / 10))) : String(Math.round(last + usual));
      return lowered
        ? {
            registerId: r.id,
            value,
            confirmation: { method: 'reason' as const, reason: 'Meter was exchanged last week; new meter starts low' },
          }
        : { registerId: r.id, value };
    });
    saveManualReadings(
      store,
      demoActor,
      { usagePointId, values, note: '', photoIds: [] },
      { settings: defaultValidationSettings, photoDir, now: at(i * 5) },
    );
    summary.readings += values.length;
    if (lowered) summary.confirmed += values.length;
  }
  summary.pending = store.outbox.counts().pending;
  return summary;
}

export const workedDayPhotoDir = (databasePath: string) => join(databasePath, '..', 'photos');
