/** End devices (meters and PAN devices) where they are placed, their register values and recorded events. */
import type { Db } from '../database';

export interface PlacedDevice {
  id: number;
  serial_number: string;
  kind: 'meter' | 'pan';
  usage_point_id: string;
  address: string;
  route_id: string | null;
}

export interface RegisterValue {
  reading_type: string;
  last_value: string | null;
  last_read_at: string | null;
}

export interface RecordedEvent {
  event_type: string;
  created_at: string;
  reason: string | null;
  serial_number: string;
}

export interface MeterEventRow {
  id: number;
  event_type: string;
  created_at: string;
  reason: string;
  /** 'enterprise' for an event the enterprise reported (inbound EndDeviceEvents), else null. */
  source: string | null;
  /** The M-Bus alarm an event was raised for (its details' mbusAlarm), else null. */
  mbus_alarm: string | null;
}

export function createEndDevicesRepository(db: Db) {
  const placed = db.prepare(`
    SELECT d.id, d.serial_number, d.kind, d.usage_point_id, up.address,
      (SELECT route_id FROM route_stops s WHERE s.usage_point_id = up.id ORDER BY route_id LIMIT 1) AS route_id
    FROM end_devices d JOIN usage_points up ON up.id = d.usage_point_id ORDER BY d.id`);
  const registerValues = db.prepare('SELECT reading_type, last_value, last_read_at FROM registers WHERE end_device_id = ? ORDER BY id');
  const events = db.prepare(`
    SELECT e.event_type, e.created_at, e.reason, d.serial_number
    FROM end_device_events e JOIN end_devices d ON d.id = e.end_device_id ORDER BY e.id LIMIT ?`);
  const eventsAt = db.prepare(`
    SELECT e.id, e.event_type, e.created_at, e.reason, json_extract(e.details, '$.source') AS source,
      json_extract(e.details, '$.mbusAlarm') AS mbus_alarm
    FROM end_device_events e JOIN end_devices d ON d.id = e.end_device_id
    WHERE d.usage_point_id = ? AND d.kind = 'meter' ORDER BY e.created_at DESC, e.id DESC LIMIT ?`);
  const setReceivedDate = db.prepare('UPDATE end_devices SET received_date = ? WHERE id = ? AND received_date IS NOT ?');
  const receivedDate = db.prepare('SELECT received_date FROM end_devices WHERE id = ?').pluck();
  return {
    /** MeterConfig lifecycle/receivedDate (a day, YYYY-MM-DD); false when it was that already. */
    setReceivedDate: (deviceId: number, day: string): boolean => setReceivedDate.run(day, deviceId, day).changes === 1,
    receivedDate: (deviceId: number): string | null => (receivedDate.get(deviceId) as string | null | undefined) ?? null,
    /** The events of the meter at a usage point (its own, read in the field, and the enterprise's), newest first. */
    eventsAt: (usagePointId: string, limit: number): MeterEventRow[] => eventsAt.all(usagePointId, limit) as MeterEventRow[],
    /** Every device placed at a usage point, with the first route that visits it. */
    placed: (): PlacedDevice[] => placed.all() as PlacedDevice[],
    registerValues: (deviceId: number): RegisterValue[] => registerValues.all(deviceId) as RegisterValue[],
    recordedEvents: (limit: number): RecordedEvent[] => events.all(limit) as RecordedEvent[],
  };
}
