/** Opens the optical probe's port at the sign-on rate (300 baud 7E1, IEC 62056-21 §6.1), with an error that says what to try. */
import { INITIAL_BAUD } from '../../../shared/iec62056';
import { OpticalReadError } from './errors';
import { LinkOpenError, openSerialLink, type SerialLink } from './link';

export type OpenLink = (path: string, baud: number) => Promise<SerialLink>;

export async function openProbe(path: string, openLink?: OpenLink): Promise<SerialLink> {
  try {
    return await (openLink ?? ((p, baud) => openSerialLink(p, { baudRate: baud, frame: '7E1' })))(path, INITIAL_BAUD);
  } catch (error) {
    const reason = error instanceof LinkOpenError ? error.reason : 'other';
    const code = ({ notFound: 'PORT_NOT_FOUND', busy: 'PORT_BUSY', denied: 'PORT_DENIED', other: 'PORT_OPEN_FAILED' } as const)[reason];
    throw new OpticalReadError(code, `Cannot open ${path}: ${(error as Error).message}.`);
  }
}
