/**
 * The single place where a request from outside becomes a handler call. Both hosts (IPC and
 * web) go through here, so validation and error mapping cannot drift between them.
 */
import { z } from 'zod';
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
    return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no operation named ${String(method).slice(0, 80)}.` } };
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
    return {
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message: `The request for ${method} was malformed: ${z.prettifyError(parsed.error)}`,
      },
    };
  }
  try {
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') log.error(`${method} failed`, error);
    return { ok: false, error: checkedShape(method, appError) };
  }
}

/**
 * The error as it leaves, its details checked against its code's schema (errorDetails.ts): the
 * renderer says an error from its details, so details that do not fit are a defect, logged and
 * turned into INTERNAL rather than shown as the wrong words.
 */
export function checkedShape(method: string, error: AppError): AppErrorShape {
  const checked = errorDetailSchemas[error.code].safeParse(error.details);
  if (checked.success) return error.toShape();
  log.error(`${method}: the details of ${error.code} do not fit its schema`, checked.error);
  return new AppError('INTERNAL', `The details of ${error.code} do not fit its schema.`).toShape();
}

export function methodSpec(method: MethodName) {
  return methods[method];
}

export { AppError };
