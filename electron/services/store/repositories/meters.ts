/** Usage points, the meters (end devices) installed at them, and their registers. */
import type { Hazard, MeterDetail, MeterListItem, Register, StopStatus } from '../../../../shared/contract/entities';
import { describeReadingType, registerKindOf } from '../../../../shared/cim/readingType';
import type { Db } from '../database';

export type StopFilter = 'all' | 'unread' | 'read' | 'warnings' | 'skipped';

interface ListRow {
  usage_point_id: string;
  sequence: number;
  address: string;
  account_id: string;
  serial_number: string;
  hazards: string;
  status: StopStatus;
  register_count: number;
  last_read_at: string | null;
  read_requested_at: string | null;
  latitude: number | null;
  longitude: number | null;
  control_requested: number;
}

export interface RegisterRow {
  id: number;
  reading_type: string;
  label: string;
  dials: number;
  decimals: number;
  multiplier: number;
  last_value: string | null;
  last_read_at: string | null;
  average_daily_use: number | null;
}

export interface UsagePointInput {
  id: string;
  address: string;
  accountId: string;
  accessNotes: string;
  hazards: readonly Hazard[];
  /** WGS 84 degrees from the route file; null when it gives none (both or neither). */
  latitude?: number | null;
  longitude?: number | null;
}

export interface RegisterInput {
  readingType: string;
  label: string;
  dials: number;
  decimals: number;
  multiplier: number;
  lastValue: string | null;
  lastReadAt: string | null;
  averageDailyUse: number | null;
}

const NEWER = '(registers.last_read_at IS NULL OR (excluded.last_read_at IS NOT NULL AND excluded.last_read_at > registers.last_read_at))';

/** Escapes a user's search text for LIKE … ESCAPE '\'. */
const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Most stops have no hazard: skip the JSON parser for them (it shows at 100,000 stops). */
const parseHazards = (text: string): Hazard[] => (text === '[]' ? [] : (JSON.parse(text) as Hazard[]));

const statusesFor: Readonly<Record<Exclude<StopFilter, 'all'>, readonly StopStatus[]>> = {
  unread: ['unread'],
  read: ['read', 'warning'],
  warnings: ['warning'],
  skipped: ['skipped'],
};

/** Demand is checked for plausibility, a counting register for use, an instantaneous one only for its digits. */
export const registerKind = (readingType: string): Register['kind'] => registerKindOf(readingType);

/** A register row as the app shows and checks it (unit and kind from its ReadingType). */
export const toRegister = (row: RegisterRow): Register => ({
  id: row.id,
  readingType: row.reading_type,
  label: row.label,
  unit: describeReadingType(row.reading_type)?.unit ?? '',
  dials: row.dials,
  decimals: row.decimals,
  multiplier: row.multiplier,
  kind: registerKind(row.reading_type),
  lastValue: row.last_value,
  lastReadAt: row.last_read_at,
  averageDailyUse: row.average_daily_use,
});

export const REGISTER_COLUMNS = 'id, reading_type, label, dials, decimals, multiplier, last_value, last_read_at, average_daily_use';

