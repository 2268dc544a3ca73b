/**
 * The one check of rights (issue 18): before any handler runs, the method's declared right
 * (shared/contract) is held against the profile signed in on the Node side. Hosts and the CLI
 * reach handlers only through this, so no path forgets it.
 */
import { methods, type MethodName } from '../../../shared/contract/api';
import type { Handlers } from '../../../shared/contract/handlers';
import { AppError } from '../../../shared/contract/result';
import { leastRoleFor, mayDo, type Right } from '../../../shared/contract/rights';
import type { Actor } from '../store/repositories/journal';

export function checkRight(actor: Actor | null, right: Right, what: string): void {
  if (mayDo(actor?.role ?? null, right)) return;
  if (!actor) throw new AppError('SIGN_IN_REQUIRED', `Sign in first: ${what} needs a signed-in profile.`, { right, method: what });
  const needed = leastRoleFor(right);
  throw new AppError(
    'FORBIDDEN',
    `${actor.name} (${actor.role}) may not do this: ${what} needs the right "${right}" (${needed} or above).`,
    { reason: 'needsRight', right, role: actor.role, method: what },
  );
}

const rightChecks = new WeakMap<object, () => void>();

/**
 * The right check of a guarded handler, for dispatch to run before it parses the input: a profile
 * without the right is told so, not how to shape a request it may not make. The handler checks
 * again when called (the CLI calls handlers directly).
 */
export function rightCheckOf(handler: unknown): (() => void) | undefined {
  return typeof handler === 'function' ? rightChecks.get(handler) : undefined;
}

export function guardHandlers(handlers: Handlers, signedIn: () => Actor | null): Handlers {
  const guarded = {} as Record<MethodName, (input: unknown) => unknown>;
  for (const method of Object.keys(handlers) as MethodName[]) {
    const handler = handlers[method] as (input: unknown) => unknown;
    const right = methods[method].right;
    const check = () => checkRight(signedIn(), right, method);
    guarded[method] = (input) => {
      check();
      return handler(input);
    };
    rightChecks.set(guarded[method], check);
  }
  return guarded as Handlers;
}
