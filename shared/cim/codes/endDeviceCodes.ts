/**
 * EndDeviceEventType and EndDeviceControlType: the 4-part code
 * `EndDeviceType.EndDeviceDomain.EndDeviceSubdomain.EndDeviceEventOrAction` (IEC 61968-9 annex;
 * values from the Connexo CBO enums, NOTES.md §7). Events take the device type of the meter's
 * commodity (endDeviceTypeOfReadingTypes); Connexo itself writes type 0 in events; all parse here.
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
  67: 'ConnectFailed',
  68: 'Disconnected',
  77: 'Display',
  79: 'Error',
  82: 'Create',
  84: 'DisconnectFailed',
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

/**
 * Events the app sends, as `domain.subDomain.eventOrAction`; the device type is prefixed by
 * endDeviceEventTypeFor(). Source of each: CX `upl/.../cim/EndDeviceEventTypeFactory.java` (which
 * writes device type 0) unless the comment says the code is composed from the enums
 * (CX `com/energyict/cim/EndDeviceEventOrAction.java`). The table is also in ../README.md.
 */
const events = {
  /** getPowerDownEventType 0.26.38.85 (Power.Voltage.Failed). */
  powerDown: '26.38.85',
  /** getPowerUpEventType 0.26.38.49 (Power.Voltage.Re-established). */
  powerUp: '26.38.49',
  /** getPowerFailure 0.26.25.85 (Power.Phase.Failed). */
  phaseFailure: '26.25.85',
  /** getMaximumDemandResetEventType 0.8.0.215 (Demand.NA.ResetOccurred). */
  demandResetOccurred: '8.0.215',
  /** getTamperEventType 0.12.43.257 / getTamperClearedEventType 0.12.43.291. */
  tamperDetected: '12.43.257',
  tamperCleared: '12.43.291',
  /** getCoverOpenedEventType 0.12.141.212 (Security.Enclosure.Removed). */
  coverOpened: '12.141.212',
  /** getRemoteDisconnectionEventType 0.31.26.68 / getRemoteConnectionEventType 0.31.26.42: the meter's own switch operated. */
  remoteDisconnected: '31.26.68',
  remoteConnected: '31.26.42',
  /** getManualDisconnectionEventType 0.15.26.68 / getManualConnectionEventType 0.15.26.42: switched by hand at the fuse or breaker. */
  manualDisconnected: '15.26.68',
  manualConnected: '15.26.42',
  /**
   * The meter's switch did not operate: RCDSwitch.ControlPoint with EndDeviceEventOrAction
   * DisconnectFailed (84) / ConnectFailed (67). Composed: the factory has these actions only for a
   * relay (0.39.91.84 / 0.39.91.67) and a load-control disconnector (0.15.26.84).
   */
  disconnectFailed: '31.26.84',
  connectFailed: '31.26.67',
  /** getFatalErrorEventType 0.0.43.79 (NA.Event.Error): a non-zero fatal error register F.F (IEC 62056-21 / DSMR "F.F"). */
  fatalError: '0.43.79',
  /** getBatteryVoltageLowEventType 0.2.22.150 (Battery domain; 4.2.22.150 getBatteryLevelBelowLowLevelStart for a gas meter). */
  batteryLow: '2.22.150',
  /** getMeterAlarmEventType 0.11.46.79: the meter reports an alarm it does not name. */
  meterAlarm: '11.46.79',
  /** getGasReverseFlowStart 4.0.48.219: the flow runs backwards; with the meter's own device type. */
  reverseFlow: '0.48.219',
  /** getMaxFlow 4.21.48.93 (Metrology domain): the flow above the meter's limit; with the meter's own device type. */
  flowAboveLimit: '21.48.93',
  // A disconnect/reconnect not done for a reason on site (customer refused, unsafe, meter not
  // found) has no code here: it is the order's outcome, sent as MeterServiceRequests (issue 20 §1).
} as const;
export type EndDeviceEventName = keyof typeof events;
/** The published codes of the events the app sends (`domain.subDomain.eventOrAction`), for the code tables (codeTables.ts). */
export const END_DEVICE_EVENT_CODES: Readonly<Record<EndDeviceEventName, string>> = events;
export const END_DEVICE_EVENT_NAMES = Object.keys(events) as [EndDeviceEventName, ...EndDeviceEventName[]];

/**
 * The EndDeviceType of a meter from its registers' ReadingType commodity (NOTES.md §6-7: CIM
 * CommodityKind 1/2 electricity → ElectricMeter 3, 7 natural gas / 8 propane → GasMeter 4,
 * 9 potable / 14 non-potable water → WaterMeter 24); 0 (NA) when no register tells.
 */
export function endDeviceTypeOfCommodity(commodity: number): number {
  if (commodity === 1 || commodity === 2) return 3;
  if (commodity === 7 || commodity === 8) return 4;
  if (commodity === 9 || commodity === 14) return 24;
  return 0;
}

/** The device type the first register with a known commodity gives (ReadingType field 6), else 0 (NA). */
export function endDeviceTypeOfReadingTypes(readingTypes: readonly string[]): number {
  for (const rt of readingTypes) {
    const commodity = Number(rt.split('.')[5]);
    const type = Number.isInteger(commodity) ? endDeviceTypeOfCommodity(commodity) : 0;
    if (type !== 0) return type;
  }
  return 0;
}

/** e.g. endDeviceEventTypeFor('tamperDetected', 4) = "4.12.43.257" (a gas meter's tamper). */
export function endDeviceEventTypeFor(name: EndDeviceEventName, endDeviceType: number): string {
  return `${endDeviceType}.${events[name]}`;
}

/**
 * A configured code whose device type is 0 (NA, as Connexo writes them) takes the meter's type;
 * a code with a type of its own is kept as the utility gave it.
 */
export function withEndDeviceType(code: string, endDeviceType: number): string {
  const [type, ...rest] = code.split('.');
  return type === '0' ? [String(endDeviceType), ...rest].join('.') : code;
}

/** The events of an electric meter (type 3), the only kind the optical port reads (OBIS A = 1). */
export const endDeviceEventType = Object.fromEntries(Object.entries(events).map(([name, code]) => [name, `3.${code}`])) as {
  readonly [K in EndDeviceEventName]: `3.${(typeof events)[K]}`;
};

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
  /** Clock.Time.13, the published set-clock code (EDETF getSetClockEventType 0.36.116.13); was the composed 36.0.13. */
  clockSet: '36.116.13',
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
/** The published codes of the controls the app sends (`domain.subDomain.eventOrAction`), for the code tables (codeTables.ts). */
export const END_DEVICE_CONTROL_CODES: Readonly<Record<EndDeviceControlName, string>> = controls;

/**
 * Every clock code a utility may send to ask for a clock set (`domain.subDomain.eventOrAction`):
 * EDETF getSetClockEventType 0.36.116.13, getSetClockBeforeEventType 0.36.116.14 and
 * getSetClockAfterEventType 0.36.116.24, and 36.0.13, the code this app composed before.
 */
export const CLOCK_SET_CODES: readonly string[] = ['36.116.13', '36.116.14', '36.116.24', '36.0.13'];
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
  for (const [name, value] of Object.entries(events)) if (value === rest) return name;
  for (const [name, value] of Object.entries(controls)) if (value === rest) return name;
  return null;
}
