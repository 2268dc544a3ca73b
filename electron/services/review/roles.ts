/**
 * Local profiles (issue 10): one device, several people, each with a role. The role is written
 * into every audit row (journal.audit); supervisor actions check it here, in the service, so the
 * CLI, the web host and the Electron host all refuse the same way.
 */
import type { Profile } from '../../../shared/contract/supervisorEntities';
import { AppError } from '../../../shared/contract/result';
import { currentActor } from '../actor';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';

export function requireSupervisor(actor: Actor, what: string): void {
  if (actor.role !== 'supervisor') {
    throw new AppError('FORBIDDEN', `Only a supervisor may ${what}. You are signed in as ${actor.name} (${actor.role}); switch the profile to a supervisor first.`);
  }
}

/** Installer work: creating, starting and completing work orders, setting a meter's clock, resetting its demand. */
export function requireInstaller(actor: Actor, what: string): void {
  if (actor.role !== 'installer' && actor.role !== 'supervisor') {
    throw new AppError('FORBIDDEN', `Only an installer or a supervisor may ${what}. You are signed in as ${actor.name} (${actor.role}); switch the profile first.`);
  }
}

/** Switches the local profile; the switch itself is audited under the new profile. */
export function setProfile(store: Store, profile: Profile): Profile {
  const before = currentActor(store);
  store.transaction(() => {
    store.settings.set('user.name', profile.name.trim());
    store.settings.set('user.role', profile.role);
    store.journal.audit(profile, { action: 'profile.set', entity: 'profile', entityId: profile.name, details: { before, after: profile } });
  });
  return currentActor(store);
}
