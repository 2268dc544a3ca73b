/**
 * Value information (EN 13757-3:2018 §6.4): what a record measures, its unit and its decimal
 * exponent. The primary table (Table 10), the 0xFD and 0xFB extension tables (Tables 14 and 12)
 * for the entries meters send, and the combinable VIFEs that scale a value (Table 15: 0x70–0x77
 * ×10^(n−6), 0x7D ×10³). Energy in Wh is given in kWh and in J in GJ (an exact shift of the
 * exponent), as readings are kept; every other unit is the one the VIF names.
 */
/** `bits`: a bit field (EN 13757-3 Annex A type D: error flags, digital inputs and outputs), read unsigned. */
export type ValueKind = 'number' | 'bits' | 'date' | 'dateTime' | 'text' | 'raw';

export interface ValueInfo {
  readonly quantity: string;
  readonly unit: string | null;
  /** The value is the stored integer × 10^exponent. */
  readonly exponent: number;
  readonly kind: ValueKind;
}

const timeUnits = ['s', 'min', 'h', 'd'] as const;
const num = (quantity: string, unit: string | null, exponent = 0): ValueInfo => ({ quantity, unit, exponent, kind: 'number' });
const unknown: ValueInfo = num('unknown', null);
/** Extension codes (Table 14) whose value is a bit field (type D), never a signed count. */
const bitFields = new Set([0x17, 0x18, 0x1a, 0x1b]);

/** Primary VIF, extension bit masked off (Table 10). */
export function primaryVif(code: number): ValueInfo {
  const n3 = code & 0x07;
  const n2 = code & 0x03;
  switch (code & 0x78) {
    case 0x00:
      return num('energy', 'kWh', n3 - 6); // 10^(n−3) Wh
    case 0x08:
      return num('energy', 'GJ', n3 - 9); // 10^n J
    case 0x10:
      return num('volume', 'm3', n3 - 6);
    case 0x18:
      return num('mass', 'kg', n3 - 3);
    case 0x28:
      return num('power', 'W', n3 - 3);
    case 0x30:
      return num('power', 'J/h', n3);
    case 0x38:
      return num('volumeFlow', 'm3/h', n3 - 6);
    case 0x40:
      return num('volumeFlow', 'm3/min', n3 - 7);
    case 0x48:
      return num('volumeFlow', 'm3/s', n3 - 9);
    case 0x50:
      return num('massFlow', 'kg/h', n3 - 3);
  }
  switch (code & 0x7c) {
    case 0x20:
      return num('onTime', timeUnits[n2] ?? null);
    case 0x24:
      return num('operatingTime', timeUnits[n2] ?? null);
    case 0x58:
      return num('flowTemperature', '°C', n2 - 3);
    case 0x5c:
      return num('returnTemperature', '°C', n2 - 3);
    case 0x60:
      return num('temperatureDifference', 'K', n2 - 3);
    case 0x64:
      return num('externalTemperature', '°C', n2 - 3);
    case 0x68:
      return num('pressure', 'bar', n2 - 3);
    case 0x70:
      return num('averagingDuration', timeUnits[n2] ?? null);
    case 0x74:
      return num('actualityDuration', timeUnits[n2] ?? null);
  }
  switch (code) {
    case 0x6c:
      return { quantity: 'timePoint', unit: null, exponent: 0, kind: 'date' };
    case 0x6d:
      return { quantity: 'timePoint', unit: null, exponent: 0, kind: 'dateTime' };
    case 0x6e:
      return num('hcaUnits', null);
    case 0x78:
      return num('fabricationNumber', null);
    case 0x79:
      return num('identification', null);
    case 0x7a:
      return num('busAddress', null);
    case 0x7e:
      return num('any', null);
  }
  return unknown;
}

/** 0xFD extension table (Table 14), the entries meters send. */
export function extensionFd(code: number): ValueInfo {
  const n2 = code & 0x03;
  if ((code & 0x7c) === 0x00) return num('credit', null, n2 - 3);
  if ((code & 0x7c) === 0x04) return num('debit', null, n2 - 3);
  if ((code & 0x70) === 0x40) return num('voltage', 'V', (code & 0x0f) - 9);
  if ((code & 0x70) === 0x50) return num('current', 'A', (code & 0x0f) - 12);
  if ((code & 0x7c) === 0x2c) return num('durationSinceReadout', timeUnits[n2] ?? null);
  if ((code & 0x7c) === 0x6c) return num('batteryOperatingTime', timeUnits[n2] ?? null);
  const named: Readonly<Record<number, string>> = {
    0x08: 'accessNumber',
    0x09: 'medium',
    0x0a: 'manufacturer',
    0x0b: 'parameterSet',
    0x0c: 'modelVersion',
    0x0d: 'hardwareVersion',
    0x0e: 'firmwareVersion',
    0x0f: 'softwareVersion',
    0x10: 'customerLocation',
    0x11: 'customer',
    0x16: 'password',
    0x17: 'errorFlags',
    0x18: 'errorMask',
    0x1a: 'digitalOutput',
    0x1b: 'digitalInput',
    0x1c: 'baudRate',
    0x60: 'resetCounter',
    0x61: 'cumulationCounter',
    0x71: 'rssi',
    0x74: 'remainingBatteryLife',
  };
  if (code === 0x70) return { quantity: 'batteryChange', unit: null, exponent: 0, kind: 'dateTime' };
  if (code === 0x71) return num('rssi', 'dBm');
  if (code === 0x74) return num('remainingBatteryLife', 'd');
  const quantity = named[code];
  if (quantity && bitFields.has(code)) return { quantity, unit: null, exponent: 0, kind: 'bits' };
  return quantity ? num(quantity, null) : unknown;
}

/** 0xFB extension table (Table 12), the entries meters send. */
export function extensionFb(code: number): ValueInfo {
  const n1 = code & 0x01;
  const n2 = code & 0x03;
  switch (code & 0x7e) {
    case 0x00:
      return num('energy', 'MWh', n1 - 1);
    case 0x08:
      return num('energy', 'GJ', n1 - 1);
    case 0x10:
      return num('volume', 'm3', n1 + 2);
    case 0x18:
      return num('mass', 't', n1 + 2);
    case 0x1a:
      return num('humidity', '%', n1 - 1); // OMS Vol.2 Table 30: relative humidity
    case 0x28:
      return num('power', 'MW', n1 - 1);
    case 0x30:
      return num('power', 'GJ/h', n1 - 1);
  }
  if ((code & 0x7c) === 0x74) return num('temperatureLimit', '°C', n2 - 3);
  return unknown;
}

/** A combinable VIFE's effect on the exponent (Table 15); 0 for the ones that only qualify. */
export function vifeExponent(code: number): number {
  const c = code & 0x7f;
  if ((c & 0x78) === 0x70) return (c & 0x07) - 6;
  if (c === 0x7d) return 3;
  return 0;
}
