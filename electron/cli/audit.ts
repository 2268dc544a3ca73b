/**
 * `fieldmeter audit verify` (issue 18): walks the hash-chained audit log (store/auditChain.ts) and
 * fails, naming the first row that does not hold, when any row was changed, removed or slipped in.
 */
import { Option, type Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import { resolveDatabasePath } from '../services/paths';
import { cliWords, fill } from './language';
import type { CliIo } from './program';
import { sharedHelp } from './help/sharedHelp';
import { supervisorHelp } from './help/supervisorHelp';

export function registerAuditCommands(program: Command, io: CliIo): void {
  const audit = program.command('audit').description(supervisorHelp('audit')).exitOverride();
  audit
    .command('verify')
    .description(supervisorHelp('auditVerify'))
    .addOption(new Option('--db <path>', sharedHelp('db')))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (options: { db?: string; json?: boolean }) => {
      // SQLite loads only in the command that uses it (a CLI start stays quick).
      const { openStore, verifyAuditChain } = await import('../services/store');
      const store = openStore(resolveDatabasePath(options.db));
      try {
        const report = verifyAuditChain(store.db);
        if (options.json) io.out(JSON.stringify(report, null, 2));
        if (report.broken) {
          throw new AppError('VALIDATION', `The audit log does not hold from row ${report.broken.id}: ${report.broken.reason}.`, {
            reason: 'auditBroken',
            row: report.broken.id,
          });
        }
        if (!options.json) {
          const said = cliWords().audit;
          io.out(fill(said.holds, { rows: report.rows, hash: report.lastHash || said.noRows }));
        }
      } finally {
        store.close();
      }
    });
}
