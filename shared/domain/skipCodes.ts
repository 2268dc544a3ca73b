/**
 * Why a meter could not be read. The utility may replace this list (setting `skipCodes`);
 * these defaults cover what crews meet most. Where the reason concerns the device itself, the
 * skip is also reported as an IEC 61968-9 EndDeviceEvent (codes from ../shared/cim/NOTES.md §7).
 */
import type { SkipCode } from '../contract/entities';

export const defaultSkipCodes: readonly SkipCode[] = [
  { code: 'noAccess', label: 'No access', endDeviceEventType: null },
  { code: 'dog', label: 'Dog', endDeviceEventType: null },
  { code: 'locked', label: 'Locked / no key', endDeviceEventType: null },
  { code: 'meterNotFound', label: 'Meter not found', endDeviceEventType: null },
  { code: 'damaged', label: 'Meter damaged', endDeviceEventType: '3.12.141.212' },
  { code: 'tamperSuspected', label: 'Tamper suspected', endDeviceEventType: '3.12.43.257' },
  { code: 'unsafe', label: 'Unsafe to access', endDeviceEventType: null },
  { code: 'customerRefused', label: 'Customer refused access', endDeviceEventType: null },
  { code: 'displayBlank', label: 'Display blank / unreadable', endDeviceEventType: null },
];
