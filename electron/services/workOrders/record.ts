/**
 * What a work order or a switch order did on site, read back from the database (issue 17 §3): the
 * readings of the meter taken out (final) and put in (initial) with values and units, the seals
 * taken off and put on, the photos, the programming of the new meter and the PAN devices. The
 * meter jobs write one step with the meters and seals and their reading sets at the step's moment
 * (meterSteps.ts); PAN jobs one step per device (pan.ts); a switch order keeps its reading set and
 * seal on its row (switching/control.ts).
 */
import { describeReadingType } from '../../../shared/cim/readingType';
import type { JobRecord } from '../../../shared/contract/methods/jobRecord';
import type { Store } from '../store';
import type { SetReading } from '../store/repositories/visitFacts';
import { requireSwitchOrder } from '../switching/orders';
import { requireWorkOrder } from './lifecycle';
import { programmingOf } from './programming';

const METER_STEPS = new Set(['exchanged', 'removed', 'installed']);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const plain = (r: SetReading, role: JobRecord['readings'][number]['role']) => ({
  meter: r.meterSerial,
  role,
  label: r.label,
  value: r.value ?? '',
  unit: describeReadingType(r.readingType)?.unit ?? '',
  readAt: r.readAt,
  source: r.source,
});

/** A set's readings in register order, as the order's screen lists them (the receipt keeps its own order). */
const byRegister = (rows: readonly SetReading[]) => [...rows].sort((a, b) => a.registerId - b.registerId);

/** The visit's reading sets that hold readings, with them, and their photos counted (the one visit read model). */
function setsOf(store: Store, ids: readonly string[]) {
  const sets = ids.map((id) => ({ id, rows: byRegister(store.visitFacts.setReadings(id)) })).filter((s) => s.rows.length > 0);
  return { rows: sets.flatMap((s) => s.rows), photos: sets.reduce((n, s) => n + store.visitFacts.photosOf(s.id).length, 0) };
}

export function workOrderRecord(store: Store, workOrderId: string): JobRecord {
  const order = requireWorkOrder(store, workOrderId);
  const steps = store.workOrders.steps(order.id);
  const job = steps.find((s) => METER_STEPS.has(s.step));
  // The old meter's serial names the final readings; every other set at that moment is the new meter's.
  const removed = job ? String(job.details.oldMeter ?? (job.step === 'removed' ? job.details.meter : '') ?? '') : '';
  const recorded = setsOf(store, job ? store.visitFacts.readingSetsAt(order.usagePointId, job.at) : []);
  const readings = recorded.rows.map((r) => plain(r, r.meterSerial === removed ? 'final' : 'initial'));
  return {
    // The meter taken out first, then the one put in (the order the job wrote them).
    readings: [...readings.filter((r) => r.role === 'final'), ...readings.filter((r) => r.role !== 'final')],
    sealsRemoved: strings(job?.details.sealsRemoved),
    sealsApplied: strings(job?.details.sealsApplied),
    photos: recorded.photos,
    programming: programmingOf(store, order.id).map(({ operation, meter, result, at }) => ({ operation, meter, result, at })),
    panDevices: steps.flatMap((s) =>
      s.step === 'panCommissioned' || s.step === 'panDecommissioned'
        ? [
            {
              eui64: String(s.details.eui64 ?? ''),
              deviceType: String(s.details.deviceType ?? ''),
              change: s.step === 'panCommissioned' ? ('commissioned' as const) : ('decommissioned' as const),
              at: s.at,
            },
          ]
        : [],
    ),
  };
}

export function switchOrderRecord(store: Store, switchOrderId: string): JobRecord {
  const order = requireSwitchOrder(store, switchOrderId);
  const recorded = setsOf(store, order.readingSetId ? [order.readingSetId] : []);
  // A disconnect puts its seal on the meter; a reconnect takes that seal off (control.ts).
  const seal = order.sealNumber ? [order.sealNumber] : [];
  return {
    readings: recorded.rows.map((r) => plain(r, 'reading')),
    sealsRemoved: order.kind === 'reconnect' ? seal : [],
    sealsApplied: order.kind === 'disconnect' ? seal : [],
    photos: recorded.photos,
    programming: [],
    panDevices: [],
  };
}
