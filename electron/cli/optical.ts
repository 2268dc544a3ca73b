/**
 * Optical-port commands (IEC 62056-21): parse a captured readout, read a meter, list ports, and
 * run the meter simulator. Registered on the program by `registerOpticalCommands`. The serial
 * port (a native module) and the services behind it load in the actions that use them.
 */
import { meterPassword, terminalPrompt } from './meterPassword';
import { escapeControls } from './terminalText';
import { cliWords, fill } from './language';
import { atStopText, demandResetText, parsedText, portsText, readText, savedText, timeSyncText } from './opticalText';
import { readInputFile } from './inputFile';
import type { Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import { findMeterModel, isValidAddress, shippedMeterModels, parseCapture } from '../../shared/iec62056';
import { OpticalReadError } from '../services/serial/errors';
import type { ProgramOptions } from '../services/serial/programOperations';
import { meterProfiles } from '../services/serial/simulator/profiles';
import type { OpticalProgramResult } from '../../shared/contract/methods/optical';
import type { readAndSave } from './opticalSave';
import type { CliIo } from './program';
import { opticalHelp } from './help/opticalHelp';
import { sharedHelp, simulateGroup } from './help/sharedHelp';

interface JsonOption {
  json?: boolean;
}

const readFile = (file: string): Uint8Array => new Uint8Array(readInputFile(file));

interface ReadCliOptions extends JsonOption {
  port: string;
  address?: string;
  maxBaud: string;
  wakeUp?: boolean;
  save?: boolean;
  usagePoint?: string;
  db?: string;
  note?: string;
  confirmReason?: string;
}

interface ReadFailure {
  code: string;
  message: string;
  attempts?: number;
  diagnostic: unknown;
  /** The bytes received before the failure, printable. */
  log: string | null;
}

/** A failed read, whether from the probe directly or from the read at a stop (which carries the probe's code). */
function readFailure(error: unknown): ReadFailure | null {
  if (error instanceof OpticalReadError)
    return {
      code: error.code,
      message: error.message,
      attempts: error.attempts,
      diagnostic: error.diagnostic,
      log: error.diagnostic?.bytes ? error.diagnostic.log : null,
    };
  if (!(error instanceof AppError) || error.code !== 'OPTICAL_READ_FAILED') return null;
  const details = error.details as { code: string; diagnostic: string | null };
  return { code: details.code, message: error.message, diagnostic: details.diagnostic, log: details.diagnostic || null };
}

interface ProgramCliOptions extends JsonOption {
  port: string;
  usagePoint?: string;
  db?: string;
  password?: string;
  profile?: string;
  address?: string;
  maxBaud: string;
  confirmSerial?: boolean;
}

export function registerOpticalCommands(program: Command, io: CliIo): void {
  // What a meter sent is printed with its control characters escaped (terminalText.ts).
  const print = (options: JsonOption, value: unknown, text: () => string) =>
    io.out(options.json ? JSON.stringify(value, null, 2) : escapeControls(text()));
  registerProgramCommands(program, io, print);

  const readout = program.command('readout').description(opticalHelp('readout')).exitOverride();
  readout
    .command('parse')
    .argument('<file>', opticalHelp('capture'))
    .description(opticalHelp('readoutParse'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action((file: string, options: JsonOption) => {
      const report = parseCapture(readFile(file));
      const { identification, checksum, shortCrc, dataSets } = report;
      print(
        options,
        { identification, checksum, shortCrc, dataSets: dataSets.map(({ obis, values, readingType }) => ({ obis, values, readingType })) },
        () => parsedText(report),
      );
      if (dataSets.length === 0)
        throw new AppError(
          'VALIDATION',
          `Nothing could be read from ${file}${report.error ? `: ${escapeControls(report.error.message)}` : '.'}`,
          { reason: 'readoutEmpty' },
        );
      if (checksum === 'bad')
        throw new AppError('VALIDATION', `The checksum of ${file} is wrong: the values above may be damaged. Read the meter again.`, {
          reason: 'readoutChecksum',
        });
    });

  program
    .command('read')
    .description(opticalHelp('read'))
    .requiredOption('--port <path>', opticalHelp('port'))
    .option('--address <address>', opticalHelp('address'))
    .option('--max-baud <baud>', opticalHelp('maxBaudRange'), '19200')
    .option('--wake-up', opticalHelp('wakeUp'))
    .option('--save', opticalHelp('save'))
    .option('--usage-point <id>', opticalHelp('readUsagePoint'))
    .option('--db <path>', sharedHelp('dbWithSave'))
    .option('--note <text>', opticalHelp('note'))
    .option('--confirm-reason <text>', opticalHelp('confirmReason'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (options: ReadCliOptions) => {
      const maxBaud = Number(options.maxBaud);
      if (![300, 600, 1200, 2400, 4800, 9600, 19200].includes(maxBaud))
        throw new AppError('BAD_REQUEST', '--max-baud must be one of 300, 600, 1200, 2400, 4800, 9600, 19200', {
          reason: 'option',
          option: '--max-baud',
        });
      if (options.address !== undefined && !isValidAddress(options.address))
        throw new AppError('BAD_REQUEST', '--address may hold up to 32 letters, digits and spaces', {
          reason: 'option',
          option: '--address',
        });
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
      if (options.confirmReason !== undefined && options.confirmReason.trim().length < 3)
        throw new AppError('BAD_REQUEST', '--confirm-reason needs a reason of at least 3 characters', {
          reason: 'option',
          option: '--confirm-reason',
        });
      const controller = new AbortController();
      const cancel = () => controller.abort();
      process.once('SIGINT', cancel);
      try {
        if (options.save)
          return printSaved(
            options,
            await (
              await import('./opticalSave')
            ).readAndSave({ ...options, usagePoint: options.usagePoint!, maxBaud, signal: controller.signal }),
          );
        const { readMeter } = await import('../services/serial/reader');
        const result = await readMeter({
          path: options.port,
          address: options.address,
          maxBaud,
          wakeUp: options.wakeUp,
          signal: controller.signal,
        });
        print(options, result, () => readText(result));
      } catch (error) {
        const failure = readFailure(error);
        if (!failure) throw error;
        const { log, ...shown } = failure;
        if (options.json) io.out(JSON.stringify({ error: shown }, null, 2));
        else if (log) io.err(`${cliWords().optical.receivedBefore}\n${escapeControls(log)}`);
        throw new AppError(
          failure.code === 'PORT_NOT_FOUND' ? 'NOT_FOUND' : 'VALIDATION',
          `[${failure.code}] ${escapeControls(failure.message)}`,
          { reason: failure.code === 'PORT_NOT_FOUND' ? 'portNotFound' : 'probeFailed', probe: failure.code },
        );
      } finally {
        process.off('SIGINT', cancel);
      }
    });

  const printSaved = (options: JsonOption, { read, saved }: Awaited<ReturnType<typeof readAndSave>>) =>
    print(options, { read, saved }, () => savedText({ read, saved }));

  program
    .command('ports')
    .description(opticalHelp('ports'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (options: JsonOption) => {
      const { listPorts } = await import('../services/serial/ports');
      const list = await listPorts();
      print(options, list, () => portsText(list));
    });

  const simulate = simulateGroup(program);
  simulate
    .command('meter')
    .description(opticalHelp('simulateMeter'))
    .requiredOption('--profile <name>', fill(opticalHelp('simulatorProfile'), { profiles: meterProfiles.map((p) => p.name).join(', ') }))
    .requiredOption('--link <path>', opticalHelp('link'))
    .option('--pace', opticalHelp('pace'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (options: JsonOption & { profile: string; link: string; pace?: boolean }) => {
      const { profileOrThrow, runSimulator } = await import('../services/serial/simulator');
      let profile;
      try {
        profile = profileOrThrow(options.profile);
      } catch (error) {
        throw new AppError('BAD_REQUEST', (error as Error).message);
      }
      const running = await runSimulator(profile, options.link, { pace: options.pace });
      const info = {
        profile: profile.name,
        appPath: running.appPath,
        meterPath: running.meterPath,
        startedSocat: running.startedSocat,
        socatPid: running.socatPid,
      };
      print(options, info, () =>
        fill(cliWords().optical.simulated, {
          profile: profile.name,
          path: running.appPath,
          socat: running.startedSocat ? fill(cliWords().optical.socat, { pid: running.socatPid ?? '?' }) : '',
        }),
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.stop();
    });
}

type Print = (options: JsonOption, value: unknown, text: () => string) => void;

/** `program time-sync` and `program demand-reset` (IEC 62056-21 programming mode, §6.3.7–6.3.12). */
function registerProgramCommands(program: Command, io: CliIo, print: Print): void {
  const group = program.command('program').description(opticalHelp('program')).exitOverride();
  const common = (command: Command) =>
    command
      .requiredOption('--port <path>', opticalHelp('port'))
      .option('--password <password>', opticalHelp('password'))
      .option('--profile <model>', fill(opticalHelp('meterModel'), { models: shippedMeterModels.map((m) => m.name).join(', ') }))
      .option('--address <address>', opticalHelp('programAddress'))
      .option('--max-baud <baud>', opticalHelp('maxBaud'), '19200')
      .option('--usage-point <id>', opticalHelp('programUsagePoint'))
      .option('--db <path>', opticalHelp('programDb'))
      .option('--confirm-serial', opticalHelp('confirmSerial'))
      .option('--json', sharedHelp('json'))
      .exitOverride();

  const atStop = (options: ProgramCliOptions, r: OpticalProgramResult) => print(options, r, () => atStopText(options.usagePoint, r));

  const run = async <T>(options: ProgramCliOptions, work: (o: ProgramOptions) => Promise<T>): Promise<T> => {
    if (options.profile !== undefined && !findMeterModel(options.profile))
      throw new AppError(
        'BAD_REQUEST',
        `Unknown --profile "${options.profile}". Models: ${shippedMeterModels.map((m) => m.name).join(', ')}.`,
      );
    if (options.address !== undefined && !isValidAddress(options.address))
      throw new AppError('BAD_REQUEST', '--address may hold up to 32 letters, digits and spaces', {
        reason: 'option',
        option: '--address',
      });
    const maxBaud = Number(options.maxBaud);
    if (![300, 600, 1200, 2400, 4800, 9600, 19200].includes(maxBaud))
      throw new AppError('BAD_REQUEST', '--max-baud must be one of 300, 600, 1200, 2400, 4800, 9600, 19200', {
        reason: 'option',
        option: '--max-baud',
      });
    const password = await meterPassword({
      flag: options.password,
      env: process.env,
      prompt: terminalPrompt(cliWords().optical.passwordPrompt),
      warn: (text) => io.err(text),
    });
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once('SIGINT', cancel);
    try {
      return await work({
        path: options.port,
        password,
        modelName: options.profile,
        address: options.address,
        maxBaud,
        signal: controller.signal,
        ...(options.confirmSerial ? { serialConfirmed: true } : {}),
      });
    } catch (error) {
      if (!(error instanceof OpticalReadError)) throw error;
      if (options.json) io.out(JSON.stringify({ error: { code: error.code, message: error.message } }, null, 2));
      throw new AppError(error.code === 'PORT_NOT_FOUND' ? 'NOT_FOUND' : 'VALIDATION', `[${error.code}] ${escapeControls(error.message)}`, {
        reason: error.code === 'PORT_NOT_FOUND' ? 'portNotFound' : 'probeFailed',
        probe: error.code,
      });
    } finally {
      process.off('SIGINT', cancel);
    }
  };

  common(group.command('time-sync').description(opticalHelp('timeSync'))).action(async (options: ProgramCliOptions) => {
    if (options.usagePoint)
      return atStop(
        options,
        await run(options, async (o) =>
          (await import('./opticalSave')).programAtStop({ usagePoint: options.usagePoint!, db: options.db }, 'timeSync', o),
        ),
      );
    const { timeSync } = await import('../services/serial/programOperations');
    const r = await run(options, timeSync);
    print(options, r, () => timeSyncText(r));
  });

  common(group.command('demand-reset').description(opticalHelp('demandReset'))).action(async (options: ProgramCliOptions) => {
    if (options.usagePoint)
      return atStop(
        options,
        await run(options, async (o) =>
          (await import('./opticalSave')).programAtStop({ usagePoint: options.usagePoint!, db: options.db }, 'demandReset', o),
        ),
      );
    const { demandReset } = await import('../services/serial/programOperations');
    const r = await run(options, demandReset);
    print(options, r, () => demandResetText(r));
  });
}
