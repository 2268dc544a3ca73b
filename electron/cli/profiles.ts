/**
 * `fieldmeter profile add|list` (issue 18). The first profile of a new database must be a
 * supervisor and needs no sign-in; after that a signed-in supervisor (`--user`) adds profiles.
 * The new profile's PIN or password comes from $FIELDMETER_NEW_PIN or a prompt, never an argument.
 */
import { Option, type Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import { roles } from '../../shared/contract/choices';
import type { Role } from '../../shared/contract/supervisorEntities';
import { resolveDatabasePath } from '../services/paths';
import { cliWords, fill } from './language';
import type { CliIo } from './program';
import { sharedHelp } from './help/sharedHelp';
import { supervisorHelp } from './help/supervisorHelp';
import { cliActor, promptSecret } from './signIn';

const dbOption = () => new Option('--db <path>', sharedHelp('db'));

export function registerProfileCommands(program: Command, io: CliIo): void {
  const profile = program.command('profile').description(supervisorHelp('profile')).exitOverride();
  profile
    .command('add')
    .description(supervisorHelp('profileAdd'))
    .addOption(dbOption())
    .requiredOption('--name <name>', supervisorHelp('name'))
    .addOption(new Option('--role <role>', supervisorHelp('role')).choices([...roles]).makeOptionMandatory())
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (options: { db?: string; name: string; role: Role; json?: boolean }) => {
      const [{ secret: secretSchema }, { createSession }, { openStore }] = await Promise.all([
        import('../../shared/contract/methods/profiles'),
        import('../services/identity/session'),
        import('../services/store'),
      ]);
      const store = openStore(resolveDatabasePath(options.db));
      try {
        const first = store.profiles.count() === 0;
        if (first && options.role !== 'supervisor') {
          throw new AppError('VALIDATION', 'The first profile of a database must be a supervisor: add one with --role supervisor first.', {
            reason: 'firstMustBeSupervisor',
          });
        }
        const actor = first ? null : await cliActor(store, 'supervise', 'add a profile');
        const typed = process.env.FIELDMETER_NEW_PIN ?? (await promptSecret(`PIN or password for ${options.name}: `));
        if (typed === null)
          throw new AppError('VALIDATION', 'No PIN given: set $FIELDMETER_NEW_PIN, or run the command on a terminal to be asked.', {
            reason: 'noSecret',
          });
        const secret = secretSchema.safeParse(typed);
        if (!secret.success)
          throw new AppError('VALIDATION', `The PIN or password is too short: ${secret.error.issues[0]?.message ?? ''}.`, {
            reason: 'weakSecret',
          });
        const session = createSession(store);
        const added = actor
          ? await session.add(actor, { name: options.name, role: options.role }, secret.data)
          : (await session.createFirst(options.name, secret.data)).profile!;
        io.out(
          options.json ? JSON.stringify(added) : fill(cliWords().profile.added, { name: added.name, role: cliWords().role[added.role] }),
        );
      } finally {
        store.close();
      }
    });
  profile
    .command('list')
    .description(supervisorHelp('profileList'))
    .addOption(dbOption())
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (options: { db?: string; json?: boolean }) => {
      const { openStore } = await import('../services/store');
      const store = openStore(resolveDatabasePath(options.db));
      try {
        const list = store.profiles.list();
        io.out(
          options.json
            ? JSON.stringify(list, null, 2)
            : list.map((p) => `${p.name} (${cliWords().role[p.role]})`).join('\n') || cliWords().profile.none,
        );
      } finally {
        store.close();
      }
    });
}
