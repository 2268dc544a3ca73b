/**
 * The demo route and its training profiles. Who acts is never read from settings: handlers act as
 * the signed-in profile (identity/session.ts), the CLI as the profile named by --user.
 */
import { DEMO_FILE_NAME, demoRouteCsv } from './demo/demoRoute';
import { hashSecret } from './identity/secretHash';
import { importRoute } from './routes/importRoute';
import { seedDemoWorkOrders } from './workOrders/demo';
import { seedDemoSwitching } from './switching/demo';
import type { Store } from './store';
import type { Actor } from './store/repositories/journal';

/** Who sets up training data when the app starts with --demo (before anyone signs in). */
export const TRAINING_SETUP: Actor = { name: 'training setup', role: 'supervisor' };

/**
 * Training profiles with published PINs. Created only in a database without profiles, so a real
 * device never gets a profile whose PIN is in the README.
 */
export const DEMO_PROFILES = [
  { name: 'Tina Technician', role: 'technician', pin: '111111' },
  { name: 'Ines Installer', role: 'installer', pin: '222222' },
  { name: 'Sam Supervisor', role: 'supervisor', pin: '333333' },
] as const;

export async function seedDemoProfiles(store: Store): Promise<readonly (typeof DEMO_PROFILES)[number][]> {
  if (store.profiles.count() > 0) return [];
  const hashes = await Promise.all(DEMO_PROFILES.map((p) => hashSecret(p.pin)));
  return store.mutate(TRAINING_SETUP, (change) => {
    if (store.profiles.count() > 0) return [];
    const at = new Date().toISOString();
    DEMO_PROFILES.forEach((p, i) => {
      store.profiles.add({ name: p.name, role: p.role }, hashes[i]!, at);
      change.audit({
        action: 'profiles.add',
        entity: 'profile',
        entityId: p.name,
        details: { role: p.role, training: true },
      });
    });
    return DEMO_PROFILES;
  });
}

export function loadDemoRoute(store: Store, actor: Actor) {
  const summary = importRoute(store, actor, {
    fileName: DEMO_FILE_NAME,
    content: demoRouteCsv(),
    acceptValidRows: false,
    trainingMode: true,
  });
  seedDemoWorkOrders(store, actor); // issue 8: demo work orders and van stock
  seedDemoSwitching(store, actor); // issue 9: demo switch orders and customer agreements
  return summary;
}

/** `--demo`: the training profiles (in a database without any) and the demo route (on a device without routes). */
export async function prepareTraining(store: Store): Promise<readonly (typeof DEMO_PROFILES)[number][]> {
  const seeded = await seedDemoProfiles(store);
  if (store.routes.count() === 0) loadDemoRoute(store, TRAINING_SETUP);
  return seeded;
}

/** One line per training profile, for the console. */
export const describeTrainingProfiles = (profiles: readonly (typeof DEMO_PROFILES)[number][]) =>
  profiles.map((p) => `Training profile: ${p.name} (${p.role}), PIN ${p.pin}`).join('\n');
