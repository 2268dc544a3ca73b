/**
 * The meter password for programming mode (issue 18): from FIELDMETER_METER_PASSWORD or typed at a
 * prompt on a terminal, not echoed — a command-line argument is visible to every user of the machine
 * in `ps` and lands in shell history. `--password` still works for scripts written before, with a
 * warning on every use.
 */
import { AppError } from '../../shared/contract/appError';
import { cliWords, fill } from './language';

export const METER_PASSWORD_VARIABLE = 'FIELDMETER_METER_PASSWORD';

export interface PasswordSources {
  readonly flag: string | undefined;
  readonly env: NodeJS.ProcessEnv;
  /** Asks on the terminal; absent where stdin is not a terminal. */
  readonly prompt: (() => Promise<string>) | undefined;
  warn(text: string): void;
}

export async function meterPassword({ flag, env, prompt, warn }: PasswordSources): Promise<string> {
  if (flag !== undefined) {
    warn(fill(cliWords().optical.passwordVisible, { variable: METER_PASSWORD_VARIABLE }));
    return flag;
  }
  const fromEnv = env[METER_PASSWORD_VARIABLE];
  if (fromEnv) return fromEnv;
  if (prompt) return prompt();
  throw new AppError(
    'VALIDATION',
    `No meter password: set ${METER_PASSWORD_VARIABLE}, or run the command on a terminal to be asked for it.`,
    { reason: 'secretNeeded', variable: METER_PASSWORD_VARIABLE },
  );
}

/** Reads one line from the terminal without echoing it. */
export function terminalPrompt(question: string): (() => Promise<string>) | undefined {
  const input = process.stdin;
  if (!input.isTTY) return undefined;
  return () =>
    new Promise<string>((resolve, reject) => {
      // Echo off before the question shows: what is typed (or pasted) the moment it appears is never echoed.
      input.setRawMode(true);
      process.stderr.write(question);
      let typed = '';
      input.resume();
      input.setEncoding('utf8');
      const done = (error?: Error) => {
        input.setRawMode(false);
        input.pause();
        input.off('data', onData);
        process.stderr.write('\n');
        if (error) reject(error);
        else resolve(typed);
      };
      const onData = (chunk: string) => {
        for (const c of chunk) {
          if (c === '\r' || c === '\n') return done();
          if (c === '\u0003') return done(new AppError('VALIDATION', 'Cancelled; nothing was sent to the meter.', { reason: 'cancelled' }));
          if (c === '\u007f' || c === '\b') typed = typed.slice(0, -1);
          else typed += c;
        }
      };
      input.on('data', onData);
    });
}
