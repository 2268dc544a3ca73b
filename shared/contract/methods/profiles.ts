/**
 * Signing in and the local profiles (issue 18). A profile has a PIN (at least 6 digits) or a
 * password (at least 8 characters), checked on the Node side; the active profile is the signed-in
 * one. The first profile of a new database is a supervisor anyone may create; after that only a
 * signed-in supervisor adds, removes or resets profiles.
 */
import { z } from 'zod';
import { profile, role } from '../supervisorEntities';
import { nothing, type MethodSpecs } from './common';

export const MIN_PIN_DIGITS = 6;
export const MIN_PASSWORD_CHARS = 8;

/** A PIN of 6+ digits, or a password of 8+ characters that is not only digits. */
export const secret = z
  .string()
  .max(128)
  .refine((s) => (/^\d+$/.test(s) ? s.length >= MIN_PIN_DIGITS : s.length >= MIN_PASSWORD_CHARS), {
    message: `a PIN of at least ${MIN_PIN_DIGITS} digits or a password of at least ${MIN_PASSWORD_CHARS} characters`,
  });

const profileName = z.string().trim().min(1).max(80);

export const session = z.object({
  /** The signed-in profile, or null: nobody may do anything but sign in. */
  profile: profile.nullable(),
  /** False on a new database: the first profile (a supervisor) may be created without signing in. */
  profilesExist: z.boolean(),
});
export type Session = z.infer<typeof session>;

export const profileMethods = {
  'session.get': { right: 'open', input: nothing, output: session },
  'session.signIn': { right: 'open', input: z.object({ name: profileName, secret: z.string().min(1).max(128) }).strict(), output: session },
  'session.signOut': { right: 'open', input: nothing, output: session },
  /** Names and roles for the sign-in screen's picker. */
  'profiles.list': { right: 'open', input: nothing, output: z.array(profile) },
  /** Only while the database has no profile: creates the first supervisor and signs them in. */
  'profiles.createFirst': { right: 'open', input: z.object({ name: profileName, secret }).strict(), output: session },
  'profiles.add': { right: 'supervise', input: z.object({ name: profileName, role, secret }).strict(), output: profile },
  'profiles.remove': {
    right: 'supervise',
    input: z.object({ name: profileName }).strict(),
    output: z.object({ removed: z.literal(true) }),
  },
  /** A new secret for a profile that forgot theirs; also lifts a lock. */
  'profiles.resetSecret': { right: 'supervise', input: z.object({ name: profileName, secret }).strict(), output: profile },
} as const satisfies MethodSpecs;
