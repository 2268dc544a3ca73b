/**
 * A route's radio meters as the receiver simulator plays them (issue 23 §6): every stop whose meter
 * number is a radio address (radioAddress.ts), from a route on this device or a route CSV, sending
 * its last reading plus a day's use as its volume, encrypted with its key where one is given (mode 5,
 * as the training meters are) and in the clear where none is. For training on a utility's own
 * route and for tests; the keys are used to encrypt and never printed.
 */
import { radioAddressOf } from '../../../shared/mbus/radioAddress';
import type { RadioMeterProfile } from '../../../shared/mbus';
import type { Store } from '../store';
import { parseRouteCsv } from '../routes/routeCsv';
import { radioStopsOf } from './radioRoute';

/** Water (EN 13757-3 Table 12, device type 0x07): the simulated records are volumes in m³. */
const WATER = 0x07;
/** A day's use when the route gives none, m³ (a household's water). */
const DEFAULT_DAILY_USE = 0.3;

/** The meter's register a little on from its last reading, as a meter read a day later would show. */
function volumeAfterADay(lastValue: string | null, dailyUse: number | null): string {
  const last = Number(lastValue ?? '0');
  const next = (Number.isFinite(last) ? last : 0) + (dailyUse ?? DEFAULT_DAILY_USE);
  return next.toFixed(3);
}

const profile = (manufacturer: string, id: string, volume: string, keys: ReadonlyMap<string, Uint8Array>): RadioMeterProfile => {
  const key = keys.get(`${manufacturer}${id}`);
  return { manufacturer, id, version: 1, deviceType: WATER, volume, ...(key ? { key } : {}) };
};

/** The radio meters of a route on this device. */
export function radioMetersOfRoute(store: Store, routeId: string, keys: ReadonlyMap<string, Uint8Array>): RadioMeterProfile[] {
  return radioStopsOf(store, routeId).map((stop) => {
    const register = store.meters.get(stop.usagePointId)?.registers[0];
    return profile(stop.manufacturer, stop.id, volumeAfterADay(register?.lastValue ?? null, register?.averageDailyUse ?? null), keys);
  });
}

/** The radio meters of one route in a route CSV (its rows may be checked loosely: only meter numbers and last readings are used). */
export function radioMetersOfCsv(content: string, routeId: string, keys: ReadonlyMap<string, Uint8Array>): RadioMeterProfile[] {
  const meters = new Map<string, RadioMeterProfile>();
  for (const row of parseRouteCsv(content).rows) {
    const address = row.routeId === routeId ? radioAddressOf(row.meterSerial) : null;
    const name = address ? `${address.manufacturer}${address.id}` : '';
    if (!address || meters.has(name)) continue;
    meters.set(name, profile(address.manufacturer, address.id, volumeAfterADay(row.lastValue, row.averageDailyUse), keys));
  }
  return [...meters.values()];
}
