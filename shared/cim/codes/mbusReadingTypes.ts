/**
 * The IEC 61968-9 ReadingType of an M-Bus data record (EN 13757-3 §6), for the values a meter sends
 * besides the registers its stop counts: flow, power, temperatures, energy and volume. Field values
 * from the Connexo CBO enums (NOTES.md §6): MeasurementKind energy 12, power 37, temperature 46,
 * volume 58, volumetricFlow 155; ReadingTypeUnit K 6, °C 23, J 31, W 38, m³ 42, m³/s 45, Wh 72,
 * m³/h 125; Accumulation bulkQuantity 1, indicating 6, instantaneous 12; Aggregate
 * maximum 8, minimum 9; commodity as shared/cim/codes/mbusChannels.ts (heatingFluid 12 composed).
 *
 * The value keeps the unit the VIF gives (vif.ts: kWh, MWh, GJ, W, MW, m³/h…): the multiplier says
 * the prefix (k = 3, M = 6, G = 9), so no value is converted. A record measured over the meter's
 * function field (maximum, minimum) says so in the aggregate; a value "during error state" (function
 * 3), a quantity without a CIM unit (m³/min, J/h, kg, HCA units, times, dates, identifiers) has no
 * ReadingType: it is kept with the reading, not sent. Flow and return temperatures are told apart by
 * the flow direction (forward 1 to the consumer, reverse 19 back) — composed, no published
 * ReadingType for either was found.
 */
import type { DataRecord, DeviceType } from '../../mbus';
import { encodeReadingType, type ReadingType } from '../readingType';

/** ReadingType commodity (field 6) of what an M-Bus device type meters; 0 (NA) when none fits. */
export function commodityOfDeviceType(deviceType: DeviceType | null): number {
  switch (deviceType) {
    case 'electricity':
      return 1;
    case 'gas':
      return 7;
    case 'water':
    case 'coldWater':
    case 'warmWater':
    case 'hotWater':
    case 'dualWater':
      return 9;
    case 'heat':
    case 'heatCooling':
    case 'cooling':
      return 12;
    default:
      return 0;
  }
}

/** Unit of a record (as vif.ts names it) → [measurementKind, multiplier, ReadingTypeUnit]. */
const units: Readonly<Record<string, readonly [number, number, number]>> = {
  kWh: [12, 3, 72],
  MWh: [12, 6, 72],
  GJ: [12, 9, 31],
  m3: [58, 0, 42],
  W: [37, 0, 38],
  MW: [37, 6, 38],
  'm3/h': [155, 0, 125],
  'm3/s': [155, 0, 45],
  '°C': [46, 0, 23],
  K: [46, 0, 6],
};

const counting = new Set(['energy', 'volume']);
const temperatures: Readonly<Record<string, number>> = {
  flowTemperature: 1,
  returnTemperature: 19,
  temperatureDifference: 0,
  externalTemperature: 0,
};

/** Why a record with a value goes without a ReadingType (kept with the reading, said so). */
export type UnsentRecordReason = 'errorState' | 'noReadingType' | 'notNumeric' | 'subunit';

export type RecordReadingType = { readonly readingType: string } | { readonly unsent: UnsentRecordReason };

export function recordReadingType(record: DataRecord, commodity: number): RecordReadingType {
  if (record.manufacturerVif !== undefined || record.value === null || !/^-?\d+(\.\d+)?$/.test(record.value))
    return { unsent: 'notNumeric' };
  if (record.function === 'error') return { unsent: 'errorState' };
  // A subunit is a second device behind the same address (EN 13757-3 §6.3.2): a ReadingType cannot say which.
  if (record.subunit !== 0) return { unsent: 'subunit' };
  const unit = record.unit ? units[record.unit] : undefined;
  const isTemperature = record.quantity in temperatures;
  const known =
    unit &&
    (counting.has(record.quantity) ||
      (record.quantity === 'power' && unit[0] === 37) ||
      (record.quantity === 'volumeFlow' && unit[0] === 155) ||
      isTemperature);
  if (!unit || !known) return { unsent: 'noReadingType' };
  const [measurementKind, multiplier, symbol] = unit;
  const aggregate = record.function === 'maximum' ? 8 : record.function === 'minimum' ? 9 : 0;
  // A register counts (bulk quantity); a rate or a temperature is read as it is now, or as the
  // meter's maximum or minimum over its period (indicating, as a maximum-demand register is).
  const accumulation = counting.has(record.quantity) ? 1 : aggregate ? 6 : 12;
  const fields: Partial<ReadingType> = {
    aggregate,
    accumulation,
    flowDirection: isTemperature ? (temperatures[record.quantity] ?? 0) : 1,
    commodity: record.quantity === 'externalTemperature' ? 0 : commodity,
    measurementKind,
    tou: record.tariff,
    multiplier,
    unit: symbol,
  };
  return { readingType: encodeReadingType(fields) };
}