export function createMetersRepository(db: Db) {
  // Positional parameters on the statements a route import runs per row: binding by name costs an
  // object per row and a lookup per parameter (bench/run.ts, import of 100,000 meters).
  const upsertUsagePoint = db.prepare(`
    INSERT INTO usage_points (id, address, account_id, access_notes, hazards, latitude, longitude) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(id) DO UPDATE SET address = excluded.address, account_id = excluded.account_id,
      access_notes = excluded.access_notes, hazards = excluded.hazards,
      -- a later file without coordinates keeps the ones an earlier file gave
      latitude = coalesce(excluded.latitude, usage_points.latitude), longitude = coalesce(excluded.longitude, usage_points.longitude)`);
  const findDevice = db.prepare('SELECT id, usage_point_id FROM end_devices WHERE serial_number = ?');
  const insertDevice = db.prepare(
    "INSERT INTO end_devices (serial_number, kind, usage_point_id, status) VALUES (?, 'meter', ?, 'installed') ON CONFLICT(serial_number) DO NOTHING",
  );
  const moveDevice = db.prepare("UPDATE end_devices SET usage_point_id = ?, status = 'installed' WHERE id = ?");
  const upsertRegister = db.prepare(`
    INSERT INTO registers (end_device_id, reading_type, label, dials, decimals, multiplier, last_value, last_read_at, average_daily_use)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(end_device_id, reading_type) DO UPDATE SET label = excluded.label, dials = excluded.dials,
      decimals = excluded.decimals, multiplier = excluded.multiplier,
      average_daily_use = coalesce(excluded.average_daily_use, registers.average_daily_use),
      -- the newer of the stored value and the imported one wins (a local reading is never overwritten by an older list)
      last_value = CASE WHEN ${NEWER} THEN excluded.last_value ELSE registers.last_value END,
      last_read_at = CASE WHEN ${NEWER} THEN excluded.last_read_at ELSE registers.last_read_at END`);
  const usagePointExists = db.prepare('SELECT 1 FROM usage_points WHERE id = ?');
  const insertUsagePoint = db.prepare('INSERT INTO usage_points (id, address) VALUES (?, ?)');
  const setAddress = db.prepare('UPDATE usage_points SET address = ? WHERE id = ?');
  const listForRoute = db.prepare(`
    SELECT s.usage_point_id, s.sequence, s.status, up.address, up.account_id, up.hazards, up.latitude, up.longitude, d.serial_number,
      (SELECT count(*) FROM registers g WHERE g.end_device_id = d.id) AS register_count,
      (SELECT max(g.last_read_at) FROM registers g WHERE g.end_device_id = d.id) AS last_read_at,
      (SELECT min(r.requested_at) FROM read_requests r WHERE r.usage_point_id = up.id AND r.status = 'open') AS read_requested_at,
      EXISTS (SELECT 1 FROM control_requests c WHERE c.usage_point_id = up.id AND c.status = 'open') AS control_requested
    FROM route_stops s
    JOIN usage_points up ON up.id = s.usage_point_id
    JOIN end_devices d ON d.usage_point_id = up.id AND d.kind = 'meter'
    WHERE s.route_id = @routeId
      AND (@statuses IS NULL OR s.status IN (SELECT value FROM json_each(@statuses)))
      AND (@query = '' OR up.address LIKE @pattern ESCAPE '\\' OR d.serial_number LIKE @pattern ESCAPE '\\'
           OR up.id LIKE @pattern ESCAPE '\\' OR up.account_id LIKE @pattern ESCAPE '\\')
    ORDER BY s.sequence`);
  const detail = db.prepare(`
    SELECT s.route_id, s.sequence, s.status, up.id AS usage_point_id, up.address, up.account_id, up.access_notes, up.hazards,
      d.id AS device_id, d.serial_number,
      (SELECT min(r.requested_at) FROM read_requests r WHERE r.usage_point_id = up.id AND r.status = 'open') AS read_requested_at,
      (SELECT json_group_array(operation) FROM (SELECT DISTINCT c.operation FROM control_requests c
        WHERE c.usage_point_id = up.id AND c.meter_serial = d.serial_number AND c.status = 'open' ORDER BY c.operation)) AS controls_requested
    FROM usage_points up
    JOIN end_devices d ON d.usage_point_id = up.id AND d.kind = 'meter'
    LEFT JOIN route_stops s ON s.usage_point_id = up.id
    WHERE up.id = ? ORDER BY s.route_id LIMIT 1`);
  const neighbours = db.prepare(`
    SELECT
      (SELECT usage_point_id FROM route_stops WHERE route_id = @routeId AND sequence < @sequence ORDER BY sequence DESC LIMIT 1) AS previous_id,
      (SELECT usage_point_id FROM route_stops WHERE route_id = @routeId AND sequence > @sequence ORDER BY sequence LIMIT 1) AS next_id`);
  const registersOf = db.prepare(`SELECT ${REGISTER_COLUMNS} FROM registers WHERE end_device_id = ? ORDER BY id`);
  const lastSkip = db.prepare('SELECT code, note, skipped_at FROM visit_skips WHERE usage_point_id = ? ORDER BY skipped_at DESC LIMIT 1');
  const setLastValue = db.prepare('UPDATE registers SET last_value = ?, last_read_at = ? WHERE id = ?');
  const correctLastValue = db.prepare('UPDATE registers SET last_value = ? WHERE id = ? AND last_read_at = ?');
  const setAverage = db.prepare('UPDATE registers SET average_daily_use = ? WHERE id = ?');

  const upsertRegisters = (deviceId: number, registers: readonly RegisterInput[]): void => {
    for (const r of registers)
      upsertRegister.run(deviceId, r.readingType, r.label, r.dials, r.decimals, r.multiplier, r.lastValue, r.lastReadAt, r.averageDailyUse);
  };

  return {
    /** Puts a meter at a usage point with its registers; returns the end device id. */
    upsertMeter(usagePoint: UsagePointInput, serialNumber: string, registers: readonly RegisterInput[]): number {
      upsertUsagePoint.run(
        usagePoint.id,
        usagePoint.address,
        usagePoint.accountId,
        usagePoint.accessNotes,
        usagePoint.hazards.length ? JSON.stringify(usagePoint.hazards) : '[]',
        usagePoint.latitude ?? null,
        usagePoint.longitude ?? null,
      );
      // A new meter is one statement; one the device already knows is looked up and moved if it must.
      const inserted = insertDevice.run(serialNumber, usagePoint.id);
      let deviceId = Number(inserted.lastInsertRowid);
      if (inserted.changes === 0) {
        const existing = findDevice.get(serialNumber) as { id: number; usage_point_id: string | null };
        deviceId = existing.id;
        if (existing.usage_point_id !== usagePoint.id) moveDevice.run(usagePoint.id, deviceId);
      }
      upsertRegisters(deviceId, registers);
      return deviceId;
    },
    /** More registers of a meter written by upsertMeter in the same import. */
    upsertRegisters,
    /** The meter with this serial when it is at this usage point. */
    deviceIdAt(serialNumber: string, usagePointId: string): number | undefined {
      const device = findDevice.get(serialNumber) as { id: number; usage_point_id: string | null } | undefined;
      return device?.usage_point_id === usagePointId ? device.id : undefined;
    },
    hasUsagePoint: (id: string): boolean => usagePointExists.get(id) !== undefined,
    /** A usage point from master data: address only; account, access notes and hazards stay as the route set them. */
    createUsagePoint: (id: string, address: string) => insertUsagePoint.run(id, address),
    setUsagePointAddress: (id: string, address: string) => setAddress.run(address, id),
    listForRoute(routeId: string, query: string, filter: StopFilter = 'all'): MeterListItem[] {
      const trimmed = query.trim();
      const statuses = filter === 'all' ? null : JSON.stringify(statusesFor[filter]);
      // Row by row: a 100,000-stop route never exists twice over, as rows and as items (issue 11).
      const items: MeterListItem[] = [];
      for (const row of listForRoute.iterate({
        routeId,
        query: trimmed,
        pattern: likePattern(trimmed),
        statuses,
      }) as IterableIterator<ListRow>) {
        items.push({
          usagePointId: row.usage_point_id,
          sequence: row.sequence,
          address: row.address,
          accountId: row.account_id,
          meterSerial: row.serial_number,
          registerCount: row.register_count,
          lastReadAt: row.last_read_at,
          readToday: row.status === 'read' || row.status === 'warning',
          status: row.status,
          hazards: parseHazards(row.hazards),
          readRequestedAt: row.read_requested_at,
          ...(row.control_requested ? { controlRequested: true } : {}),
          ...(row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : {}),
        });
      }
      return items;
    },
    get(usagePointId: string): (MeterDetail & { deviceId: number }) | null {
      const row = detail.get(usagePointId) as
        | {
            route_id: string | null;
            sequence: number | null;
            status: StopStatus | null;
            usage_point_id: string;
            address: string;
            account_id: string;
            access_notes: string;
            hazards: string;
            device_id: number;
            serial_number: string;
            read_requested_at: string | null;
            controls_requested: string;
          }
        | undefined;
      if (!row) return null;
      const around = row.route_id
        ? (neighbours.get({ routeId: row.route_id, sequence: row.sequence }) as { previous_id: string | null; next_id: string | null })
        : { previous_id: null, next_id: null };
      const skip = lastSkip.get(usagePointId) as { code: string; note: string; skipped_at: string } | undefined;
      return {
        usagePointId: row.usage_point_id,
        routeId: row.route_id ?? '',
        sequence: row.sequence ?? 0,
        address: row.address,
        meterSerial: row.serial_number,
        accountId: row.account_id,
        accessNotes: row.access_notes,
        hazards: parseHazards(row.hazards),
        status: row.status ?? 'unread',
        lastSkip: skip ? { code: skip.code, note: skip.note, skippedAt: skip.skipped_at } : null,
        readRequestedAt: row.read_requested_at,
        controlsRequested: JSON.parse(row.controls_requested) as ('timeSync' | 'demandReset')[],
        deviceId: row.device_id,
        registers: (registersOf.all(row.device_id) as RegisterRow[]).map(toRegister),
        previousId: around.previous_id,
        nextId: around.next_id,
      };
    },
    setLastValue(registerId: number, value: string, readAt: string) {
      setLastValue.run(value, readAt, registerId);
    },
    /** A corrected reading replaces the register's last value only when it is the reading taken last. */
    correctLastValue(registerId: number, readAt: string, value: string): boolean {
      return correctLastValue.run(value, registerId, readAt).changes === 1;
    },
    setAverageDailyUse(registerId: number, average: number) {
      setAverage.run(average, registerId);
    },
  };
}
export type MetersRepository = ReturnType<typeof createMetersRepository>;
