/**
 * An error from the Node side in the user's language, from its code and details only (issue 16 §3):
 * a reason in the details is said from `errors.reason` with the details' fields filled in
 * (shared/i18n/errorKey.ts, the same key the CLI uses); otherwise the code's words. The Node
 * side's message is developer text and is not shown — except for the few codes the renderer's own
 * transport makes with its advice in the text (INTERNAL, UNAUTHORIZED, a BAD_REQUEST without
 * details), where the English screen keeps that advice and other languages get the code's words.
 */
import { leastRoleFor, type Right } from '../../../shared/contract/rights';
import { errorWordKey } from '../../../shared/i18n/errorKey';
// The app's one i18next instance (set up with both catalogs in i18n/index.ts).
import i18next from 'i18next';

const madeByTransport: ReadonlySet<string> = new Set(['INTERNAL', 'UNAUTHORIZED', 'BAD_REQUEST']);

/** What crosses the boundary: a code, typed details, and the Node side's developer text. */
export interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

export function errorText(error: CodedError): string {
  const t = i18next.t.bind(i18next);
  const roleOfRight = (right: string) => {
    const role = leastRoleFor(right as Right);
    return role ? t(`review.role.${role}`) : '';
  };
  const found = errorWordKey(error, roleOfRight);
  const say = i18next.t as unknown as (key: string, values: object) => string;
  const key = found && [found.key, found.fallback].find((k) => k !== undefined && i18next.exists(`errors.${k}`));
  if (found && key) {
    const then = found.then && i18next.exists(`errors.${found.then}`) ? ` ${say(`errors.${found.then}`, found.values)}` : '';
    return `${say(`errors.${key}`, found.values)}${then}`;
  }
  const codeKey = `errors.code.${error.code}`;
  // A code this build's catalog does not know yet still gets a sentence in the user's language.
  const byCode = t((i18next.exists(codeKey) ? codeKey : 'errors.code.VALIDATION') as never);
  if (!madeByTransport.has(error.code) || error.details !== undefined) return byCode;
  return i18next.language === 'en' ? error.message : `${byCode} (${error.code})`;
}
