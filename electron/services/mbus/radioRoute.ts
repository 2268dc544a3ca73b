/**
 * A route's radio meters and where their telegrams' records go. A stop is a radio meter when its
 * meter number in the read list is written as the meter's wireless M-Bus address: the
 * manufacturer's three letters and the 8-digit identification number the meter sends
 * (EN 13757-4 M- and A-field, e.g. `KAM44556677`; docs/ARCHITECTURE.md "Wireless M-Bus").
 */
import type { DataRecord } from '../../../shared/mbus';
import { parseReadingType } from '../../../shared/cim/readingType';
import { radioAddressOf } from '../../../shared/mbus/radioAddress';
import type { Store } from '../store';

export interface RadioRegister {
  readonly id: number;
  readonly readingType: string;
  readonly decimals: number;
}

export interface RadioStop {
  readonly usagePointId: string;
  readonly sequence: number;
  readonly address: string;
  readonly meterSerial: string;
  readonly manufacturer: string;
  readonly id: string;
  readonly registers: readonly RadioRegister[];
}

export { radioAddressOf };

export function radioStopsOf(store: Store, routeId: string): RadioStop[] {
  const stops: RadioStop[] = [];
  for (const item of store.meters.listForRoute(routeId, '', 'all')) {
    const address = radioAddressOf(item.meterSerial);
    if (!address) continue;
    const detail = store.meters.get(item.usagePointId);
    if (!detail) continue;
    const registers = detail.registers.map((r) => ({ id: r.id, readingType: r.readingType, decimals: r.decimals }));
    stops.push({
      usagePointId: item.usagePointId,
      sequence: item.sequence,
      address: item.address,
      meterSerial: item.meterSerial,
      ...address,
      registers,
    });
  }
  return stops;
}

/** CIM unit and multiplier (IEC 61968-9 ReadingType fields 17 and 16) of a record's value, for the registers it can fill. */
const unitOfRecord: Readonly<Record<string, { unit: number; multiplier: number }>> = {
  m3: { unit: 42, multiplier: 0 },
  kWh: { unit: 72, multiplier: 3 },
  MWh: { unit: 72, multiplier: 6 },
  Wh: { unit: 72, multiplier: 0 },
  GJ: { unit: 31, multiplier: 9 },
};

/**
 * The register a record's value belongs in: only current values (storage 0, tariff 0, subunit 0,
 * instantaneous, EN 13757-3 §6.3) of a counting quantity, and only in the unit the register counts.
 */
export function registerFor(record: DataRecord, registers: readonly RadioRegister[]): RadioRegister | undefined {
  if (record.storage !== 0 || record.tariff !== 0 || record.subunit !== 0 || record.function !== 'instantaneous') return undefined;
  if (record.quantity !== 'volume' && record.quantity !== 'energy') return undefined;
  const unit = record.unit ? unitOfRecord[record.unit] : undefined;
  if (!unit || record.value === null) return undefined;
  return registers.find((r) => {
    const type = parseReadingType(r.readingType);
    return type !== null && type.unit === unit.unit && type.multiplier === unit.multiplier && type.tou === 0;
  });
}

/** A meter's value as its register shows it: the decimals the register has, the rest cut off as a display does. */
export function asRegisterValue(value: string, decimals: number): string {
  const [whole = '0', fraction = ''] = value.replace(/^-/, '').split('.');
  const kept = fraction.slice(0, decimals);
  return kept ? `${whole}.${kept}` : whole;
}
