/**
 * `fieldmeter receipt verify FILE [--db PATH]` (issue 24 §3): is a visit receipt intact — does the
 * code it shows belong to the visit data it carries — and, with a database, is that data still the
 * visit stored there? Exit 1 when either answer is no.
 */
import { Option, type Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import { resolveDatabasePath } from '../services/paths';
import { cliWords, fill } from './language';
import type { CliIo } from './program';
import { sharedHelp } from './help/sharedHelp';
import { supervisorHelp } from './help/supervisorHelp';

export function registerReceiptCommands(program: Command, io: CliIo): void {
  const receipt = program.command('receipt').description(supervisorHelp('receipt')).exitOverride();
  receipt
    .command('verify')
    .description(supervisorHelp('receiptVerify'))
    .argument('<file>', supervisorHelp('receiptFile'))
    .addOption(new Option('--db <path>', supervisorHelp('receiptDb')))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (file: string, options: { db?: string; json?: boolean }) => {
      // The PDF reader and SQLite load only when the command runs (a CLI start stays quick).
      const { checkReceipt } = await import('../services/evidence/verifyReceipt');
      const store = options.db ? (await import('../services/store')).openStore(resolveDatabasePath(options.db)) : undefined;
      try {
        let check;
        try {
          check = checkReceipt(file, store);
        } catch (error) {
          throw new AppError('NOT_FOUND', `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, {
            reason: 'fileUnreadable',
            file,
            errno: (error as NodeJS.ErrnoException).code,
          });
        }
        if (options.json) io.out(JSON.stringify(check, null, 2));
        const said = cliWords().receipt;
        const visit = check.visit ? `${check.visit.kind} ${check.visit.id}` : said.unknownVisit;
        if (!check.intact) {
          const why =
            check.problem === 'noReceiptData'
              ? 'it carries no Fieldmeter receipt data'
              : check.problem === 'badData'
                ? 'its embedded data cannot be read'
                : `its data gives code ${check.computedCode}`;
          throw new AppError(
            'VALIDATION',
            `NOT INTACT: the receipt shows code ${check.code ?? '(none)'}, but ${why}. It was changed after it was made.`,
            { reason: 'receiptTampered' },
          );
        }
        if (check.matchesDatabase === false) {
          // Which parts changed, in words, so the office knows what to look at (issue 24 §3).
          const { describeDifference } = await import('../../shared/evidence/recordDiff');
          const parts = check.differences.map((d) => `\n  - ${describeDifference(d)}`).join('');
          const why =
            check.problem === 'visitNotInDatabase'
              ? 'the database has no such finished visit'
              : `the visit in the database now gives code ${check.databaseCode}. What differs:${parts || ' (no part named; the data was reordered)'}`;
          throw new AppError('VALIDATION', `Intact (code ${check.code}, ${visit}), but DOES NOT MATCH the database: ${why}.`, {
            reason: 'receiptMismatch',
          });
        }
        if (!options.json) {
          io.out(fill(said.intact, { code: check.code ?? '', visit }) + (check.matchesDatabase ? said.matchesDatabase : ''));
        }
      } finally {
        store?.close();
      }
    });
}
