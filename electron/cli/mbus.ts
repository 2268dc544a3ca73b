/**
 * `fieldmeter mbus decode FILE [--key HEX] [--json]` (issue 23 §7): one telegram from a file, as
 * hex text (white space ignored) or raw bytes — a wM-Bus link-layer frame with or without its
 * CRCs, or a wired long frame. Exit 1 when the telegram cannot be read (bad CRC, wrong key, …).
 * The key is used, never printed; the decoder is loaded when the command runs. Without --key it is
 * taken from FIELDMETER_MBUS_KEY, and for an encrypted telegram without either it is asked for on a
 * terminal, not echoed (issue 22 §5: the CLI takes keys from the environment or a prompt); with no
 * terminal the command says which variable to set.
 */
import type { Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import type { MbusReason } from '../../shared/mbus/reasons';
import { cliWords } from './language';
import type { CliIo } from './program';
import { mbusHelp } from './help/mbusHelp';
import { sharedHelp } from './help/sharedHelp';
import { escapeControls } from './terminalText';
import { readInputFile } from './inputFile';
import { terminalPrompt } from './meterPassword';

/** Where a script gives the key (an argument shows in `ps` and the shell history). */
export const MBUS_KEY_VARIABLE = 'FIELDMETER_MBUS_KEY';
const AES_KEY = /^[0-9a-fA-F]{32}$/;

/** What the reasons mean, for the terminal (the app shows them from its catalogs). */
const reasonText: Readonly<Record<string, string>> = {
  'mbus.crc': 'a CRC or checksum does not match: the telegram was damaged on the way',
  'mbus.length': 'the length byte disagrees with the bytes received',
  'mbus.truncated': 'the telegram ends in the middle of a header or record',
  'mbus.vifChain': 'a record has an extension chain that never ends',
  'mbus.noKey': 'the telegram is encrypted: give the meter key with --key',
  'mbus.decrypt': 'cannot decrypt: the key does not fit this meter',
  'mbus.replay': 'the access number was seen before (replay)',
  'mbus.unsupported': 'this telegram uses a layer or coding Fieldmeter does not read',
  'mbus.notHex': 'the file is hex text with a character that is not a hex digit',
  'mbus.unknownFormat': 'a compact frame: its format is known only from a full telegram of the same meter',
};

/** Hex text when the file is only hex digits and white space; raw bytes otherwise. */
function telegramBytes(file: string, hexBytes: (text: string) => Uint8Array): Uint8Array {
  const content = readInputFile(file);
  const text = content.toString('latin1');
  return /^[\s0-9a-fA-F]+$/.test(text) && /[0-9a-fA-F]/.test(text) ? hexBytes(text) : new Uint8Array(content);
}

export function registerMbusCommands(program: Command, io: CliIo): void {
  const mbus = program.command('mbus').description(mbusHelp('mbus')).exitOverride();
  mbus
    .command('decode')
    .description(mbusHelp('decode'))
    .argument('<file>', mbusHelp('decodeFile'))
    .option('--key <hex>', mbusHelp('decodeKey'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (file: string, options: { key?: string; json?: boolean }) => {
      const [{ decodeTelegram, hexBytes, MbusError }, { nodeAes }, { telegramSummary, telegramTable }] = await Promise.all([
        import('../../shared/mbus'),
        import('../services/mbus/nodeAes'),
        import('./mbusText'),
      ]);
      const given = options.key ?? (process.env[MBUS_KEY_VARIABLE] || undefined);
      const key = given?.replace(/\s/g, '');
      if (key !== undefined && !AES_KEY.test(key))
        throw new AppError('BAD_REQUEST', 'The key must be 32 hex digits (AES-128).', {
          reason: 'option',
          option: options.key === undefined ? MBUS_KEY_VARIABLE : '--key',
        });
      const bytes = telegramBytes(file, hexBytes);
      const decode = (hex: string | undefined) => {
        try {
          return decodeTelegram(bytes, { key: hex ? hexBytes(hex) : undefined, aes: nodeAes });
        } catch (error) {
          if (!(error instanceof MbusError)) throw error;
          return { ok: false as const, reason: error.reason, header: null };
        }
      };
      let result = decode(key);
      if (!result.ok && result.reason === 'mbus.noKey' && key === undefined) {
        const prompt = terminalPrompt(cliWords().mbus.keyPrompt);
        if (!prompt) {
          if (options.json) io.out(JSON.stringify(telegramSummary(result), null, 2));
          throw new AppError('VALIDATION', `The telegram is encrypted: set ${MBUS_KEY_VARIABLE} or pass --key.`, {
            reason: 'secretNeeded',
            variable: MBUS_KEY_VARIABLE,
          });
        }
        const typed = (await prompt()).replace(/\s/g, '');
        if (!AES_KEY.test(typed))
          throw new AppError('BAD_REQUEST', 'The key must be 32 hex digits (AES-128).', { reason: 'option', option: '--key' });
        result = decode(typed);
      }
      const summary = telegramSummary(result);
      if (options.json) io.out(JSON.stringify(summary, null, 2));
      else io.out(escapeControls(telegramTable(summary)));
      if (!summary.ok)
        throw new AppError('VALIDATION', `${summary.reason}: ${reasonText[summary.reason ?? ''] ?? 'cannot read the telegram'}`, {
          reason: 'telegram',
          telegram: (summary.reason ?? 'mbus.unsupported') as MbusReason,
        });
    });
}
