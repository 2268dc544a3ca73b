/**
 * Who sent a telegram: the manufacturer's three letters (the FLAG id, EN 13757-3 §6.5 / EN 62056-21
 * FLAG association: 5 bits per letter, 'A' = 1) and the device type byte (EN 13757-3:2018 Table 12,
 * OMS Vol.2 Table 2) as the words a crew reads on a route: water, heat, gas…
 */
export function manufacturerCode(flag: number): string {
  return String.fromCharCode(((flag >> 10) & 0x1f) + 64, ((flag >> 5) & 0x1f) + 64, (flag & 0x1f) + 64);
}

/** The 2-byte field for three letters, e.g. 'KAM' → 0x2C2D. */
export function manufacturerFlag(code: string): number {
  const c = code.toUpperCase();
  const n = (i: number) => (c.charCodeAt(i) - 64) & 0x1f;
  return (n(0) << 10) | (n(1) << 5) | n(2);
}

export const deviceTypes = [
  'other',
  'oil',
  'electricity',
  'gas',
  'heat',
  'steam',
  'warmWater',
  'water',
  'heatCostAllocator',
  'compressedAir',
  'cooling',
  'heatCooling',
  'busComponent',
  'unknown',
  'hotWater',
  'coldWater',
  'dualWater',
  'pressure',
  'adConverter',
  'smokeDetector',
  'roomSensor',
  'gasDetector',
  'sensor',
  'breaker',
  'valve',
  'display',
  'wasteWater',
  'garbage',
  'communicationController',
  'repeater',
  'radioConverter',
  'wiredAdapter',
  'reserved',
] as const;
export type DeviceType = (typeof deviceTypes)[number];

const byCode: Readonly<Record<number, DeviceType>> = {
  0x00: 'other',
  0x01: 'oil',
  0x02: 'electricity',
  0x03: 'gas',
  0x04: 'heat', // volume measured at return temperature: outlet
  0x05: 'steam',
  0x06: 'warmWater',
  0x07: 'water',
  0x08: 'heatCostAllocator',
  0x09: 'compressedAir',
  0x0a: 'cooling', // volume at return temperature: outlet
  0x0b: 'cooling', // volume at flow temperature: inlet
  0x0c: 'heat', // volume at flow temperature: inlet
  0x0d: 'heatCooling',
  0x0e: 'busComponent',
  0x0f: 'unknown',
  0x15: 'hotWater',
  0x16: 'coldWater',
  0x17: 'dualWater',
  0x18: 'pressure',
  0x19: 'adConverter',
  0x1a: 'smokeDetector',
  0x1b: 'roomSensor',
  0x1c: 'gasDetector',
  0x1d: 'sensor',
  0x1e: 'sensor',
  0x1f: 'sensor',
  0x20: 'breaker',
  0x21: 'valve',
  0x25: 'display',
  0x28: 'wasteWater',
  0x29: 'garbage',
  0x31: 'communicationController',
  0x32: 'repeater',
  0x33: 'repeater',
  0x36: 'radioConverter',
  0x37: 'radioConverter',
  0x38: 'wiredAdapter',
};

export const deviceTypeOf = (code: number): DeviceType => byCode[code] ?? 'reserved';
