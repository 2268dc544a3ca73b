/**
 * Turns whatever a transport got back into a Result. Nothing here throws: a broken network,
 * a page that is not JSON or an answer that does not match the contract all become an
 * INTERNAL error whose reason the screen says in the user's words (errors.reason.unreachable,
 * errors.reason.unexpectedAnswer): what to do next.
 */
import { appErrorSchema, type Result } from '../../../shared/contract/result';

type TransportFailure = 'unreachable' | 'unexpectedAnswer';

export const internalError = (reason: TransportFailure): Result<never> => ({ ok: false, error: { code: 'INTERNAL', details: { reason } } });

/** Parses the body of an /api/call response (any status: errors come as Result JSON too). */
export function resultFromResponseText(status: number, text: string): Result<unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return internalError(status >= 500 ? 'unreachable' : 'unexpectedAnswer');
  }
  return normaliseResult(body);
}

/** Accepts `{ok:true,value}` or `{ok:false,error:{code,details?,logId?}}`; anything else is INTERNAL. */
export function normaliseResult(body: unknown): Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return internalError('unexpectedAnswer');
  if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
  if (body.ok === false && 'error' in body) {
    const error = appErrorSchema.safeParse(body.error);
    if (error.success) return { ok: false, error: error.data };
  }
  return internalError('unexpectedAnswer');
}
