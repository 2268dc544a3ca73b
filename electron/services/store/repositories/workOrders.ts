/**
 * Work orders (issue 8) and the installer's asset records they touch: meter asset status and
 * its usage point linkage history, seals, PAN devices. Call the writers inside the caller's
 * transaction (electron/services/workOrders/**). The install code is never logged from here.
 */
import type { WorkOrderKind, WorkOrderStatus } from '../../../../shared/domain/workOrder';
import type { Db } from '../database';
import type { Register } from '../../../../shared/contract/entities';
import { REGISTER_COLUMNS, toRegister, type RegisterRow } from './meters';

export interface WorkOrderRow {
  id: string;
  kind: WorkOrderKind;
  status: WorkOrderStatus;
  usagePointId: string;
  address: string;
  expectedMeterSerial: string | null;
  description: string;
  reason: string | null;
  updatedAt: string;
  cancelledWhileActive: boolean;
  cancelledAfterWork: boolean;
}

/** The step recorded when the enterprise cancels a work order already worked (the data stays). */
export const CANCELLED_AFTER_WORK_STEP = 'cancelledAfterWork';

export interface DeviceRow {
  id: number;
  serialNumber: string;
  kind: 'meter' | 'pan';
  usagePointId: string | null;
  status: string;
}

type RawOrder = {
  id: string;
  kind: WorkOrderKind;
  status: WorkOrderStatus;
  usage_point_id: string;
  address: string;
  expected_meter_serial: string | null;
  description: string;
  reason: string | null;
  updated_at: string;
  cancelled_while_active: number;
  cancelled_after_work: number;
};

const toOrder = (r: RawOrder): WorkOrderRow => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  usagePointId: r.usage_point_id,
  address: r.address,
  expectedMeterSerial: r.expected_meter_serial,
  description: r.description,
  reason: r.reason,
  updatedAt: r.updated_at,
  cancelledWhileActive: r.cancelled_while_active === 1,
  cancelledAfterWork: r.cancelled_after_work === 1,
});

