/**
 * DLMS/COSEM commands (issue 22 item 7): `dlms decode` reads a capture of HDLC frames and/or
 * xDLMS APDUs. The decoder and node:crypto load in the action, not when the program is built.
 */
import type { Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import { cliWords } from './language';
import type { CliIo } from './program';
import { escapeControls } from './terminalText';
import { registerDlmsReadCommands } from './dlmsRead';

interface DecodeCliOptions {
  key?: string;
  authKey?: string;
  systemTitle?: string;
  json?: boolean;
}

export function registerDlmsCommands(program: Command, io: CliIo): void {
  const dlms = program.command('dlms').description('DLMS/COSEM meters (HDLC, xDLMS)').exitOverride();
  dlms
    .command('decode')
    .description(
      'decode a capture: HDLC frames and/or xDLMS APDUs as hex text or raw bytes; exit 1 when a frame check or the decryption fails',
    )
    .argument('<file>', 'the capture (hex text: white space, newlines and 0x ignored; or raw binary)')
    .option('--key <hex>', 'global (or dedicated) encryption key, 32 hex digits (also $FIELDMETER_DLMS_KEY)')
    .option('--auth-key <hex>', 'authentication key, 32 hex digits (also $FIELDMETER_DLMS_AUTH_KEY)')
    .option('--system-title <hex>', "the sender's system title, 16 hex digits, for glo-* APDUs whose association is not in the capture")
    .option('--json', 'print machine-readable JSON')
    .exitOverride()
    .action(async (file: string, options: DecodeCliOptions) => {
      const { captureFailure, decodeCaptureFile } = await import('../services/dlms/decodeFile');
      const { captureText } = await import('./dlmsText');
      // An argument is visible to every user of the machine in `ps`; the environment is not.
      if (options.key !== undefined || options.authKey !== undefined) io.err(cliWords().dlms.keysVisible);
      const result = decodeCaptureFile(file, {
        key: options.key ?? process.env.FIELDMETER_DLMS_KEY,
        authKey: options.authKey ?? process.env.FIELDMETER_DLMS_AUTH_KEY,
        systemTitle: options.systemTitle,
      });
      const { frames, apdu, encrypted, decrypted, objects } = result;
      io.out(options.json ? JSON.stringify({ frames, apdu, encrypted, decrypted, objects }, null, 2) : escapeControls(captureText(result)));
      const failure = captureFailure(result);
      if (failure) throw new AppError('VALIDATION', failure, { reason: 'hexInvalid' });
    });
  registerDlmsReadCommands(dlms, program, io);
}
