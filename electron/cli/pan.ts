/**
 * `fieldmeter pan check`: checks a PAN device label before it goes to the trust center
 * (issue 8 §6). Exit 0 when the EUI-64 and the install code are valid, 1 when not.
 */
import type { Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import { cliWords, fill } from './language';
import type { CliIo } from './program';
import { sharedHelp } from './help/sharedHelp';
import { supervisorHelp } from './help/supervisorHelp';

export function registerPanCommands(program: Command, io: CliIo): void {
  const pan = program.command('pan').description(supervisorHelp('pan')).exitOverride();
  pan
    .command('check')
    .description(supervisorHelp('panCheck'))
    .requiredOption('--eui64 <eui>', supervisorHelp('eui64'))
    .requiredOption('--install-code <code>', supervisorHelp('installCode'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (options: { eui64: string; installCode: string; json?: boolean }) => {
      const { checkPanLabel } = await import('../services/pan/checkLabel');
      const result = checkPanLabel(options.eui64, options.installCode);
      const { valid, reason, crc, linkKey } = result;
      if (options.json) io.out(JSON.stringify({ valid, reason, crc, linkKey, eui64: result.eui64 }, null, 2));
      else if (valid) io.out(fill(cliWords().pan.valid, { eui64: result.eui64 ?? '', crc: crc ?? '', linkKey: linkKey ?? '' }));
      if (!valid) throw new AppError('VALIDATION', reason ?? 'The label is not valid.', { reason: 'euiInvalid', field: 'eui64' });
    });
}
