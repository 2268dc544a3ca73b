/**
 * Who a command acts as (issue 18). `--user NAME` (or $FIELDMETER_USER) names a profile; its PIN
 * or password comes from $FIELDMETER_PIN or a prompt on a terminal — never from the command line,
 * where every local user could read it. A database without any profile has no walls yet (as the
 * app's first run): commands there act as the command-line operator until a profile is added.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { AppError } from '../../shared/contract/appError';
import { mayDo, leastRoleFor, type Right } from '../../shared/contract/rights';
import type { Store } from '../services/store';
import type { Actor } from '../services/store/repositories/journal';

let namedUser: string | undefined;

/** Set from the global `--user` option before a command runs. */
export function useCliUser(name: string | undefined): void {
  namedUser = name;
}

/** Asks on the terminal without echoing what is typed. */
export async function promptSecret(question: string): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const output = rl as unknown as { _writeToOutput?: (s: string) => void };
  process.stderr.write(question);
  output._writeToOutput = () => undefined;
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

function operator(): Actor {
  let name = 'operator';
  try {
    name = userInfo().username;
  } catch {
    // no user name on this system: keep the generic one
  }
  return { name: `command line (${name})`, role: 'supervisor' };
}

/** Signs in the named profile and checks it holds `right` for `what`; throws a coded error a script can act on. */
export async function cliActor(store: Store, right: Right, what: string): Promise<Actor> {
  const name = namedUser ?? process.env.FIELDMETER_USER;
  if (!name) {
    if (store.profiles.count() === 0) return operator();
    throw new AppError(
      'SIGN_IN_REQUIRED',
      `${what} needs the right "${right}" (${leastRoleFor(right)} or above): sign in with --user NAME; the PIN comes from $FIELDMETER_PIN or a prompt.`,
      { right },
    );
  }
  const secret = process.env.FIELDMETER_PIN ?? (await promptSecret(`PIN or password for ${name}: `));
  if (secret === null)
    throw new AppError('SIGN_IN_REQUIRED', `No PIN for ${name}: set $FIELDMETER_PIN, or run the command on a terminal to be asked.`, {
      right,
    });
  // Loaded here, not at start: the commands that never sign in stay free of it (issue 21).
  const { createSession } = await import('../services/identity/session');
  const session = createSession(store);
  await session.signIn(name, secret);
  const actor = session.current()!;
  if (!mayDo(actor.role, right)) {
    throw new AppError(
      'FORBIDDEN',
      `${actor.name} (${actor.role}) may not ${what}: it needs the right "${right}" (${leastRoleFor(right)} or above).`,
      { reason: 'needsRight', right, role: actor.role },
    );
  }
  return actor;
}

/** The same for a command that opens its database later (or in a worker): opens it only to sign in. */
export async function cliActorFor(databasePath: string, right: Right, what: string): Promise<Actor> {
  const { openStore } = await import('../services/store');
  const store = openStore(databasePath);
  try {
    return await cliActor(store, right, what);
  } finally {
    store.close();
  }
}
