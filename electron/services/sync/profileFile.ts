/**
 * The integration profile on disk and in settings (issue 19): `fieldmeter sync --profile-file FILE`
 * reads a JSON file, checks it against the schema of shared/cim/integrationProfile.ts and keeps it
 * in `settings` (key `sync.profile`) so that the app's runs use it too. Nothing stored = the
 * default profile, which follows the published 61968-100 WSDLs.
 */
import { readFileSync } from 'node:fs';
import { defaultIntegrationProfile, integrationProfileSchema, type IntegrationProfile } from '../../../shared/cim/integrationProfile';
import { AppError } from '../../../shared/contract/result';
import { zodIssueData } from '../../../shared/contract/zodIssue';
import type { Store } from '../store';

export const PROFILE_SETTINGS_KEY = 'sync.profile';
/** A profile is a few hundred bytes; anything near this is not one. */
const MAX_PROFILE_BYTES = 256 * 1024;

function parseProfile(json: unknown, where: string): IntegrationProfile {
  const parsed = integrationProfileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  // zod's English messages go to the log only; the user reads each issue from its code (zodIssue.ts).
  const english = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
  throw new AppError('VALIDATION', `The integration profile ${where} is not valid: ${english.join('; ')}`, {
    reason: 'profileInvalid',
    issues: parsed.error.issues.map((issue) => zodIssueData(issue, json)),
  });
}

/** A profile from its JSON text (a file's content, or what a supervisor chose on screen). */
export function parseProfileText(text: string, where: string): IntegrationProfile {
  if (text.length > MAX_PROFILE_BYTES)
    throw new AppError('VALIDATION', `The integration profile ${where} is larger than ${MAX_PROFILE_BYTES} bytes.`, {
      reason: 'profileTooLarge',
    });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'VALIDATION',
      `The integration profile ${where} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      { reason: 'profileNotJson' },
    );
  }
  return parseProfile(json, where);
}

export function readProfileFile(path: string): IntegrationProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'NOT_FOUND',
      `Cannot read the integration profile ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      { reason: 'fileUnreadable', file: path, errno: (error as NodeJS.ErrnoException).code },
    );
  }
  return parseProfileText(text, path);
}

/** The device's profile: the stored one, else the default. A stored one that no longer parses is an error, never silently replaced. */
export function storedProfile(store: Store): IntegrationProfile {
  const text = store.settings.get(PROFILE_SETTINGS_KEY);
  if (text === null) return defaultIntegrationProfile;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'The stored integration profile is not JSON; set it again with fieldmeter sync --profile-file.', {
      reason: 'profileStoredNotJson',
    });
  }
  return parseProfile(json, 'stored on this device');
}

export function storeProfile(store: Store, profile: IntegrationProfile): void {
  store.transaction(() => store.settings.set(PROFILE_SETTINGS_KEY, JSON.stringify(profile)));
}

/** Back to the default profile (the published 61968-100 WSDLs). */
export function forgetProfile(store: Store): void {
  store.settings.remove(PROFILE_SETTINGS_KEY);
}

/** What the Sync settings show of the profile in use. */
export function profileInfo(store: Store) {
  const profile = storedProfile(store);
  return {
    isDefault: store.settings.get(PROFILE_SETTINGS_KEY) === null,
    name: profile.name,
    soapAction: profile.soapAction,
    soapVersion: profile.soapVersion ?? null,
    services: Object.keys(profile.endpoints).sort(),
    text: JSON.stringify(profile, null, 2),
  };
}
