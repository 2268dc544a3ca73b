/**
 * Lists serial ports and names the USB optical probes among them. On Linux `SerialPort.list()`
 * spawns `udevadm`; where it is missing the spawn error escapes as an uncaught exception, so we
 * look for it on PATH first and return no ports with the reason instead.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { SerialPort } from 'serialport';

export interface PortInfo {
  readonly path: string;
  readonly vendorId: string | null;
  readonly productId: string | null;
  readonly manufacturer: string | null;
  readonly serialNumber: string | null;
  /** A name a person recognises when the VID:PID is a chip or probe optical heads commonly use. */
  readonly probe: string | null;
}

export interface PortList {
  readonly ports: PortInfo[];
  /** Why the list is empty when it could not be taken. */
  readonly reason: string | null;
}

// USB-serial chips found in optical heads (IEC 62056-21 probes). Keys are lower-case "vid:pid".
const knownProbes: Readonly<Record<string, string>> = {
  '0403:6001': 'FTDI FT232R optical probe',
  '0403:6015': 'FTDI FT-X optical probe',
  '0403:6010': 'FTDI FT2232 optical probe',
  '10c4:ea60': 'Silicon Labs CP210x optical probe',
  '067b:2303': 'Prolific PL2303 optical probe',
  '1a86:7523': 'WCH CH340 optical probe',
};

export function probeName(vendorId: string | null, productId: string | null, manufacturer: string | null): string | null {
  const key = `${(vendorId ?? '').toLowerCase()}:${(productId ?? '').toLowerCase()}`;
  const known = knownProbes[key];
  if (known) return known;
  return manufacturer && /optical|opto|infrared|\bIR\b|d0/i.test(manufacturer) ? `${manufacturer} optical probe` : null;
}

function onPath(program: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

export async function listPorts(
  list: () => Promise<Awaited<ReturnType<typeof SerialPort.list>>> = () => SerialPort.list(),
): Promise<PortList> {
  if (process.platform === 'linux' && !onPath('udevadm')) {
    return {
      ports: [],
      reason: 'udevadm is not installed, so USB ports cannot be listed. Install udev, or type the port path (e.g. /dev/ttyUSB0).',
    };
  }
  try {
    const found = await list();
    return {
      ports: found.map((p) => {
        const vendorId = p.vendorId ?? null;
        const productId = p.productId ?? null;
        const manufacturer = p.manufacturer ?? null;
        return {
          path: p.path,
          vendorId,
          productId,
          manufacturer,
          serialNumber: p.serialNumber ?? null,
          probe: probeName(vendorId, productId, manufacturer),
        };
      }),
      reason: null,
    };
  } catch (error) {
    return { ports: [], reason: `Ports could not be listed (${(error as Error).message}). Type the port path instead.` };
  }
}
