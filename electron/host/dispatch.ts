/**
 * The single place where a request from outside becomes a handler call. Both hosts (IPC and
 * web) go through here, so validation and error mapping cannot drift between them.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { isMethodName, methods, type MethodName } from '../../shared/contract/api';
import type { Handlers } from '../../shared/contract/handlers';
import { errorDetailSchemas } from '../../shared/contract/errorDetails';
import { AppError, type AppErrorShape, type Result } from '../../shared/contract/result';
import { toAppError } from '../services/errors';
import { rightCheckOf } from '../services/fieldmeter';
import { createLogger } from '../services/log';

const log = createLogger('dispatch');

export async function dispatch(handlers: Handlers, method: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return {
      ok: false,
      error: leaving('dispatch', new AppError('UNKNOWN_METHOD', `There is no operation named ${String(method).slice(0, 80)}.`)),
    };
  }
  const spec = methods[method];
  const handler = handlers[method] as (input: unknown) => unknown;
  try {
    rightCheckOf(handler)?.();
  } catch (error) {
    return { ok: false, error: checkedShape(method, toAppError(error)) };
  }
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.map(String).join('.')))].slice(0, 10);
    const refused = new AppError('BAD_REQUEST', `The request for ${method} was malformed: ${prettified(parsed.error)}`, {
      reason: 'malformed',
      method,
      fields,
    });
    return { ok: false, error: leaving(method, refused) };
  }
  try {
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    const appError = toAppError(error);
    return { ok: false, error: checkedShape(method, appError, appError.code === 'INTERNAL' ? error : undefined) };
  }
}

const prettified = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');

/**
 * The error as it leaves, its details checked against its code's schema (errorDetails.ts): the
 * renderer says an error from its details, so details that do not fit are a defect, logged and
 * turned into INTERNAL rather than shown as the wrong words. `cause` is what a handler threw when it
 * was not an AppError (its stack goes to the log).
 */
export function checkedShape(method: string, error: AppError, cause?: unknown): AppErrorShape {
  const checked = errorDetailSchemas[error.code].safeParse(error.details);
  if (checked.success) return leaving(method, error, cause);
  log.error(`${method}: the details of ${error.code} do not fit its schema`, checked.error);
  return leaving(method, new AppError('INTERNAL', `The details of ${error.code} do not fit its schema (${error.message}).`));
}

/**
 * What crosses the boundary: the code and details, and the id of the log entry holding the
 * developer message, which stays on the Node side (issue 16 §3). Support matches the id a user
 * reads out to the log line.
 */
export function leaving(where: string, error: AppError, cause?: unknown): AppErrorShape {
  const logId = randomUUID().slice(0, 8);
  if (error.code === 'INTERNAL') log.error(`${where} [${logId}] ${error.code}: ${error.message}`, ...(cause ? [cause] : []));
  else log.info(`${where} [${logId}] ${error.code}: ${error.message}`);
  return { ...error.toShape(), logId };
}

export function methodSpec(method: MethodName) {
  return methods[method];
}

export { AppError };
