/**
 * `fieldmeter keys import FILE | count | delete MAN ID` (issue 23 §5): the supervisor's meter keys
 * from the command line, as the Review section's Meter keys card does. Keys are sealed under
 * FIELDMETER_KEY_SECRET (electron/services/meterKeys/encryptors.ts); no command prints a key.
 * The store and the key services load when a command runs (issue 21).
 */
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import type { MeterKeys } from '../services/meterKeys';
import type { Store } from '../services/store';
import { cliWords, fill } from './language';
import type { CliIo } from './program';
import { keysHelp } from './help/keysHelp';
import { sharedHelp } from './help/sharedHelp';
import { readInputText } from './inputFile';

interface KeysCliOptions {
  db?: string;
  json?: boolean;
}

async function withKeys<T>(options: KeysCliOptions, fn: (store: Store, keys: MeterKeys) => Promise<T>): Promise<T> {
  const [{ openStore }, { resolveDatabasePath }, { meterKeysOf }, { envEncryptor }] = await Promise.all([
    import('../services/store'),
    import('../services/paths'),
    import('../services/meterKeys'),
    import('../services/meterKeys/encryptors'),
  ]);
  const store = openStore(resolveDatabasePath(options.db));
  try {
    return await fn(store, meterKeysOf(store, { encryptor: envEncryptor() }));
  } finally {
    store.close();
  }
}

export function registerKeysCommands(program: Command, io: CliIo): void {
  const print = (options: KeysCliOptions, value: unknown, text: string) => io.out(options.json ? JSON.stringify(value, null, 2) : text);
  const common = (command: Command) =>
    command
      .addOption(new Option('--db <path>', sharedHelp('db')))
      .option('--json', sharedHelp('json'))
      .exitOverride();
  const keys = program.command('keys').description(keysHelp('keys')).exitOverride();

  common(keys.command('import').argument('<file>', keysHelp('importFile')))
    .description(keysHelp('import'))
    .action(async (file: string, options: KeysCliOptions) => {
      const content = readInputText(file);
      const { cliActor } = await import('./signIn');
      await withKeys(options, async (store, meterKeys) => {
        const actor = await cliActor(store, 'supervise', 'import meter keys');
        try {
          const result = meterKeys.importFile(actor, basename(file), content);
          const added = result.imported - result.replaced;
          print(options, { ...result, added }, fill(cliWords().keys.imported, { ...result, added }));
        } catch (error) {
          const problems = (error as AppError).details as { problems?: { line: number; column: string }[] } | undefined;
          // The lines in words for the operator, in the CLI's language (runCli prints the problems' `reason`).
          if (error instanceof AppError && problems?.problems)
            throw new AppError(error.code, error.message, {
              ...(error.details as object),
              problems: problems.problems.map((p) => ({
                ...p,
                reason: (cliWords().keys.line as Readonly<Record<string, string>>)[p.column] ?? p.column,
              })),
            });
          throw error;
        }
      });
    });

  common(keys.command('count'))
    .description(keysHelp('count'))
    .action((options: KeysCliOptions) =>
      withKeys(options, async (store, meterKeys) => {
        const { cliActor } = await import('./signIn');
        await cliActor(store, 'view', 'count meter keys');
        const counts = meterKeys.counts();
        print(
          options,
          counts,
          fill(cliWords().keys.counted, {
            total: counts.total,
            mbus: counts.mbus,
            encryption: counts['dlms.encryption'],
            authentication: counts['dlms.authentication'],
            password: counts['dlms.password'],
          }),
        );
      }),
    );

  common(keys.command('delete').argument('<manufacturer>', keysHelp('deleteManufacturer')).argument('<id>', keysHelp('deleteId')))
    .description(keysHelp('delete'))
    .action((manufacturer: string, id: string, options: KeysCliOptions) => {
      if (!/^([A-Za-z]{3})?$/.test(manufacturer))
        throw new AppError('BAD_REQUEST', 'The manufacturer is three letters, or "" for a meter named by its serial.', {
          reason: 'option',
          option: 'manufacturer',
        });
      return withKeys(options, async (store, meterKeys) => {
        const { cliActor } = await import('./signIn');
        const actor = await cliActor(store, 'supervise', 'delete meter keys');
        const result = meterKeys.remove(actor, { manufacturer, id });
        print(options, result, fill(cliWords().keys.deleted, { deleted: result.deleted, meter: `${manufacturer.toUpperCase()}${id}` }));
      });
    });
}
