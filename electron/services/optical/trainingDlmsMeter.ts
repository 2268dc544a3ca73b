/**
 * The training route's DLMS meter (issue 22 item 6): one stop of the demo route (DLMS_STOP, README
 * "Training") has a meter that answers the training probe's sign-on in mode E (IEC 62056-21 §6.4.5,
 * `\2` in its identification) and then speaks DLMS/COSEM over HDLC, served in process by the DLMS
 * meter simulator (shared/dlms/simulator) as the mode C training meter is (./trainingMeter). It
 * carries the stop's serial in 0-0:96.1.0.255 and the stop's register as 1-0:1.8.0.255 in Wh,
 * standing where the last reading and the average daily use put it, so a trainee reads registers,
 * clock, disconnect state and load profile and saves them through the same checks as a real meter.
 */
import { TRAINING_PASSWORD, TRAINING_PORT } from '../../../shared/contract/methods/optical';
import { DEMO_ROUTE_ID, DLMS_STOP, demoUsagePointId } from '../demo/demoRoute';
import { createMemoryLinkPair } from '../serial/simulator/memoryLink';
import type { SerialLink } from '../serial/link';
import type { Store } from '../store';
import type { OpenLink } from '../serial/openProbe';
import { opticalTarget } from './opticalTarget';
import { advanced, type TrainingMeter } from './trainingMeter';

/** The register the simulated meter keeps as active energy import, 1-0:1.8.0 (ReadingType of the demo's single-rate kWh). */
const ACTIVE_IMPORT_KWH = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
const ACTIVE_IMPORT_OBIS = '1-0:1.8.0.255';

/** Manufacturer FMT, 9600 baud (`5`), mode E (`\2`): IEC 62056-21 §6.3.14 items 14–15. */
export const TRAINING_DLMS_IDENTIFICATION = 'FMT5\\2TRAINING-DLMS';
/** Days of load profile the training meter keeps (15-minute intervals, four channels). */
export const TRAINING_DLMS_DAYS = 7;
/** The meter's clock runs behind, as the mode C training meter's does, so the drift is there to see. */
const CLOCK_OFFSET_MS = -97_000;

/** Whether the training probe at this stop meets the DLMS meter: the demo route's DLMS stop, its installed meter. */
export function isTrainingDlmsStop(store: Store, target: { usagePointId: string; workOrderId: string | null }): boolean {
  return (
    target.workOrderId === null &&
    target.usagePointId === demoUsagePointId(DLMS_STOP) &&
    store.meters.get(target.usagePointId)?.routeId === DEMO_ROUTE_ID
  );
}

/** The training meter's LLS password (public on purpose, as the mode C training meter's is: practice needs no secret). */
export const trainingDlmsPassword = (): Uint8Array => new TextEncoder().encode(TRAINING_PASSWORD);

/**
 * Opens the app side of an in-memory link with the stop's DLMS meter on the other end; a new meter
 * for every opening, as a meter that listens for a sign-on again after a DISC (Annex E.2).
 */
export async function openTrainingDlmsLink(meter: TrainingMeter, atMs = Date.now()): Promise<SerialLink> {
  // Loaded when a trainee reads this stop, as the DLMS reader is (./dlmsForScreen): the app starts without it.
  const { DlmsMeterOnLink } = await import('../serial/simulator/dlmsMeter');
  const pair = createMemoryLinkPair();
  const simulator = new DlmsMeterOnLink(pair.meter, {
    identification: TRAINING_DLMS_IDENTIFICATION,
    password: TRAINING_PASSWORD,
    days: TRAINING_DLMS_DAYS,
    serial: meter.meterSerial,
  });
  const objects = simulator.meter.hdlc.objects;
  const register = meter.registers.find((r) => r.readingType === ACTIVE_IMPORT_KWH);
  if (register) {
    // The register in Wh is the sum of the profile's intervals on top of where it stood before them.
    const wanted = Math.round(Number(advanced(register, atMs)) * 1000);
    objects.registerStartWh = Math.max(0, wanted - objects.registerValue(ACTIVE_IMPORT_OBIS));
  }
  objects.clockOffsetMs = CLOCK_OFFSET_MS;
  const close = pair.app.close;
  return { ...pair.app, close: async () => (simulator.stop(), close()) };
}

/**
 * The training port at the demo route's DLMS stop: the in-process training meter as the medium and
 * its training password where the meter-key store has none. Null for any other port or stop, which
 * the serial port and the store's secrets serve.
 */
export function trainingDlmsMedium(
  store: Store,
  usagePointId: string,
  port: string,
): { openLink: OpenLink; password: () => Uint8Array } | null {
  if (port !== TRAINING_PORT) return null;
  const target = opticalTarget(store, usagePointId);
  if (!isTrainingDlmsStop(store, target)) return null;
  return { openLink: () => openTrainingDlmsLink(target), password: trainingDlmsPassword };
}
