/**
 * Why a meter could not be read. The utility may replace this list (setting `skipCodes`);
 * these defaults cover what crews meet most. Where the reason is something the device itself
 * reports, the skip is also sent as an IEC 61968-9 EndDeviceEvent (codes from
 * ../shared/cim/NOTES.md §7, with device type 0: the visit puts in the meter's own type, 3 electric,
 * 4 gas, 24 water — shared/cim/codes/endDeviceCodes.ts withEndDeviceType).
 *
 * "Meter damaged" sends no device event: the published table (Connexo EndDeviceEventTypeFactory)
 * has no event for a meter found damaged — 0.12.141.212 is "cover removed", which would tell the
 * enterprise of a tamper that nobody saw. The skip's MeterReadings (known missing read, with the
 * reason as comment) carries it.
 */
import type { SkipCode } from '../contract/entities';

export const defaultSkipCodes: readonly SkipCode[] = [
  { code: 'noAccess', label: 'No access', endDeviceEventType: null },
  { code: 'dog', label: 'Dog', endDeviceEventType: null },
  { code: 'locked', label: 'Locked / no key', endDeviceEventType: null },
  { code: 'meterNotFound', label: 'Meter not found', endDeviceEventType: null },
  { code: 'damaged', label: 'Meter damaged', endDeviceEventType: null },
  { code: 'tamperSuspected', label: 'Tamper suspected', endDeviceEventType: '0.12.43.257' },
  { code: 'unsafe', label: 'Unsafe to access', endDeviceEventType: null },
  { code: 'customerRefused', label: 'Customer refused access', endDeviceEventType: null },
  { code: 'displayBlank', label: 'Display blank / unreadable', endDeviceEventType: null },
];
