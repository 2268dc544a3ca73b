/**
 * What a visit recorded — the one read model of it: the switch order or the meter step, the usage
 * point, the reading sets with their registers, photos and who did the work (from the audit log,
 * the one record of the acting profile). Read for a visit's receipt (evidence/visitRecord.ts) and
 * for what a finished order shows (workOrders/record.ts). Read only.
 */
import type { Db } from '../database';

export interface SwitchVisitFacts {
  id: string;
  kind: string;
  status: string;
  usagePointId: string;
  address: string;
  meterSerial: string;
  readingSetId: string | null;
  outcome: string | null;
  action: string | null;
  controlResult: string | null;
  sealNumber: string | null;
  note: string;
  finishedAt: string | null;
  technician: string | null;
}

export interface ExchangeVisitFacts {
  id: string;
  kind: string;
  status: string;
  usagePointId: string;
  address: string;
  /**
   * The meter step's time and details: `exchanged` (workOrders/exchange.ts), `installed` or `removed`
   * (workOrders/meterJobs.ts, whose one `meter` is told apart here as the new or the old one).
   */
  at: string | null;
  details: { oldMeter?: string; newMeter?: string; sealsRemoved?: string[]; sealsApplied?: string[] };
  note: string;
  technician: string | null;
}

export interface SetReading {
  readingSetId: string;
  registerId: number;
  meterSerial: string;
  readingType: string;
  label: string;
  value: string;
  readAt: string;
  note: string;
  latitude: number | null;
  longitude: number | null;
  source: 'manual' | 'optical' | 'radio' | 'wired' | 'han' | 'estimated';
}

export function createVisitFactsRepository(db: Db) {
  const switchVisit = db.prepare(
    `SELECT s.id, s.kind, s.status, s.usage_point_id AS usagePointId, u.address, s.meter_serial AS meterSerial, s.reading_set_id AS readingSetId,
            s.outcome, s.action, s.control_result AS controlResult, s.seal_number AS sealNumber, s.note, s.finished_at AS finishedAt,
            (SELECT a.actor FROM audit_log a WHERE a.entity = 'switch_order' AND a.entity_id = s.id AND a.action IN ('switching.read', 'switching.control')
              ORDER BY a.id DESC LIMIT 1) AS technician
       FROM switch_orders s JOIN usage_points u ON u.id = s.usage_point_id WHERE s.id = ?`,
  );
  const workVisit = db.prepare(
    `SELECT w.id, w.kind, w.status, w.usage_point_id AS usagePointId, u.address,
            (SELECT st.at FROM work_order_steps st WHERE st.work_order_id = w.id AND st.step IN ('exchanged', 'installed', 'removed') ORDER BY st.id DESC LIMIT 1) AS at,
            (SELECT st.step FROM work_order_steps st WHERE st.work_order_id = w.id AND st.step IN ('exchanged', 'installed', 'removed') ORDER BY st.id DESC LIMIT 1) AS step,
            (SELECT st.details FROM work_order_steps st WHERE st.work_order_id = w.id AND st.step IN ('exchanged', 'installed', 'removed') ORDER BY st.id DESC LIMIT 1) AS details,
            (SELECT a.actor FROM audit_log a WHERE a.action IN ('meter.exchange', 'meter.install', 'meter.remove') AND a.entity = 'usage_point' AND a.entity_id = w.usage_point_id
              AND json_extract(a.details, '$.workOrderId') = w.id ORDER BY a.id DESC LIMIT 1) AS technician
       FROM work_orders w JOIN usage_points u ON u.id = w.usage_point_id WHERE w.id = ?`,
  );
  const setReadings = db.prepare(
    `SELECT rs.id AS readingSetId, g.id AS registerId, d.serial_number AS meterSerial, g.reading_type AS readingType, g.label, r.value,
            rs.read_at AS readAt, rs.note, rs.latitude, rs.longitude, rs.source
       FROM reading_sets rs JOIN end_devices d ON d.id = rs.end_device_id
       JOIN readings r ON r.reading_set_id = rs.id JOIN registers g ON g.id = r.register_id
      WHERE rs.id = ? ORDER BY g.reading_type, r.id`,
  );
  // A meter job writes its reading sets at the moment it finishes (one transaction, one timestamp). The order is the
  // receipts' (sealed into them), so it is not changed: callers that need the meter taken out first sort by role.
  const setsAt = db.prepare('SELECT id FROM reading_sets WHERE usage_point_id = ? AND read_at = ? ORDER BY created_at, id');
  const photosOfSet = db.prepare('SELECT id FROM photos WHERE reading_set_id = ? ORDER BY added_at, id');
  return {
    switchVisit: (id: string) => (switchVisit.get(id) as SwitchVisitFacts | undefined) ?? null,
    workVisit(id: string): ExchangeVisitFacts | null {
      const row = workVisit.get(id) as
        (Omit<ExchangeVisitFacts, 'details' | 'note'> & { details: string | null; step: string | null }) | undefined;
      if (!row) return null;
      const { step, ...facts } = row;
      const raw = (row.details ? JSON.parse(row.details) : {}) as ExchangeVisitFacts['details'] & { meter?: string };
      const { meter, ...details } = raw;
      const sides = step === 'installed' ? { newMeter: meter } : step === 'removed' ? { oldMeter: meter } : {};
      return { ...facts, details: { ...details, ...sides }, note: '' };
    },
    setReadings: (readingSetId: string) => setReadings.all(readingSetId) as SetReading[],
    readingSetsAt: (usagePointId: string, at: string) => (setsAt.all(usagePointId, at) as { id: string }[]).map((r) => r.id),
    photosOf: (readingSetId: string) => (photosOfSet.all(readingSetId) as { id: string }[]).map((r) => r.id),
  };
}
export type VisitFactsRepository = ReturnType<typeof createVisitFactsRepository>;
