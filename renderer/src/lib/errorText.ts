/**
 * An error from the Node side in the user's language, from its code and details (issue 16 §3).
 * Codes whose meaning needs nothing more (no right, disk full, database locked …) are said from the
 * catalog alone; a refusal with a `reason` in its details is said from `errors.reason`; for the rest
 * the catalog's sentence for the code leads, and the Node side's own text follows only where the
 * user reads English — the German screen never shows an English sentence alone.
 */
import { leastRoleFor, type Right } from '../../../shared/contract/rights';
// The app's one i18next instance (set up with both catalogs in i18n/index.ts).
import i18next from 'i18next';

// INTERNAL and UNAUTHORIZED are also made in the renderer's own transport, with the advice in their text.
const saidByCode: ReadonlySet<string> = new Set(['UNKNOWN_METHOD', 'SIGN_IN_REQUIRED', 'FORBIDDEN', 'TOO_LARGE', 'DB_LOCKED', 'DB_CORRUPT', 'DB_TOO_NEW', 'DISK_FULL', 'READ_ONLY']);

/** What crosses the boundary: a code, the Node side's text, and typed details. */
export interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

export function errorText(error: CodedError): string {
  const t = i18next.t.bind(i18next);
  const details = (error.details ?? {}) as { right?: Right; reason?: string };
  const reasonKey = `errors.reason.${details.reason ?? ''}`;
  if (details.reason && i18next.exists(reasonKey)) return t(reasonKey as never);
  if (error.code === 'FORBIDDEN' && details.right) {
    const role = leastRoleFor(details.right);
    return t('errors.forbiddenRole', { role: role ? t(`review.role.${role}`) : '' });
  }
  const key = `errors.code.${error.code}`;
  // A code this build's catalog does not know yet still gets a sentence in the user's language.
  const byCode = t((i18next.exists(key) ? key : 'errors.code.VALIDATION') as never);
  if (saidByCode.has(error.code)) return byCode;
  return i18next.language === 'en' ? error.message : `${byCode} (${error.code})`;
}
