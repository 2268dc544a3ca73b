/** Usage points, the meters (end devices) installed at them, and their registers. */
import type { MeterDetail, MeterListItem, Register } from '../../../../shared/contract/entities';
import { describeReadingType } from '../../../../shared/cim/readingType';
import type { Db } from '../database';

interface ListRow {
  usage_point_id: string;
  sequence: number;
  address: string;
  serial_number: string;
  register_count: number;
  last_read_at: string | null;
  read_today: number;
}

interface RegisterRow {
  id: number;
  reading_type: string;
  label: string;
  dials: number;
  decimals: number;
  multiplier: number;
  last_value: string | null;
  last_read_at: string | null;
}

export interface RegisterInput {
  readingType: string;
  label: string;
  dials: number;
  decimals: number;
  multiplier: number;
  lastValue: string | null;
  lastReadAt: string | null;
}

/** Escapes a user's search text for LIKE … ESCAPE '\'. */
const NEWER =
  '(registers.last_read_at IS NULL OR (excluded.last_read_at IS NOT NULL AND excluded.last_read_at > registers.last_read_at))';

const likePattern = (query: string) => `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function createMetersRepository(db: Db) {
  const upsertUsagePoint = db.prepare(
    'INSERT INTO usage_points (id, address) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET address = excluded.address',
  );
  const findDevice = db.prepare('SELECT id, usage_point_id FROM end_devices WHERE serial_number = ?');
  const insertDevice = db.prepare("INSERT INTO end_devices (serial_number, kind, usage_point_id, status) VALUES (?, 'meter', ?, 'installed')");
  const moveDevice = db.prepare("UPDATE end_devices SET usage_point_id = ?, status = 'installed' WHERE id = ?");
  const upsertRegister = db.prepare(`
    INSERT INTO registers (end_device_id, reading_type, label, dials, decimals, multiplier, last_value, last_read_at)
    VALUES (@deviceId, @readingType, @label, @dials, @decimals, @multiplier, @lastValue, @lastReadAt)
    ON CONFLICT(end_device_id, reading_type) DO UPDATE SET label = excluded.label, dials = excluded.dials,
      decimals = excluded.decimals, multiplier = excluded.multiplier,
      -- the newer of the stored value and the imported one wins (a local reading is never overwritten by an older list)
      last_value = CASE WHEN ${NEWER} THEN excluded.last_value ELSE registers.last_value END,
      last_read_at = CASE WHEN ${NEWER} THEN excluded.last_read_at ELSE registers.last_read_at END`);
  const listForRoute = db.prepare(`
    SELECT s.usage_point_id, s.sequence, up.address, d.serial_number,
      (SELECT count(*) FROM registers g WHERE g.end_device_id = d.id) AS register_count,
      (SELECT max(rs.read_at) FROM reading_sets rs WHERE rs.usage_point_id = up.id) AS last_read_at,
      EXISTS (SELECT 1 FROM reading_sets rs WHERE rs.usage_point_id = up.id AND rs.created_at >= r.imported_at) AS read_today
    FROM route_stops s
    JOIN routes r ON r.id = s.route_id
    JOIN usage_points up ON up.id = s.usage_point_id
    JOIN end_devices d ON d.usage_point_id = up.id AND d.kind = 'meter'
    WHERE s.route_id = @routeId
      AND (@query = '' OR up.address LIKE @pattern ESCAPE '\\' OR d.serial_number LIKE @pattern ESCAPE '\\'
           OR up.id LIKE @pattern ESCAPE '\\')
    ORDER BY s.sequence`);
  const detail = db.prepare(`
    SELECT s.route_id, s.sequence, up.id AS usage_point_id, up.address, d.id AS device_id, d.serial_number
    FROM usage_points up
    JOIN end_devices d ON d.usage_point_id = up.id AND d.kind = 'meter'
    LEFT JOIN route_stops s ON s.usage_point_id = up.id
    WHERE up.id = ? ORDER BY s.route_id LIMIT 1`);
  const neighbours = db.prepare(`
    SELECT
      (SELECT usage_point_id FROM route_stops WHERE route_id = @routeId AND sequence < @sequence ORDER BY sequence DESC LIMIT 1) AS previous_id,
      (SELECT usage_point_id FROM route_stops WHERE route_id = @routeId AND sequence > @sequence ORDER BY sequence LIMIT 1) AS next_id`);
  const registersOf = db.prepare(
    'SELECT id, reading_type, label, dials, decimals, multiplier, last_value, last_read_at FROM registers WHERE end_device_id = ? ORDER BY id',
  );
  const setLastValue = db.prepare('UPDATE registers SET last_value = ?, last_read_at = ? WHERE id = ?');

  const toRegister = (row: RegisterRow): Register => ({
    id: row.id,
    readingType: row.reading_type,
    label: row.label,
    unit: describeReadingType(row.reading_type)?.unit ?? '',
    dials: row.dials,
    decimals: row.decimals,
    multiplier: row.multiplier,
    lastValue: row.last_value,
    lastReadAt: row.last_read_at,
  });

  return {
    /** Puts a meter at a usage point with its registers; returns the end device id. */
    upsertMeter(usagePoint: { id: string; address: string }, serialNumber: string, registers: readonly RegisterInput[]): number {
      upsertUsagePoint.run(usagePoint.id, usagePoint.address);
      const existing = findDevice.get(serialNumber) as { id: number; usage_point_id: string | null } | undefined;
      let deviceId: number;
      if (existing) {
        deviceId = existing.id;
        if (existing.usage_point_id !== usagePoint.id) moveDevice.run(usagePoint.id, deviceId);
      } else {
        deviceId = Number(insertDevice.run(serialNumber, usagePoint.id).lastInsertRowid);
      }
      for (const r of registers) upsertRegister.run({ deviceId, ...r });
      return deviceId;
    },
    listForRoute(routeId: string, query: string): MeterListItem[] {
      const trimmed = query.trim();
      return (listForRoute.all({ routeId, query: trimmed, pattern: likePattern(trimmed) }) as ListRow[]).map((row) => ({
        usagePointId: row.usage_point_id,
        sequence: row.sequence,
        address: row.address,
        meterSerial: row.serial_number,
        registerCount: row.register_count,
        lastReadAt: row.last_read_at,
        readToday: row.read_today === 1,
      }));
    },
    get(usagePointId: string): (MeterDetail & { deviceId: number }) | null {
      const row = detail.get(usagePointId) as
        | { route_id: string | null; sequence: number | null; usage_point_id: string; address: string; device_id: number; serial_number: string }
        | undefined;
      if (!row) return null;
      const around = row.route_id
        ? (neighbours.get({ routeId: row.route_id, sequence: row.sequence }) as { previous_id: string | null; next_id: string | null })
        : { previous_id: null, next_id: null };
      return {
        usagePointId: row.usage_point_id,
        routeId: row.route_id ?? '',
        sequence: row.sequence ?? 0,
        address: row.address,
        meterSerial: row.serial_number,
        deviceId: row.device_id,
        registers: (registersOf.all(row.device_id) as RegisterRow[]).map(toRegister),
        previousId: around.previous_id,
        nextId: around.next_id,
      };
    },
    setLastValue(registerId: number, value: string, readAt: string) {
      setLastValue.run(value, readAt, registerId);
    },
  };
}
export type MetersRepository = ReturnType<typeof createMetersRepository>;
