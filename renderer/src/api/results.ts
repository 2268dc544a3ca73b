/**
 * Turns whatever a transport got back into a Result. Nothing here throws: a broken network,
 * a page that is not JSON or an answer that does not match the contract all become an
 * INTERNAL error whose message tells the person what to do next.
 */
import { appErrorSchema, type Result } from '../../../shared/contract/result';

export const unreachableMessage =
  'Fieldmeter cannot reach its local service. Check that Fieldmeter is still running, then reload this page. Your saved readings are safe.';
export const unexpectedMessage =
  'Fieldmeter got an answer it does not understand. Reload this page; if it happens again, restart Fieldmeter. Your saved readings are safe.';

export const internalError = (message: string): Result<never> => ({ ok: false, error: { code: 'INTERNAL', message } });

/** Parses the body of an /api/call response (any status: errors come as Result JSON too). */
export function resultFromResponseText(status: number, text: string): Result<unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return internalError(status >= 500 ? unreachableMessage : unexpectedMessage);
  }
  return normaliseResult(body);
}

/** Accepts `{ok:true,value}` or `{ok:false,error:{code,message}}`; anything else is INTERNAL. */
export function normaliseResult(body: unknown): Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return internalError(unexpectedMessage);
  if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
  if (body.ok === false && 'error' in body) {
    const error = appErrorSchema.safeParse(body.error);
    if (error.success) return { ok: false, error: error.data };
  }
  return internalError(unexpectedMessage);
}
