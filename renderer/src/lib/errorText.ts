/**
 * An error from the Node side in the user's language, from its code and details only (issue 16 §3):
 * a reason in the details is said from `errors.reason` with the details' fields filled in
 * (shared/i18n/errorKey.ts, the same key the CLI uses); otherwise the code's words. No developer
 * text crosses the boundary (the transport's own refusals carry reasons too); an unexpected
 * failure adds the id of the Node log entry, so support can find what happened.
 */
import { leastRoleFor, type Right } from '../../../shared/contract/rights';
import { errorWordKey } from '../../../shared/i18n/errorKey';
// The app's one i18next instance (set up with both catalogs in i18n/index.ts).
import i18next from 'i18next';

/** What crosses the boundary: a code, typed details, and the id of the Node log entry. */
export interface CodedError {
  readonly code: string;
  readonly details?: unknown;
  readonly logId?: string;
}

export function errorText(error: CodedError): string {
  const t = i18next.t.bind(i18next);
  const say = i18next.t as unknown as (key: string, values: object) => string;
  const roleOfRight = (right: string) => {
    const role = leastRoleFor(right as Right);
    return role ? t(`review.role.${role}`) : '';
  };
  const logRef = error.code === 'INTERNAL' && error.logId ? ` ${say('errors.logRef', { logId: error.logId })}` : '';
  const found = errorWordKey(error, roleOfRight);
  const key = found && [found.key, found.fallback].find((k) => k !== undefined && i18next.exists(`errors.${k}`));
  if (found && key) {
    // A state or an action is filled in with the catalog's own words for it, in the user's language.
    const values = {
      ...found.values,
      ...Object.fromEntries(Object.entries(found.words ?? {}).map(([name, k]) => [name, say(`errors.${k}`, {})])),
    };
    const then = found.then && i18next.exists(`errors.${found.then}`) ? ` ${say(`errors.${found.then}`, values)}` : '';
    return `${say(`errors.${key}`, values)}${then}${logRef}`;
  }
  const codeKey = `errors.code.${error.code}`;
  // A code this build's catalog does not know yet still gets a sentence in the user's language.
  return `${t((i18next.exists(codeKey) ? codeKey : 'errors.code.VALIDATION') as never)}${logRef}`;
}
