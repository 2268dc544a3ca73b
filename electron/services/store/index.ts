/** The store: one opened database and its repositories per aggregate. */
import { openDatabase, type OpenOptions } from './database';
import { createJournal, type Actor } from './repositories/journal';
import { mutate, type Change } from './mutation';
import { createEndDevicesRepository } from './repositories/endDevices';
import { createEnterpriseReadingsRepository } from './repositories/enterpriseReadings';
import { createInboxRepository } from './repositories/inbox';
import { createMetersRepository } from './repositories/meters';
import { createMeterStatusRepository } from './repositories/meterStatus';
import { createProbeTranscriptsRepository } from './repositories/probeTranscripts';
import { createOutboxRepository } from './repositories/outbox';
import { createPhotosRepository } from './repositories/photos';
import { createProfilesRepository } from './repositories/profiles';
import { createReadingsRepository } from './repositories/readings';
import { createReadRequestsRepository } from './repositories/readRequests';
import { createControlRequestsRepository } from './repositories/controlRequests';
import { createReviewRepository } from './repositories/review';
import { createExportRowsRepository } from './repositories/exportRows';
import { createDashboardRepository } from './repositories/dashboard';
import { createVisitPositionsRepository } from './repositories/visitPositions';
import { createRoutesRepository } from './repositories/routes';
import { createSettingsRepository } from './repositories/settings';
import { createSkipsRepository } from './repositories/skips';
import { createSyncStateRepository } from './repositories/syncState';
import { createSwitchingRepository } from './repositories/switching';
import { createWorklistRepository } from './repositories/worklist';
import { createWorkOrdersRepository } from './repositories/workOrders';
import { createEvidenceRepository } from './repositories/evidence';
import { createVisitFactsRepository } from './repositories/visitFacts';
import { createMeterKeysRepository } from './repositories/meterKeys';
import { createPushCountersRepository } from './repositories/pushCounters';
import { trackWrites } from './writeLog';

// What the layers above take from the store itself comes through here (eslint-rules/layers.js: store ← repositories).
export type { OpenOptions } from './database';
export { verifyAuditChain } from './auditChain';

export function openStore(path: string, options: OpenOptions = {}) {
  const opened = openDatabase(path, options);
  const { db } = opened;
  // Before any repository prepares a statement: every write then reports its topics.
  const writes = trackWrites(db);
  const journal = createJournal(db);
  const transaction = <T>(fn: () => T): T => db.transaction(fn)();
  return {
    ...opened,
    writes,
    routes: createRoutesRepository(db),
    meters: createMetersRepository(db),
    readings: createReadingsRepository(db),
    journal,
    settings: createSettingsRepository(db),
    profiles: createProfilesRepository(db),
    photos: createPhotosRepository(db),
    skips: createSkipsRepository(db),
    worklist: createWorklistRepository(db),
    workOrders: createWorkOrdersRepository(db),
    outbox: createOutboxRepository(db),
    inbox: createInboxRepository(db),
    endDevices: createEndDevicesRepository(db),
    review: createReviewRepository(db),
    exportRows: createExportRowsRepository(db),
    dashboard: createDashboardRepository(db),
    visitPositions: createVisitPositionsRepository(db),
    syncState: createSyncStateRepository(db),
    meterStatus: createMeterStatusRepository(db),
    switching: createSwitchingRepository(db),
    readRequests: createReadRequestsRepository(db),
    controlRequests: createControlRequestsRepository(db),
    evidence: createEvidenceRepository(db),
    visitFacts: createVisitFactsRepository(db),
    meterKeys: createMeterKeysRepository(db),
    pushCounters: createPushCountersRepository(db),
    probeTranscripts: createProbeTranscriptsRepository(db),
    enterpriseReadings: createEnterpriseReadingsRepository(db),
    /** Runs fn in one transaction: all of its writes land, or none. */
    transaction,
    /** A change and its audit row in one transaction, as `actor` (mutation.ts). */
    mutate: <T>(actor: Actor, work: (change: Change) => T): T => mutate({ transaction, journal }, actor, work),
    close() {
      db.close();
    },
  };
}
export type Store = ReturnType<typeof openStore>;
