/**
 * The names the meter side supplies, in English (issue 16 §3: no user-visible English outside the
 * translation tables): DLMS interface classes by class id, and the M-Bus record's quantity,
 * function, device type and security mode. One table for the screen (renderer catalogs) and the
 * CLI; German in meterNames.de.ts. A test derives every code from the decoders' own tables.
 */
import type { KnownClassId } from '../dlms/objectList';
import type { DeviceType } from '../mbus/identity';
import type { RecordFunction } from '../mbus/records';

/** DLMS UA 1000-1 (Blue Book) interface class names, by class id. */
const dlmsClass = {
  1: 'Data',
  3: 'Register',
  4: 'Extended register',
  5: 'Demand register',
  6: 'Register activation',
  7: 'Profile generic (load profile or log)',
  8: 'Clock',
  9: 'Script table',
  10: 'Schedule',
  11: 'Special days table',
  15: 'Association LN',
  17: 'SAP assignment',
  18: 'Image transfer (firmware)',
  20: 'Activity calendar (tariffs)',
  21: 'Register monitor',
  22: 'Single action schedule',
  23: 'IEC HDLC setup',
  40: 'Push setup',
  61: 'Register table',
  64: 'Security setup',
  70: 'Disconnect control',
  71: 'Limiter',
  72: 'M-Bus client',
} satisfies Record<KnownClassId, string>;

/** What a record measures (EN 13757-3:2018 Tables 10, 12, 14; OMS Vol.2 Table 30), by the decoder's quantity. */
const mbusQuantity = {
  energy: 'Energy',
  volume: 'Volume',
  mass: 'Mass',
  power: 'Power',
  volumeFlow: 'Flow',
  massFlow: 'Mass flow',
  flowTemperature: 'Flow temperature',
  returnTemperature: 'Return temperature',
  temperatureDifference: 'Temperature difference',
  externalTemperature: 'Outside temperature',
  pressure: 'Pressure',
  timePoint: 'Date',
  onTime: 'Time on',
  operatingTime: 'Operating time',
  fabricationNumber: 'Fabrication number',
  errorFlags: 'Error flags',
  voltage: 'Voltage',
  current: 'Current',
  identification: 'Identification',
  busAddress: 'Bus address',
  plainTextUnit: 'Text value',
  manufacturerSpecific: 'Manufacturer data',
  unknown: 'Unknown value',
  any: 'Any value',
  remainingBatteryLife: 'Battery life left',
  batteryOperatingTime: 'Battery operating time',
  batteryChange: 'Battery changed',
  hcaUnits: 'Heat cost allocator units',
  humidity: 'Humidity',
  durationSinceReadout: 'Time since last readout',
  averagingDuration: 'Averaging time',
  actualityDuration: 'Age of the value',
  temperatureLimit: 'Temperature limit',
  credit: 'Credit',
  debit: 'Debit',
  rssi: 'Signal strength',
  accessNumber: 'Access number',
  medium: 'Medium',
  manufacturer: 'Manufacturer',
  parameterSet: 'Parameter set',
  modelVersion: 'Model version',
  hardwareVersion: 'Hardware version',
  firmwareVersion: 'Firmware version',
  softwareVersion: 'Software version',
  customerLocation: 'Customer location',
  customer: 'Customer',
  password: 'Password',
  errorMask: 'Error mask',
  digitalOutput: 'Digital output',
  digitalInput: 'Digital input',
  baudRate: 'Baud rate',
  resetCounter: 'Reset counter',
  cumulationCounter: 'Cumulation counter',
};

/** The DIF's function field (EN 13757-3:2018 §6.3.2 Table 5). */
const mbusFunction = {
  instantaneous: 'current value',
  maximum: 'maximum',
  minimum: 'minimum',
  error: 'value during an error',
} satisfies Record<RecordFunction, string>;

/** The device type byte (EN 13757-3:2018 Table 12, OMS Vol.2 Table 2), as shared/mbus/identity.ts names it. */
const mbusDevice = {
  other: 'Other device',
  oil: 'Oil',
  electricity: 'Electricity',
  gas: 'Gas',
  heat: 'Heat',
  steam: 'Steam',
  warmWater: 'Warm water',
  water: 'Water',
  heatCostAllocator: 'Heat cost allocator',
  compressedAir: 'Compressed air',
  cooling: 'Cooling',
  heatCooling: 'Heat and cooling',
  busComponent: 'Bus component',
  unknown: 'Unknown medium',
  hotWater: 'Hot water',
  coldWater: 'Cold water',
  dualWater: 'Dual water',
  pressure: 'Pressure',
  adConverter: 'A/D converter',
  smokeDetector: 'Smoke detector',
  roomSensor: 'Room sensor',
  gasDetector: 'Gas detector',
  sensor: 'Sensor',
  breaker: 'Breaker',
  valve: 'Valve',
  display: 'Display',
  wasteWater: 'Waste water',
  garbage: 'Waste',
  communicationController: 'Communication controller',
  repeater: 'Repeater',
  radioConverter: 'Radio converter',
  wiredAdapter: 'Wired M-Bus adapter',
  reserved: 'Reserved device type',
} satisfies Record<DeviceType, string>;

/** How a telegram is secured (OMS Vol.2 Issue 5 §9, EN 13757-7 §7): the TPL mode, or ELL alone. */
const mbusSecurity = {
  ell: 'ELL encryption (AES-128-CTR)',
  mode5: 'AES-128-CBC (security mode 5)',
  mode7: 'AES-128-CBC with a derived key (security mode 7)',
  /** A mode this app names by its number only. */
  mode: 'security mode {{mode}}',
};

export const meterNamesEn = { dlmsClass, mbusQuantity, mbusFunction, mbusDevice, mbusSecurity };
export type MeterNames = typeof meterNamesEn;
