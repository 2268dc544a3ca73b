/**
 * `fieldmeter dlms read` and `fieldmeter simulate dlms-meter` (issue 22 item 7): a DLMS/COSEM
 * meter through the optical probe (mode E, HDLC), and the simulated one on a socat PTY. The
 * serial port and the services load in the actions, never when the program is built.
 */
import type { Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import { dlmsReadText, dlmsSavedText } from './dlmsText';
import { cliWords, fill } from './language';
import type { CliIo } from './program';
import { escapeControls } from './terminalText';
import type { PushCliOptions } from './dlmsPush';
import { terminalPrompt } from './meterPassword';
import { dlmsHelp } from './help/dlmsHelp';
import { dlmsSimulateHelp } from './help/dlmsSimulateHelp';
import { sharedHelp, simulateGroup } from './help/sharedHelp';

type SimulateOptions = { days: string; password: string; pace?: boolean; medium: string; baud?: string } & Omit<PushCliOptions, 'baud'>;

/** Rates a direct HDLC line runs at (8N1; IEC 62056-46 leaves the rate to the physical layer). */
const HDLC_BAUDS = [300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

/** `--medium`: the optical probe (mode E sign-on), or a direct HDLC line at `--baud` (9600 when not given). */
function mediumOption(medium: string, baud: string | undefined): { kind: 'optical' } | { kind: 'hdlc'; baud: number } {
  if (medium !== 'optical' && medium !== 'hdlc')
    throw new AppError('BAD_REQUEST', '--medium must be optical or hdlc', { reason: 'option', option: '--medium' });
  if (medium === 'optical') {
    if (baud !== undefined)
      throw new AppError('BAD_REQUEST', '--baud goes with --medium hdlc', {
        reason: 'optionNeeds',
        option: '--baud',
        needs: '--medium hdlc',
      });
    return { kind: 'optical' };
  }
  const rate = Number(baud ?? 9600);
  if (!HDLC_BAUDS.includes(rate))
    throw new AppError('BAD_REQUEST', `--baud must be one of ${HDLC_BAUDS.join(', ')}`, { reason: 'option', option: '--baud' });
  return { kind: 'hdlc', baud: rate };
}

/**
 * The LLS password of a DLMS meter: from the environment, or typed at a prompt without echo on a
 * terminal (an argument shows in `ps`); with neither, a coded error names this variable.
 */
export const DLMS_PASSWORD_VARIABLE = 'FIELDMETER_DLMS_PASSWORD';

interface ReadCliOptions {
  port: string;
  client?: string;
  server: string;
  maxBaud: string;
  medium: string;
  baud?: string;
  from?: string;
  to?: string;
  profile?: string;
  save?: boolean;
  usagePoint?: string;
  db?: string;
  note?: string;
  confirmReason?: string;
  objects?: boolean;
  json?: boolean;
}

/** A day `YYYY-MM-DD` (its start, UTC) or a full ISO date-time; null when it is neither. */
export function parseDay(text: string, endOfDay: boolean): number | null {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const ms = Date.parse(day ? `${text}T00:00:00Z` : text);
  if (!Number.isFinite(ms)) return null;
  return day && endOfDay ? ms + 86_400_000 : ms;
}

function integerOption(text: string | undefined, name: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AppError('BAD_REQUEST', `${name} must be a whole number from ${min} to ${max}`, {
      reason: 'option',
      option: name,
    });
  return n;
}

export function registerDlmsReadCommands(dlms: Command, program: Command, io: CliIo): void {
  dlms
    .command('read')
    .description(dlmsHelp('read'))
    .requiredOption('--port <path>', dlmsHelp('readPort'))
    .option('--client <n>', dlmsHelp('readClient'))
    .option('--server <n>', dlmsHelp('readServer'), '17')
    .option('--max-baud <baud>', dlmsHelp('readMaxBaud'), '19200')
    .option('--medium <kind>', dlmsHelp('readMedium'), 'optical')
    .option('--baud <baud>', dlmsHelp('readBaud'))
    .option('--objects', dlmsHelp('readObjects'))
    .option('--profile <obis>', dlmsHelp('readProfile'))
    .option('--from <day>', dlmsHelp('readFrom'))
    .option('--to <day>', dlmsHelp('readTo'))
    .option('--save', dlmsHelp('readSave'))
    .option('--usage-point <id>', dlmsHelp('readUsagePoint'))
    .option('--db <path>', sharedHelp('dbWithSave'))
    .option('--note <text>', dlmsHelp('readNote'))
    .option('--confirm-reason <text>', dlmsHelp('readConfirmReason'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (options: ReadCliOptions) => {
      const maxBaud = Number(options.maxBaud);
      if (![300, 600, 1200, 2400, 4800, 9600, 19200].includes(maxBaud))
        throw new AppError('BAD_REQUEST', '--max-baud must be one of 300, 600, 1200, 2400, 4800, 9600, 19200', {
          reason: 'option',
          option: '--max-baud',
        });
      const medium = mediumOption(options.medium, options.baud);
      // Saving and the object list go through the optical services (serial check by identification): the probe only.
      if (medium.kind === 'hdlc' && (options.save || options.objects))
        throw new AppError('BAD_REQUEST', '--medium hdlc reads and prints: not with --save or --objects', {
          reason: 'option',
          option: '--medium',
        });
      if ((options.from === undefined) !== (options.to === undefined))
        throw new AppError('BAD_REQUEST', '--from and --to go together', { reason: 'optionNeeds', option: '--from', needs: '--to' });
      const from = options.from === undefined ? null : parseDay(options.from, false);
      const to = options.to === undefined ? null : parseDay(options.to, true);
      if (options.from !== undefined && (from === null || to === null || to <= from))
        throw new AppError('BAD_REQUEST', '--from and --to must be days (YYYY-MM-DD) or ISO date-times, --to not before --from', {
          reason: 'option',
          option: '--from',
        });
      if (options.objects && (options.save || options.from !== undefined || options.profile !== undefined))
        throw new AppError(
          'BAD_REQUEST',
          '--objects lists what the meter offers and reads nothing else: not with --save, --profile or --from/--to',
        );
      if (options.save && !options.usagePoint)
        throw new AppError('BAD_REQUEST', '--save needs --usage-point: the stop whose meter you read', {
          reason: 'optionNeeds',
          option: '--save',
          needs: '--usage-point',
        });
      if (!options.save && (options.usagePoint || options.note || options.confirmReason))
        throw new AppError('BAD_REQUEST', '--usage-point, --note and --confirm-reason go with --save', {
          reason: 'optionNeeds',
          option: '--usage-point',
          needs: '--save',
        });
      const prompt = terminalPrompt(cliWords().dlms.passwordPrompt);
      const needed = (): never => {
        throw new AppError('VALIDATION', `The meter needs its LLS password: set ${DLMS_PASSWORD_VARIABLE}.`, {
          reason: 'secretNeeded',
          variable: DLMS_PASSWORD_VARIABLE,
        });
      };
      const givenClient = integerOption(options.client, '--client', 1, 127);
      let password = process.env[DLMS_PASSWORD_VARIABLE] ?? '';
      // A client other than the public one (16) associates with a password (IEC 62056-5-3 LLS): asked for before the session.
      if (!password && givenClient !== undefined && givenClient !== 16) password = prompt ? await prompt() : needed();
      let client = givenClient ?? (password ? 32 : 16);
      const serverLower = integerOption(options.server, '--server', 0, 0x3fff) ?? 17;
      const { readDlmsLine, DlmsReadError } = await import('../services/serial/dlmsReader');
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.once('SIGINT', cancel);
      // The seam for the meter-key store: here the secrets come from the environment.
      const keysFor = () => ({ password: password ? new TextEncoder().encode(password) : null });
      // Asked once with no password; a meter that refuses for want of one is asked again only with
      // the password the user typed (never a guess, so nothing counts towards the meter's lock-out).
      const readOnce = () =>
        readDlmsLine({
          path: options.port,
          medium,
          client,
          serverLower,
          maxBaud,
          signal: controller.signal,
          keysFor,
          request: from !== null && to !== null ? { profile: { obis: options.profile, from, to } } : {},
        });
      const read = async () => {
        try {
          return await readOnce();
        } catch (error) {
          if (!(error instanceof DlmsReadError) || error.code !== 'PASSWORD_REJECTED' || password) throw error;
          password = prompt ? await prompt() : needed();
          client = givenClient ?? 32;
          return readOnce();
        }
      };
      try {
        if (options.save) {
          const { readDlmsAndSave } = await import('./dlmsSave');
          const profile = from !== null && to !== null ? { from, to } : null;
          const saved = await readDlmsAndSave({
            port: options.port,
            usagePoint: options.usagePoint!,
            db: options.db,
            profile,
            note: options.note,
            confirmReason: options.confirmReason,
            givenPassword: password,
            signal: controller.signal,
          });
          io.out(options.json ? JSON.stringify(saved, null, 2) : dlmsSavedText(options.usagePoint!, saved));
          return;
        }
        if (options.objects) {
          const { listMeterObjects } = await import('./dlmsObjects');
          io.out(
            await listMeterObjects({ path: options.port, client, serverLower, maxBaud, signal: controller.signal, keysFor }, options.json),
          );
          return;
        }
        const result = await read();
        const { identification, baud, data, bytes, durationMs, released } = result;
        const shown = {
          meter: { manufacturer: identification?.manufacturer ?? '', ident: identification?.ident ?? '', serial: data.serial },
          medium: medium.kind,
          baud,
          bytes,
          durationMs,
          released,
          ...data,
        };
        io.out(options.json ? JSON.stringify(shown, null, 2) : escapeControls(dlmsReadText(shown)));
      } catch (error) {
        if (error instanceof AppError && error.code === 'OPTICAL_READ_FAILED') {
          if (options.json) io.out(JSON.stringify({ error: { ...(error.details as object), message: error.message } }, null, 2));
          const probe = (error.details as { code?: string } | undefined)?.code ?? 'PROTOCOL_ERROR';
          throw new AppError('VALIDATION', escapeControls(error.message), { reason: 'probeFailed', probe });
        }
        if (!(error instanceof DlmsReadError)) throw error;
        if (options.json) io.out(JSON.stringify({ error: { code: error.code, reason: error.dlmsCode, message: error.message } }, null, 2));
        else if (error.diagnostic?.bytes) io.err(`${cliWords().dlms.receivedBefore}\n${error.diagnostic.log}`);
        throw new AppError(
          error.code === 'PORT_NOT_FOUND' ? 'NOT_FOUND' : 'VALIDATION',
          `[${error.code}] ${escapeControls(error.message)}`,
          { reason: error.code === 'PORT_NOT_FOUND' ? 'portNotFound' : 'probeFailed', probe: error.code },
        );
      } finally {
        process.off('SIGINT', cancel);
      }
    });

  const simulate = simulateGroup(program);
  simulate
    .command('dlms-meter')
    .description(dlmsSimulateHelp('meter'))
    .requiredOption('--link <path>', dlmsSimulateHelp('link'))
    .option('--days <n>', dlmsSimulateHelp('days'), '7')
    .option('--password <text>', dlmsSimulateHelp('password'), '00000000')
    .option('--serial <text>', dlmsSimulateHelp('serial'), '98765432')
    .option('--pace', dlmsSimulateHelp('pace'))
    .option('--medium <kind>', dlmsSimulateHelp('medium'), 'optical')
    .option('--push <seconds>', dlmsSimulateHelp('push'))
    .option('--key <hex>', dlmsSimulateHelp('key'))
    .option('--auth-key <hex>', dlmsSimulateHelp('authKey'))
    .option('--system-title <hex>', dlmsSimulateHelp('systemTitle'), '4B464D1020304050')
    .option('--framing <kind>', dlmsSimulateHelp('framing'), 'hdlc')
    .option('--baud <n>', dlmsSimulateHelp('baud'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (options: SimulateOptions) => {
      if (options.push !== undefined)
        return (await import('./dlmsPush')).runPushSimulator(io, { ...options, baud: options.baud ?? '2400' });
      const medium = mediumOption(options.medium, options.baud);
      const days = integerOption(options.days, '--days', 0, 400) ?? 7;
      const { runDlmsMeter } = await import('../services/serial/simulator/dlmsMeter');
      const running = await runDlmsMeter(options.link, {
        password: options.password,
        days,
        serial: options.serial,
        pace: options.pace,
        ...(medium.kind === 'hdlc' ? { hdlcBaud: medium.baud } : {}),
      });
      const info = {
        appPath: running.appPath,
        meterPath: running.meterPath,
        startedSocat: running.startedSocat,
        socatPid: running.socatPid,
        days,
        serial: options.serial,
        medium: medium.kind,
        ...(medium.kind === 'hdlc' ? { baud: medium.baud } : {}),
      };
      io.out(
        options.json
          ? JSON.stringify(info, null, 2)
          : fill(cliWords().dlms.simulated, {
              serial: options.serial,
              days,
              path: running.appPath,
              socat: running.startedSocat ? fill(cliWords().dlms.socat, { pid: running.socatPid ?? '?' }) : '',
            }),
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.stop();
    });
}
