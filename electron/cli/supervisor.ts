/** Supervisor commands (issue 10): `fieldmeter export` writes the same files as the Export button. */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { exportFormats, stopStatuses, workTypes } from '../../shared/contract/choices';
import type { ExportFormat } from '../../shared/contract/supervisorEntities';
import { AppError } from '../../shared/contract/appError';
import { resolveDatabasePath } from '../services/paths';
import { cliWords, fill } from './language';
import type { CliIo } from './program';
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
    .description('export readings as CSV (README "Export columns"), IEC 61968-9 MeterReadings XML or a PDF report')
    .addOption(new Option('--db <path>', 'database file (default: $FIELDMETER_DB, then the user-data folder)'))
    .addOption(new Option('--format <format>', 'file format').choices([...exportFormats]).makeOptionMandatory())
    .requiredOption('--out <file>', 'file to write (an existing file only with --force)')
    .option('--force', 'replace an existing --out file (never the database, its -wal/-shm or a backup)')
    .option('--from <date>', 'first day (YYYY-MM-DD, UTC)')
    .option('--to <date>', 'last day, inclusive (YYYY-MM-DD, UTC)')
    .option('--route <id>', 'only this route')
    .addOption(new Option('--status <status>', 'only stops with this status').choices([...stopStatuses]))
    .addOption(new Option('--type <type>', 'only readings taken for this work: a route read or a work-order kind').choices([...workTypes]))
    .addOption(new Option('--lang <language>', 'language of the PDF report').choices(['en', 'de']).default('en'))
    .option('--json', 'print machine-readable JSON')
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
