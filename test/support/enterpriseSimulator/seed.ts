/**
 * Seed data for the sync tests: the demo route (loadDemoRoute), then a visit at every stop through
 * the real services, so the outbox holds exactly what the app would queue: MeterReadings for read
 * meters, "known missing read" MeterReadings for skipped ones, and an EndDeviceEvent where the
 * skip reason is one the device reports (every 14th stop: "tamper suspected"; "meter damaged" sends
 * no device event, see shared/domain/skipCodes.ts).
 */
import { join } from 'node:path';
import { loadDemoRoute, TRAINING_SETUP } from '../../../electron/services/fieldmeter';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { skipVisit } from '../../../electron/services/readings/skipVisit';
import { openStore, type Store } from '../../../electron/services/store';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';

const actor = { name: 'sync test', role: 'technician' } as const;

export function visitDemoRoute(store: Store, photoDir: string, stops = 50, now = new Date('2026-11-23T08:00:00Z')): void {
  for (let i = 1; i <= stops; i++) {
    const usagePointId = `UP-${1000 + i}`;
    const meter = store.meters.get(usagePointId);
    if (!meter) throw new Error(`demo meter ${usagePointId} missing`);
    const at = new Date(now.getTime() + i * 60_000);
    if (i % 7 === 0) skipVisit(store, actor, { usagePointId, code: i % 14 === 0 ? 'tamperSuspected' : 'dog', note: '', photoIds: [] }, at);
    else {
      const values = meter.registers.map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
      saveManualReadings(store, actor, { usagePointId, values }, { settings: defaultValidationSettings, photoDir, now: at });
    }
  }
}

/** A database at `path` with the demo route visited; returns the number of queued messages. */
export function seedDemoOutbox(path: string, stops = 50): number {
  const store = openStore(path);
  try {
    loadDemoRoute(store, TRAINING_SETUP);
    visitDemoRoute(store, join(path, '..', 'photos'), stops);
    return store.outbox.counts().pending;
  } finally {
    store.close();
  }
}
