/**
 * EndDeviceEventType and EndDeviceControlType: the 4-part code
 * `EndDeviceType.EndDeviceDomain.EndDeviceSubdomain.EndDeviceEventOrAction` (IEC 61968-9 annex;
 * values from the Connexo CBO enums, NOTES.md §7). Named codes below are those NOTES.md §7 lists,
 * for an electric meter (type 3). Connexo itself writes type 0 in events; both parse here.
 */
export const END_DEVICE_TYPES: Readonly<Record<number, string>> = {
  0: 'NA',
  3: 'ElectricMeter',
  4: 'GasMeter',
  5: 'Gateway',
  7: 'PANGateway',
  12: 'PANDevice',
  15: 'InPremisesDisplay',
  16: 'LoadControlDevice',
  17: 'PANMeter',
  19: 'ProgCtlThermostat',
  24: 'WaterMeter',
  26: 'ComDevice',
};
export const END_DEVICE_DOMAINS: Readonly<Record<number, string>> = {
  0: 'NA',
  1: 'Communication',
  2: 'Battery',
  7: 'Configuration',
  8: 'Demand',
  10: 'Pairing',
  12: 'Security',
  13: 'VideoDisplay',
  15: 'LoadControl',
  16: 'LoadProfile',
  20: 'Billing',
  21: 'Metrology',
  23: 'Network',
  26: 'Power',
  31: 'RCDSwitch',
  36: 'Clock',
};
export const END_DEVICE_SUBDOMAINS: Readonly<Record<number, string>> = {
  0: 'NA',
  25: 'Phase',
  26: 'ControlPoint',
  38: 'Voltage',
  43: 'Event',
  73: 'Window',
  112: 'TextMessage',
  141: 'Enclosure',
  148: 'AllEvents',
};
export const END_DEVICE_EVENT_OR_ACTIONS: Readonly<Record<number, string>> = {
  5: 'ArmForClosure',
  6: 'ArmForOpen',
  8: 'Cancel',
  13: 'Change',
  18: 'Connect',
  22: 'Disable',
  23: 'Disconnect',
  26: 'Enable',
  42: 'Connected',
  49: 'Re-established',
  54: 'Start',
  55: 'Stop',
  68: 'Disconnected',
  77: 'Display',
  82: 'Create',
  85: 'Failed',
  212: 'Removed',
  214: 'Reset',
  215: 'ResetOccurred',
  216: 'Restored',
  257: 'TamperDetected',
  291: 'TamperCleared',
  298: 'Open',
  299: 'Close',
  300: 'Schedule',
};

/** Events a meter reports (CX EndDeviceEventTypeFactory, with device type 3). */
export const endDeviceEventType = {
  powerDown: '3.26.38.85',
  powerUp: '3.26.38.49',
  phaseFailure: '3.26.25.85',
  demandResetOccurred: '3.8.0.215',
  tamperDetected: '3.12.43.257',
  tamperCleared: '3.12.43.291',
  coverOpened: '3.12.141.212',
  remoteDisconnected: '3.31.26.68',
  remoteConnected: '3.31.26.42',
  /** Metrology.NA.Failed: composed from the enums NOTES.md §7 lists (no meter-error event is listed there); a non-zero error register F.F. */
  meterError: '3.21.0.85',
  /** RCDSwitch.ControlPoint.Failed: a disconnect/reconnect that could not be done (composed from the enums, issue 9). */
  switchFailed: '3.31.26.85',
} as const;
export type EndDeviceEventName = keyof typeof endDeviceEventType;

/**
 * A PAN device's join as the head end reports it: EndDeviceEventType Pairing (domain 10) with
 * Connected (42) = joined, Failed (85) = not joined, for any device type and subdomain. Composed
 * from the enum values in NOTES.md §7; no published 61968-9 example of a pairing event was found.
 */
export function panJoinOutcome(eventType: string): 'joined' | 'failed' | null {
  if (!isEndDeviceCode(eventType)) return null;
  const [, domain, , event] = eventType.split('.').map(Number);
  if (domain !== 10) return null;
  return event === 42 ? 'joined' : event === 85 ? 'failed' : null;
}

/** Controls as `domain.subDomain.eventOrAction`; the device type is prefixed by endDeviceControlType(). */
const controls = {
  disconnect: '31.0.23',
  connect: '31.0.18',
  armForOpen: '31.0.6',
  armForClosure: '31.0.5',
  disableSwitch: '31.0.22',
  enableSwitch: '31.0.26',
  demandReset: '8.0.214',
  /** Clock.NA.Change: composed from the enums NOTES.md §7 lists (no clock control is listed there); set the meter clock. */
  clockSet: '36.0.13',
  loadControlInitiate: '15.0.54',
  loadControlTerminate: '15.0.55',
  panLoadControlSchedule: '15.43.300',
  panLoadControlCancel: '15.43.8',
  panLoadControlCancelAll: '15.148.8',
  panPairingWindowOpen: '10.73.298',
  panPairingWindowClose: '10.73.299',
  panTextMessageDisplay: '13.112.77',
  panTextMessageCancel: '13.112.8',
  panPriceSignalCreate: '20.9.82',
  panNetworkEnable: '23.0.26',
  panNetworkDisable: '23.0.22',
} as const;
export type EndDeviceControlName = keyof typeof controls;
export const END_DEVICE_CONTROL_NAMES = Object.keys(controls) as EndDeviceControlName[];

/** e.g. endDeviceControlType('disconnect') = "3.31.0.23" (CX MasterEndDeviceControlsServiceCallHandler). */
export function endDeviceControlType(name: EndDeviceControlName, endDeviceType = 3): string {
  return `${endDeviceType}.${controls[name]}`;
}

export const isEndDeviceCode = (code: string): boolean => /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,4}$/.test(code);

export interface EndDeviceCodeDescription {
  type: string;
  domain: string;
  subDomain: string;
  eventOrAction: string;
  /** e.g. "ElectricMeter.RCDSwitch.NA.Disconnect" */
  text: string;
}

export function describeEndDeviceCode(code: string): EndDeviceCodeDescription | null {
  if (!isEndDeviceCode(code)) return null;
  const [t = 0, d = 0, s = 0, e = 0] = code.split('.').map(Number);
  const type = END_DEVICE_TYPES[t] ?? `type ${t}`;
  const domain = END_DEVICE_DOMAINS[d] ?? `domain ${d}`;
  const subDomain = END_DEVICE_SUBDOMAINS[s] ?? `subdomain ${s}`;
  const eventOrAction = END_DEVICE_EVENT_OR_ACTIONS[e] ?? `event ${e}`;
  return { type, domain, subDomain, eventOrAction, text: [type, domain, subDomain, eventOrAction].join('.') };
}

/** The named event or control a code stands for (device type ignored), or null. */
export function nameOfEndDeviceCode(code: string): string | null {
  const rest = code.split('.').slice(1).join('.');
  for (const [name, value] of Object.entries(endDeviceEventType)) if (value.split('.').slice(1).join('.') === rest) return name;
  for (const [name, value] of Object.entries(controls)) if (value === rest) return name;
  return null;
}
