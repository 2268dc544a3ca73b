/**
 * The single place where a request from outside becomes a handler call. Both hosts (IPC and
 * web) go through here, so validation and error mapping cannot drift between them.
 */
import { z } from 'zod';
import { isMethodName, methods, type MethodName } from '../../shared/contract/api';
import type { Handlers } from '../../shared/contract/handlers';
import { AppError, type Result } from '../../shared/contract/result';
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
    return { ok: false, error: toAppError(error).toShape() };
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
    return { ok: false, error: appError.toShape() };
  }
}

export function methodSpec(method: MethodName) {
  return methods[method];
}

export { AppError };