export function createWorkOrdersRepository(db: Db) {
  const SELECT = `SELECT w.id, w.kind, w.status, w.usage_point_id, up.address, w.expected_meter_serial, w.description, w.reason, w.updated_at, w.cancelled_while_active,
    EXISTS (SELECT 1 FROM work_order_steps s WHERE s.work_order_id = w.id AND s.step = '${CANCELLED_AFTER_WORK_STEP}') AS cancelled_after_work
    FROM work_orders w JOIN usage_points up ON up.id = w.usage_point_id`;
  const list = db.prepare(`${SELECT} ORDER BY CASE w.status WHEN 'inProgress' THEN 0 WHEN 'assigned' THEN 1 ELSE 2 END, w.id`);
  const get = db.prepare(`${SELECT} WHERE w.id = ?`);
  const insert = db.prepare(
    `INSERT OR IGNORE INTO work_orders (id, kind, usage_point_id, expected_meter_serial, description, source, created_at, updated_at)
     VALUES (@id, @kind, @usagePointId, @expectedMeterSerial, @description, @source, @at, @at)`,
  );
  const setStatus = db.prepare(
    'UPDATE work_orders SET status = @status, reason = @reason, updated_at = @at, cancelled_while_active = @cancelledWhileActive WHERE id = @id',
  );
  const addStep = db.prepare('INSERT INTO work_order_steps (work_order_id, step, at, details) VALUES (?, ?, ?, ?)');
  const steps = db.prepare('SELECT step, at, details FROM work_order_steps WHERE work_order_id = ? ORDER BY id');
  // Where a usage point is on this device's routes: its address and, where a route takes it in, the first such stop.
  const placeOf = db.prepare(`SELECT up.address, s.route_id AS route, s.sequence FROM usage_points up
    LEFT JOIN route_stops s ON s.usage_point_id = up.id WHERE up.id = ? ORDER BY s.route_id, s.sequence LIMIT 1`);
  const deviceBySerial = db.prepare('SELECT id, serial_number, kind, usage_point_id, status FROM end_devices WHERE serial_number = ?');
  const meterAt = db.prepare(
    "SELECT id, serial_number, kind, usage_point_id, status FROM end_devices WHERE usage_point_id = ? AND kind = 'meter' AND status = 'installed'",
  );
  const insertStockMeter = db.prepare(
    "INSERT INTO end_devices (serial_number, kind, usage_point_id, status) VALUES (?, 'meter', NULL, 'inStock')",
  );
  const install = db.prepare("UPDATE end_devices SET usage_point_id = ?, status = 'installed', disposition = NULL WHERE id = ?");
  const remove = db.prepare("UPDATE end_devices SET usage_point_id = NULL, status = 'removed', disposition = ? WHERE id = ?");
  const openLink = db.prepare(
    'INSERT INTO usage_point_links (end_device_id, usage_point_id, linked_at, work_order_id) VALUES (?, ?, ?, ?)',
  );
  const closeLink = db.prepare(
    'UPDATE usage_point_links SET unlinked_at = ?, work_order_id = coalesce(work_order_id, ?) WHERE end_device_id = ? AND unlinked_at IS NULL',
  );
  // A meter imported with a route has no open link yet: its history starts unknown (NULL).
  const closedLink = db.prepare(
    'INSERT INTO usage_point_links (end_device_id, usage_point_id, linked_at, unlinked_at, work_order_id) VALUES (?, ?, NULL, ?, ?)',
  );
  const linkHistory = db.prepare(
    'SELECT usage_point_id, linked_at, unlinked_at FROM usage_point_links WHERE end_device_id = ? ORDER BY id',
  );
  const applySeal = db.prepare('INSERT INTO seals (end_device_id, seal_number, applied_at, work_order_id) VALUES (?, ?, ?, ?)');
  const removeSeals = db.prepare('UPDATE seals SET removed_at = ? WHERE end_device_id = ? AND removed_at IS NULL');
  const openSeals = db.prepare('SELECT seal_number FROM seals WHERE end_device_id = ? AND removed_at IS NULL ORDER BY id');
  const insertPan = db.prepare(
    "INSERT INTO end_devices (serial_number, kind, usage_point_id, status, pan_device_type, install_code, join_status, paired_meter_id) VALUES (?, 'pan', ?, 'installed', ?, ?, 'pending', ?)",
  );
  const decommissionPan = db.prepare(
    "UPDATE end_devices SET status = 'removed', usage_point_id = NULL, install_code = NULL, join_status = 'decommissioned' WHERE id = ?",
  );
  const panAt = db.prepare(
    "SELECT p.id, p.serial_number AS eui64, p.pan_device_type AS deviceType, m.serial_number AS meter FROM end_devices p LEFT JOIN end_devices m ON m.id = p.paired_meter_id WHERE p.kind = 'pan' AND p.status = 'installed' AND p.usage_point_id = ? AND p.serial_number = ?",
  );
  const setJoinStatus = db.prepare(
    "UPDATE end_devices SET join_status = @status, install_code = CASE WHEN @status = 'joined' THEN NULL ELSE install_code END WHERE id = @id AND kind = 'pan' AND status = 'installed'",
  );
  const pansAt = db.prepare(
    "SELECT serial_number AS eui64, pan_device_type AS deviceType, join_status AS joinStatus FROM end_devices WHERE kind = 'pan' AND usage_point_id = ? ORDER BY id",
  );

  // Inbound master data (electron/services/inbound): asset record updates from the enterprise.
  const renameDevice = db.prepare('UPDATE end_devices SET serial_number = ? WHERE id = ?');
  const setAssetStatus = db.prepare('UPDATE end_devices SET status = ? WHERE id = ? AND usage_point_id IS NULL');
  const linkMaster = db.prepare("UPDATE end_devices SET usage_point_id = ?, status = 'installed', disposition = NULL WHERE id = ?");
  const unlinkMaster = db.prepare("UPDATE end_devices SET usage_point_id = NULL, status = 'removed' WHERE id = ?");
  const openLinkNoOrder = db.prepare(
    'INSERT INTO usage_point_links (end_device_id, usage_point_id, linked_at, work_order_id) VALUES (?, ?, ?, NULL)',
  );
  const closeLinkNoOrder = db.prepare('UPDATE usage_point_links SET unlinked_at = ? WHERE end_device_id = ? AND unlinked_at IS NULL');
  const closedLinkNoOrder = db.prepare(
    'INSERT INTO usage_point_links (end_device_id, usage_point_id, linked_at, unlinked_at, work_order_id) VALUES (?, ?, NULL, ?, NULL)',
  );
  const inProgressAt = db.prepare("SELECT id FROM work_orders WHERE usage_point_id = ? AND status = 'inProgress' ORDER BY id");

  const registersOf = db.prepare(`SELECT ${REGISTER_COLUMNS} FROM registers WHERE end_device_id = ? ORDER BY id`);
  const addRegister = db.prepare('INSERT INTO registers (end_device_id, reading_type, label, dials, decimals) VALUES (?, ?, ?, ?, ?)');

  const toDevice = (
    r: { id: number; serial_number: string; kind: 'meter' | 'pan'; usage_point_id: string | null; status: string } | undefined,
  ): DeviceRow | null =>
    r ? { id: r.id, serialNumber: r.serial_number, kind: r.kind, usagePointId: r.usage_point_id, status: r.status } : null;

  return {
    list: (): WorkOrderRow[] => (list.all() as RawOrder[]).map(toOrder),
    get: (id: string): WorkOrderRow | null => {
      const row = get.get(id) as RawOrder | undefined;
      return row ? toOrder(row) : null;
    },
    /** Returns false when the id exists already (a work order arriving twice by sync). */
    insert: (o: {
      id: string;
      kind: WorkOrderKind;
      usagePointId: string;
      expectedMeterSerial: string | null;
      description: string;
      source: 'enterprise' | 'local';
      at: string;
    }) => insert.run(o).changes === 1,
    setStatus: (o: { id: string; status: WorkOrderStatus; reason: string | null; at: string; cancelledWhileActive?: boolean }) =>
      setStatus.run({ ...o, cancelledWhileActive: o.cancelledWhileActive ? 1 : 0 }),
    addStep: (workOrderId: string, step: string, at: string, details: Record<string, unknown> = {}) =>
      addStep.run(workOrderId, step, at, JSON.stringify(details)),
    steps: (workOrderId: string) =>
      (steps.all(workOrderId) as { step: string; at: string; details: string }[]).map((s) => ({
        step: s.step,
        at: s.at,
        details: JSON.parse(s.details) as Record<string, unknown>,
      })),
    placeOf: (usagePointId: string) =>
      placeOf.get(usagePointId) as { address: string; route: string | null; sequence: number | null } | undefined,
    deviceBySerial: (serial: string) => toDevice(deviceBySerial.get(serial) as Parameters<typeof toDevice>[0]),
    meterAt: (usagePointId: string) => toDevice(meterAt.get(usagePointId) as Parameters<typeof toDevice>[0]),
    addStockMeter: (serial: string): number => Number(insertStockMeter.run(serial).lastInsertRowid),
    installMeter(deviceId: number, usagePointId: string, at: string, workOrderId: string) {
      install.run(usagePointId, deviceId);
      openLink.run(deviceId, usagePointId, at, workOrderId);
    },
    removeMeter(deviceId: number, usagePointId: string, disposition: 'returned' | 'scrapped', at: string, workOrderId: string) {
      remove.run(disposition, deviceId);
      if (closeLink.run(at, workOrderId, deviceId).changes === 0) closedLink.run(deviceId, usagePointId, at, workOrderId);
    },
    linkHistory: (deviceId: number) =>
      (linkHistory.all(deviceId) as { usage_point_id: string; linked_at: string | null; unlinked_at: string | null }[]).map((l) => ({
        usagePointId: l.usage_point_id,
        linkedAt: l.linked_at,
        unlinkedAt: l.unlinked_at,
      })),
    applySeals(deviceId: number, sealNumbers: readonly string[], at: string, workOrderId: string) {
      for (const seal of sealNumbers) applySeal.run(deviceId, seal, at, workOrderId);
    },
    removeSeals: (deviceId: number, at: string) => removeSeals.run(at, deviceId),
    openSeals: (deviceId: number): string[] => openSeals.pluck().all(deviceId) as string[],
    addPan: (p: {
      eui64: string;
      usagePointId: string;
      deviceType: string;
      installCode: string;
      meterId: number;
      at: string;
      workOrderId: string;
    }): number => {
      const id = Number(insertPan.run(p.eui64, p.usagePointId, p.deviceType, p.installCode, p.meterId).lastInsertRowid);
      openLink.run(id, p.usagePointId, p.at, p.workOrderId);
      return id;
    },
    decommissionPan(deviceId: number, at: string, workOrderId: string) {
      decommissionPan.run(deviceId);
      closeLink.run(at, workOrderId, deviceId);
    },
    renameDevice: (deviceId: number, serial: string) => renameDevice.run(serial, deviceId),
    /** Only for a device at no usage point: where a meter is installed is the linkage's business. */
    setAssetStatus: (deviceId: number, status: 'inStock' | 'removed') => setAssetStatus.run(status, deviceId).changes === 1,
    /** Master data link (MasterDataLinkageConfig create): no work order behind it. */
    linkMeter(deviceId: number, usagePointId: string, at: string) {
      linkMaster.run(usagePointId, deviceId);
      openLinkNoOrder.run(deviceId, usagePointId, at);
    },
    /** Master data unlink (MasterDataLinkageConfig close). */
    unlinkMeter(deviceId: number, usagePointId: string, at: string) {
      unlinkMaster.run(deviceId);
      if (closeLinkNoOrder.run(at, deviceId).changes === 0) closedLinkNoOrder.run(deviceId, usagePointId, at);
    },
    /** Work orders under way at this usage point (a crew is on site: its data wins). */
    inProgressAt: (usagePointId: string): string[] => inProgressAt.pluck().all(usagePointId) as string[],
    /** The meter's registers with their history (last reading, average daily use, multiplier), as a route read checks them. */
    registersOf: (deviceId: number): Register[] => (registersOf.all(deviceId) as RegisterRow[]).map(toRegister),
    addRegister: (deviceId: number, r: { readingType: string; label: string; dials: number; decimals: number }) =>
      addRegister.run(deviceId, r.readingType, r.label, r.dials, r.decimals),
    /** An installed PAN device at this usage point, with the serial of the meter it is paired with. */
    panAt: (usagePointId: string, eui64: string) =>
      (panAt.get(usagePointId, eui64) as { id: number; eui64: string; deviceType: string; meter: string | null } | undefined) ?? null,
    /** The join as the enterprise reports it; once joined, the install code is no longer kept. */
    setJoinStatus: (deviceId: number, status: 'pending' | 'joined' | 'failed') => setJoinStatus.run({ id: deviceId, status }).changes === 1,
    pansAt: (usagePointId: string) => pansAt.all(usagePointId) as { eui64: string; deviceType: string; joinStatus: string }[],
  };
}
export type WorkOrdersRepository = ReturnType<typeof createWorkOrdersRepository>;
