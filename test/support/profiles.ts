/** Signed-in profiles for tests: one PIN, hashed once per test process (scrypt is slow on purpose). */
import type { Fieldmeter } from '../../electron/services/fieldmeter';
import { hashSecret } from '../../electron/services/identity/secretHash';
import type { Store } from '../../electron/services/store';
import type { Role } from '../../shared/contract/supervisorEntities';

export const TEST_PIN = '246810';
const names: Record<Role, string> = { technician: 'Tina', installer: 'Ines', supervisor: 'Sam' };
let hashed: Promise<string> | undefined;

/** Adds a profile with TEST_PIN unless one of that name exists. */
export async function addProfile(store: Store, role: Role, name = names[role]): Promise<{ name: string; role: Role }> {
  hashed ??= hashSecret(TEST_PIN);
  const hash = await hashed;
  if (!store.profiles.byName(name)) store.profiles.add({ name, role }, hash, new Date().toISOString());
  return { name, role };
}

/** Signs `app` in as a profile of that role (created when missing), as the sign-in screen would. */
export async function signInAs(app: Fieldmeter, role: Role, name = names[role]): Promise<{ name: string; role: Role }> {
  await addProfile(app.store, role, name);
  await app.session.signIn(name, TEST_PIN);
  return { name, role };
}

/** Environment for a CLI child acting as that profile. */
export const cliUser = (name: string) => ({ FIELDMETER_USER: name, FIELDMETER_PIN: TEST_PIN });
