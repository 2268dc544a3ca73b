/**
 * Who is signed in on this device (issue 18). The session lives on the Node side only: the
 * renderer and the CLI ask to sign in with a name and a secret, and every handler acts as the
 * signed-in profile, never as a name or role the client sends. Five wrong tries lock a profile
 * for 30 seconds, doubling with every further wrong try (at most an hour).
 */
import { AppError } from '../../../shared/contract/result';
import type { Session } from '../../../shared/contract/methods/profiles';
import type { Profile, Role } from '../../../shared/contract/supervisorEntities';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { hashSecret, verifySecret } from './secretHash';

export const FREE_TRIES = 5;
const FIRST_LOCK_MS = 30_000;
const LONGEST_LOCK_MS = 60 * 60_000;

/** How long a profile is locked after its `failed`-th wrong try in a row (0 = not locked). */
export function lockAfter(failed: number): number {
  if (failed < FREE_TRIES) return 0;
  return Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** (failed - FREE_TRIES));
}

export interface SessionOptions {
  readonly now?: () => Date;
}

export function createSession(store: Store, options: SessionOptions = {}) {
  const now = options.now ?? (() => new Date());
  let signedIn: { id: number; name: string; role: Role } | null = null;

  /** The profile as the database has it now: a removed profile or a changed role takes effect at once. */
  const current = (): Actor | null => {
    if (!signedIn) return null;
    const record = store.profiles.byId(signedIn.id);
    if (!record) {
      signedIn = null;
      return null;
    }
    return { name: record.name, role: record.role };
  };

  const state = (): Session => ({ profile: current(), profilesExist: store.profiles.count() > 0 });

  async function signIn(name: string, secret: string): Promise<Session> {
    const before = current();
    const record = store.profiles.byName(name);
    const at = now();
    if (!record) {
      // The same answer as a wrong secret: the screen does not tell which names exist beyond its picker.
      throw new AppError('SIGN_IN_FAILED', 'That name and PIN or password do not match a profile on this device.', { reason: 'wrong' });
    }
    if (record.lockedUntil && Date.parse(record.lockedUntil) > at.getTime()) {
      throw new AppError('SIGN_IN_FAILED', `Too many wrong tries: ${record.name} is locked until ${record.lockedUntil}.`, {
        reason: 'locked',
        lockedUntil: record.lockedUntil,
      });
    }
    if (!(await verifySecret(secret, record.secretHash))) {
      const failed = record.failedAttempts + 1;
      const lockMs = lockAfter(failed);
      const lockedUntil = lockMs > 0 ? new Date(at.getTime() + lockMs).toISOString() : null;
      store.mutate(before ?? { name: record.name, role: record.role }, (change) => {
        store.profiles.recordFailure(record.id, lockedUntil);
        change.audit({
          action: 'session.signInFailed',
          entity: 'profile',
          entityId: record.name,
          details: { failedAttempts: failed, lockedUntil },
        });
      });
      throw new AppError(
        'SIGN_IN_FAILED',
        lockedUntil
          ? `Too many wrong tries: ${record.name} is locked until ${lockedUntil}.`
          : 'That name and PIN or password do not match a profile on this device.',
        lockedUntil ? { reason: 'locked', lockedUntil } : { reason: 'wrong', triesLeft: FREE_TRIES - failed },
      );
    }
    store.mutate(before ?? { name: record.name, role: record.role }, (change) => {
      store.profiles.recordSuccess(record.id);
      // Switching is recorded under the profile that was signed in before, so nobody signs a switch in someone else's name.
      change.audit({
        action: 'session.signIn',
        entity: 'profile',
        entityId: record.name,
        details: { from: before?.name ?? null, to: record.name, role: record.role },
      });
    });
    signedIn = { id: record.id, name: record.name, role: record.role };
    return state();
  }

  function signOut(): Session {
    const before = current();
    if (before) store.mutate(before, (change) => change.audit({ action: 'session.signOut', entity: 'profile', entityId: before.name }));
    signedIn = null;
    return state();
  }

  async function add(actor: Actor, profile: Profile, secret: string): Promise<Profile> {
    const secretHash = await hashSecret(secret);
    return store.mutate(actor, (change) => {
      if (store.profiles.byName(profile.name))
        throw new AppError('VALIDATION', `A profile named ${profile.name.trim()} already exists.`, { reason: 'profileExists' });
      store.profiles.add(profile, secretHash, now().toISOString());
      change.audit({
        action: 'profiles.add',
        entity: 'profile',
        entityId: profile.name.trim(),
        details: { role: profile.role },
      });
      return { name: profile.name.trim(), role: profile.role };
    });
  }

  async function createFirst(name: string, secret: string): Promise<Session> {
    const first: Profile = { name: name.trim(), role: 'supervisor' };
    const secretHash = await hashSecret(secret);
    const id = store.mutate(first, (change) => {
      if (store.profiles.count() > 0) {
        throw new AppError('FORBIDDEN', 'This device already has profiles: a supervisor adds new ones.', { reason: 'profilesExist' });
      }
      const added = store.profiles.add(first, secretHash, now().toISOString());
      change.audit({
        action: 'profiles.createFirst',
        entity: 'profile',
        entityId: first.name,
        details: { role: first.role },
      });
      return added;
    });
    signedIn = { id, ...first };
    return state();
  }

  function remove(actor: Actor, name: string): void {
    store.mutate(actor, (change) => {
      const record = store.profiles.byName(name);
      if (!record) throw new AppError('NOT_FOUND', `There is no profile named ${name}.`, { reason: 'noProfile' });
      if (record.role === 'supervisor' && store.profiles.countWithRole('supervisor') === 1) {
        throw new AppError('VALIDATION', 'The last supervisor cannot be removed: add another supervisor first.', {
          reason: 'lastSupervisor',
        });
      }
      store.profiles.remove(record.id, now().toISOString());
      change.audit({ action: 'profiles.remove', entity: 'profile', entityId: record.name });
    });
  }

  async function resetSecret(actor: Actor, name: string, secret: string): Promise<Profile> {
    const secretHash = await hashSecret(secret);
    return store.mutate(actor, (change) => {
      const record = store.profiles.byName(name);
      if (!record) throw new AppError('NOT_FOUND', `There is no profile named ${name}.`, { reason: 'noProfile' });
      store.profiles.setSecret(record.id, secretHash);
      change.audit({ action: 'profiles.resetSecret', entity: 'profile', entityId: record.name });
      return { name: record.name, role: record.role };
    });
  }

  return { current, state, signIn, signOut, add, createFirst, remove, resetSecret, list: () => store.profiles.list() };
}
export type SessionService = ReturnType<typeof createSession>;
