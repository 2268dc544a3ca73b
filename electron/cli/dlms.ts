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
import { dlmsHelp } from './help/dlmsHelp';
import { sharedHelp } from './help/sharedHelp';

interface DecodeCliOptions {
  key?: string;
  authKey?: string;
  systemTitle?: string;
  json?: boolean;
}

export function registerDlmsCommands(program: Command, io: CliIo): void {
  const dlms = program.command('dlms').description(dlmsHelp('dlms')).exitOverride();
  dlms
    .command('decode')
    .description(dlmsHelp('decode'))
    .argument('<file>', dlmsHelp('decodeFile'))
    .option('--key <hex>', dlmsHelp('decodeKey'))
    .option('--auth-key <hex>', dlmsHelp('decodeAuthKey'))
    .option('--system-title <hex>', dlmsHelp('decodeSystemTitle'))
    .option('--json', sharedHelp('json'))
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
      // Said by the first thing that failed: a damaged frame, else the APDU (decryption, format).
      const dlms = result.frames.find((f) => !f.ok)?.reason ?? result.reason ?? 'dlms.format';
      if (failure) throw new AppError('VALIDATION', failure, { reason: 'dlmsCapture', dlms });
    });
  registerDlmsReadCommands(dlms, program, io);
}
