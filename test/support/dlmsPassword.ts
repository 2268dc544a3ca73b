/**
 * A DLMS meter's LLS password put where the app reads it: the meter-key store (kind
 * `dlms.password`), imported from a key file by a supervisor as the office does, then signed back
 * in as the role the test reads with. The app needs a sealing encryptor for it (startFieldmeter's
 * `meterKeys` option, e.g. test/support/encryptor.ts).
 */
import { dispatch } from '../../electron/host/dispatch';
import type { Fieldmeter } from '../../electron/services/fieldmeter';
import type { Role } from '../../shared/contract/supervisorEntities';
import { signInAs } from './profiles';

/** The key file's hex of a password typed as text (the simulated meter's are ASCII). */
export const passwordHex = (password: string) => Buffer.from(password, 'latin1').toString('hex').toUpperCase();

export async function importDlmsPassword(app: Fieldmeter, meterSerial: string, password: string, then: Role): Promise<void> {
  await signInAs(app, 'supervisor');
  const content = ['manufacturer,id,kind,key', `,${meterSerial},dlms.password,${passwordHex(password)}`].join('\n');
  const imported = await dispatch(app.handlers, 'meterKeys.import', { fileName: 'keys.csv', content });
  if (!imported.ok) throw new Error(`the meter key import failed: ${JSON.stringify(imported.error)}`);
  await signInAs(app, then);
}
