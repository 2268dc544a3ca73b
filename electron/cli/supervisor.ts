/** Supervisor commands (issue 10): `fieldmeter export` writes the same files as the Export button. */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { exportFormats, stopStatuses, workTypes } from '../../shared/contract/choices';
import type { ExportFormat } from '../../shared/contract/supervisorEntities';
import { AppError } from '../../shared/contract/appError';
import { resolveDatabasePath } from '../services/paths';
import { cliWords, fill } from './language';
import type { CliIo } from './program';
import { sharedHelp } from './help/sharedHelp';
import { supervisorHelp } from './help/supervisorHelp';
import { cliActor } from './signIn';

interface ExportCliOptions {
  db?: string;
  json?: boolean;
  format: ExportFormat;
  out: string;
  from?: string;
  to?: string;
  route?: string;
  status?: string;
  type?: string;
  force?: boolean;
  lang?: 'en' | 'de';
}

export function registerSupervisorCommands(program: Command, io: CliIo): void {
  program
    .command('export')
    .description(supervisorHelp('export'))
    .addOption(new Option('--db <path>', sharedHelp('db')))
    .addOption(new Option('--format <format>', supervisorHelp('format')).choices([...exportFormats]).makeOptionMandatory())
    .requiredOption('--out <file>', supervisorHelp('out'))
    .option('--force', supervisorHelp('force'))
    .option('--from <date>', supervisorHelp('from'))
    .option('--to <date>', supervisorHelp('to'))
    .option('--route <id>', supervisorHelp('route'))
    .addOption(new Option('--status <status>', supervisorHelp('status')).choices([...stopStatuses]))
    .addOption(new Option('--type <type>', supervisorHelp('type')).choices([...workTypes]))
    .addOption(new Option('--lang <language>', supervisorHelp('lang')).choices(['en', 'de']).default('en'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (options: ExportCliOptions) => {
      const { exportFilter } = await import('../../shared/contract/supervisorEntities');
      const filter = exportFilter.safeParse({
        from: options.from,
        to: options.to,
        route: options.route,
        status: options.status,
        type: options.type,
      });
      if (!filter.success)
        throw new AppError(
          'BAD_REQUEST',
          `Bad filter: ${filter.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
          { reason: 'option', option: 'filter' },
        );
      const [{ runExport }, { openStore }] = await Promise.all([import('../services/exports/runExport'), import('../services/store')]);
      const store = openStore(resolveDatabasePath(options.db));
      try {
        const result = await runExport(
          store,
          await cliActor(store, 'supervise', 'export readings'),
          options.format,
          filter.data,
          resolve(options.out),
          { force: options.force, language: options.lang },
        );
        io.out(
          options.json
            ? JSON.stringify(result, null, 2)
            : fill(cliWords().export.wrote, { rows: result.rows, path: result.path, bytes: result.bytes }),
        );
      } finally {
        store.close();
      }
    });
}
