/**
 * MeterConfig in: an unknown meter arrives in stock (create / created; a change names a known
 * one, so one for an unknown meter is refused); a known one gets its serial number, asset status
 * and received date (lifecycle/receivedDate) from the enterprise — but where a meter is installed
 * is the linkage's business (and the field's): the status of a meter at a usage point is never
 * changed from here.
 * Conflict rule (issue 7): a field visit's own data wins over stale master data. A change the
 * enterprise made (Header.Timestamp) before the meter's last field visit does not touch the
 * meter; it is counted as `metersKeptFieldData` so the user sees it in the received list.
 */
import { defaultIntegrationProfile } from '../../../shared/cim/integrationProfile';
import { meterStatusOfWord } from '../../../shared/cim/meterStatusWords';
import type { MeterConfig } from '../../../shared/cim/payloads';
import type { AssetStatus } from '../../../shared/domain/workOrder';
import { findMeter, meterKeys, reject, type Counts, type InboundContext } from './context';
import { keepMeterConfigKeys } from './meterConfigKeys';

/**
 * The app's state for the meter's Status/value through the profile's status words (issue 19 §1):
 * the XSD allows any string, so a word the profile does not map is refused with the word named.
 */
function statusOf(ctx: InboundContext, serial: string, value: string | undefined): AssetStatus | undefined {
  const word = value?.trim();
  if (word === undefined || word === '') return undefined;
  const profile = ctx.profile ?? defaultIntegrationProfile;
  const status = meterStatusOfWord(profile.meterStatus, word);
  if (status === null) {
    reject(ctx, 'statusWordUnknown', { serial, word, profile: profile.name, known: Object.keys(profile.meterStatus) }, word);
  }
  return status;
}

/** xs:date, with the zone XSD allows after it (MeterConfig.xsd LifecycleDate.receivedDate). */
const XS_DATE = /^(\d{4}-\d\d-\d\d)(?:Z|[+-]\d\d:\d\d)?$/;

/** The day the utility received the meter (lifecycle/receivedDate), refused when it is not a date. */
function receivedDayOf(ctx: InboundContext, serial: string, value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const day = XS_DATE.exec(text)?.[1];
  if (day === undefined || Number.isNaN(Date.parse(day)) || new Date(day).toISOString().slice(0, 10) !== day)
    reject(ctx, 'badValue', { field: `${serial}: lifecycle/receivedDate`, value: text, expected: 'date' }, text);
  return day;
}

export function applyMeterConfig(ctx: InboundContext, verb: string, payload: MeterConfig): Counts {
  const counts: {
    metersAdded: number;
    metersUpdated: number;
    metersUnchanged: number;
    metersKeptFieldData?: number;
    meterKeysSet?: number;
  } = {
    metersAdded: 0,
    metersUpdated: 0,
    metersUnchanged: 0,
  };
  if (payload.meters.length === 0) reject(ctx, 'emptyPayload', { noun: 'MeterConfig', element: 'Meter' });
  for (const meter of payload.meters) {
    const keys = meterKeys(meter);
    if (keys.length === 0) reject(ctx, 'noIdentifier', { element: 'Meter' });
    const serial = meter.serialNumber?.trim() || (keys[0] as string);
    const status = statusOf(ctx, serial, meter.status?.value);
    const receivedDay = receivedDayOf(ctx, serial, meter.lifecycle?.receivedDate);
    const device = findMeter(ctx, meter);
    // Keys are the utility's, not field data: kept whatever the conflict rule below decides.
    if (keepMeterConfigKeys(ctx, meter, serial) > 0) counts.meterKeysSet = (counts.meterKeysSet ?? 0) + 1;
    if (!device) {
      if (verb === 'change' || verb === 'changed')
        reject(ctx, 'unknownTarget', { element: 'Meter', id: keys.join(' / '), action: 'change' }, keys[0]);
      if (status === 'installed') reject(ctx, 'newMeterInstalled', { serial }, status);
      const id = ctx.store.workOrders.addStockMeter(serial);
      if (status === 'removed') ctx.store.workOrders.setAssetStatus(id, 'removed');
      if (receivedDay !== undefined) ctx.store.endDevices.setReceivedDate(id, receivedDay);
      counts.metersAdded++;
      continue;
    }
    if (device.kind !== 'meter') reject(ctx, 'notAMeter', { serial: device.serialNumber }, keys[0]);
    const visitedAt = ctx.sentAt ? ctx.store.readRequests.lastFieldVisitAt(device.id) : null;
    if (visitedAt !== null && ctx.sentAt !== undefined && Date.parse(ctx.sentAt) < Date.parse(visitedAt)) {
      counts.metersKeptFieldData = (counts.metersKeptFieldData ?? 0) + 1; // named only when it happened
      continue;
    }
    let changed = false;
    if (serial !== device.serialNumber) {
      const other = ctx.store.workOrders.deviceBySerial(serial);
      if (other && other.id !== device.id) reject(ctx, 'serialTaken', { serial: device.serialNumber, newSerial: serial }, serial);
      ctx.store.workOrders.renameDevice(device.id, serial);
      changed = true;
    }
    if (status !== undefined && status !== device.status) {
      if (device.usagePointId !== null || status === 'installed') {
        reject(ctx, 'statusChangesInstallation', { serial: device.serialNumber, from: device.status, to: status }, status);
      }
      ctx.store.workOrders.setAssetStatus(device.id, status);
      changed = true;
    }
    if (receivedDay !== undefined && ctx.store.endDevices.setReceivedDate(device.id, receivedDay)) changed = true;
    if (changed) counts.metersUpdated++;
    else counts.metersUnchanged++;
  }
  return counts;
}
