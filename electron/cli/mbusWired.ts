/**
 * Wired M-Bus from the command line (issue 23 §3, §7), over a level converter or an optical M-Bus
 * head, 8E1 (EN 13757-2):
 *
 *   fieldmeter mbus scan --port PATH [--from 0 --to 250] [--secondary MASK] [--json]
 *   fieldmeter mbus read --port PATH (--address N | --secondary ID) [--reset [SUBCODE]] [--save [--route R] [--db PATH]] [--json]
 *   fieldmeter simulate mbus-meters --port PATH   (three published meters on a PTY, for training and tests)
 *
 * The serial port and the decoder load when a command runs (test/unit/cliBuild.test.ts).
 */
import type { Command } from 'commander';
import type { WiredMaster } from '../../shared/mbus/wiredMaster';
import { AppError } from '../../shared/contract/appError';
import { cliWords, fill } from './language';
import type { CliIo } from './program';
import type { WiredSaver } from './mbusWiredSave';
import { escapeControls } from './terminalText';
import { mbusWiredHelp } from './help/mbusWiredHelp';
import { sharedHelp, simulateGroup } from './help/sharedHelp';

interface WiredCliOptions {
  port: string;
  baud: string;
  timeoutMs?: string;
  json?: boolean;
}

const whole = (text: string | undefined, option: string, min: number, max: number): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AppError('BAD_REQUEST', `${option} must be a whole number from ${min} to ${max}`, { reason: 'option', option });
  return n;
};

async function withMaster<T>(options: WiredCliOptions, fn: (master: WiredMaster) => Promise<T>): Promise<T> {
  const { openWiredMaster } = await import('../services/mbus/wiredOnPort');
  const opened = await openWiredMaster(options.port, {
    baud: whole(options.baud, '--baud', 300, 38_400),
    timeoutMs: options.timeoutMs === undefined ? undefined : whole(options.timeoutMs, '--timeout-ms', 10, 60_000),
  }).catch((error: Error) => {
    throw new AppError('NOT_FOUND', `Cannot open ${options.port}: ${error.message}`, { reason: 'receiverUnavailable' });
  });
  try {
    return await fn(opened.master);
  } finally {
    await opened.close();
  }
}

/** An application reset subcode (EN 13757-3), decimal or 0x hex, 0–255. */
function subcodeOf(text: string | boolean): number {
  const n = typeof text === 'string' ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 0 || n > 255)
    throw new AppError('BAD_REQUEST', '--reset takes a subcode from 0 to 255 (e.g. 0x10 user data)', {
      reason: 'option',
      option: '--reset',
    });
  return n;
}

const portOptions = (command: Command) =>
  command
    .requiredOption('--port <path>', mbusWiredHelp('port'))
    .option('--baud <n>', mbusWiredHelp('baud'), '2400')
    .option('--timeout-ms <n>', mbusWiredHelp('timeoutMs'))
    .option('--json', sharedHelp('json'))
    .exitOverride();

interface ReadCliOptions extends WiredCliOptions {
  address?: string;
  /** --reset alone (true) or with a subcode. */
  reset?: boolean | string;
  secondary?: string;
  save?: boolean;
  route?: string;
  db?: string;
}

/** Reads the meter, saves its values when asked, and prints its telegrams (and what was saved). */
async function readAndTell(options: ReadCliOptions, io: CliIo, address: number | null, mask: string | null, saver: WiredSaver | null) {
  const [{ decodeTelegram }, { telegramSummary, telegramTable }] = await Promise.all([import('../../shared/mbus'), import('./mbusText')]);
  const read = options.reset === undefined ? {} : { applicationReset: options.reset === true ? null : subcodeOf(options.reset) };
  const frames = await withMaster(options, async (m) => {
    if (address !== null) return m.read(address, read);
    // A wildcard would select several meters: find the one first, then read it.
    const [only, ...more] = mask!.includes('F') ? await m.search(mask!) : [mask!];
    if (!only || more.length > 0) return [];
    return m.readSecondary(only, read);
  });
  if (frames.length === 0)
    throw new AppError('NOT_FOUND', `No meter answered at ${address ?? options.secondary} on ${options.port}.`, {
      reason: 'wired.noAnswer',
    });
  const telegrams = frames.map((f) => telegramSummary(decodeTelegram(f)));
  const saved = saver?.save(frames) ?? null;
  io.out(
    options.json
      ? JSON.stringify({ address, secondary: mask, telegrams, saved }, null, 2)
      : escapeControls(
          [
            ...telegrams.map((t) => telegramTable(t)),
            ...(saved
              ? [
                  fill(cliWords().mbus.saved, {
                    serial: saved.meterSerial,
                    usagePoint: saved.usagePointId,
                    values: saved.values.map((v) => v.value).join(', '),
                  }),
                ]
              : []),
          ].join('\n'),
        ),
  );
}

export function registerMbusWiredCommands(program: Command, io: CliIo): void {
  const mbus = program.commands.find((c) => c.name() === 'mbus');
  if (!mbus) return;

  portOptions(mbus.command('scan').description(mbusWiredHelp('scan')))
    .option('--from <n>', mbusWiredHelp('scanFrom'), '0')
    .option('--to <n>', mbusWiredHelp('scanTo'), '250')
    .option('--secondary <mask>', mbusWiredHelp('scanSecondary'))
    .action(async (options: WiredCliOptions & { from: string; to: string; secondary?: string }) => {
      const { secondaryMask } = await import('../../shared/mbus');
      if (options.secondary !== undefined) {
        const mask = secondaryMask(options.secondary);
        if (!mask)
          throw new AppError('BAD_REQUEST', '--secondary must be up to 8 id digits (F = any) or 16 characters', {
            reason: 'option',
            option: '--secondary',
          });
        const found = await withMaster(options, (m) =>
          m.search(mask, (a) => options.json || io.err(fill(cliWords().mbus.foundOne, { address: a }))),
        );
        io.out(
          options.json
            ? JSON.stringify({ mask, secondary: found }, null, 2)
            : fill(cliWords().mbus.foundSecondary, { count: found.length, found: found.join(', ') || cliWords().mbus.none }),
        );
        return;
      }
      const from = whole(options.from, '--from', 0, 250);
      const to = whole(options.to, '--to', from, 250);
      const collisions: number[] = [];
      const found = await withMaster(options, (m) =>
        m.scan(from, to, (address, result) => {
          if (result === 'collision') collisions.push(address);
          if (!options.json && address % 10 === 0) io.err(fill(cliWords().mbus.scanning, { address, to }));
        }),
      );
      io.out(
        options.json
          ? JSON.stringify({ from, to, primary: found, collisions }, null, 2)
          : fill(cliWords().mbus.foundPrimary, {
              count: found.length,
              found: found.join(', ') || cliWords().mbus.none,
              garbled: collisions.length ? fill(cliWords().mbus.garbled, { addresses: collisions.join(', ') }) : '',
            }),
      );
    });

  portOptions(mbus.command('read').description(mbusWiredHelp('read')))
    .option('--address <n>', mbusWiredHelp('readAddress'))
    .option('--secondary <id>', mbusWiredHelp('readSecondary'))
    .option('--reset [subcode]', mbusWiredHelp('readReset'))
    .option('--save', mbusWiredHelp('readSave'))
    .option('--route <id>', mbusWiredHelp('readRoute'))
    .option('--db <path>', sharedHelp('db'))
    .action(async (options: ReadCliOptions) => {
      const { secondaryMask } = await import('../../shared/mbus');
      if ((options.address === undefined) === (options.secondary === undefined))
        throw new AppError('BAD_REQUEST', 'Give either --address or --secondary', { reason: 'option', option: '--address' });
      const mask = options.secondary === undefined ? null : secondaryMask(options.secondary);
      if (options.secondary !== undefined && !mask)
        throw new AppError('BAD_REQUEST', '--secondary must be 8 id digits or 16 characters', { reason: 'option', option: '--secondary' });
      const address = mask === null ? whole(options.address, '--address', 0, 250) : null;
      if (options.route !== undefined && !options.save)
        throw new AppError('BAD_REQUEST', '--route is for --save', { reason: 'option', option: '--route' });
      const saver = options.save ? await (await import('./mbusWiredSave')).openWiredSaver(options) : null;
      try {
        await readAndTell(options, io, address, mask, saver);
      } finally {
        saver?.close();
      }
    });

  const simulate = simulateGroup(program);
  simulate
    .command('mbus-meters')
    .description(mbusWiredHelp('meters'))
    .requiredOption('--port <path>', mbusWiredHelp('metersPort'))
    .exitOverride()
    .action(async (options: { port: string }) => {
      const [{ runWiredSimulator }, { trainingWiredMeters }] = await Promise.all([
        import('../services/mbus/wiredOnPort'),
        import('../services/mbus/trainingWired'),
      ]);
      const running = await runWiredSimulator(options.port, trainingWiredMeters);
      io.err(fill(cliWords().mbus.simulatedWired, { count: trainingWiredMeters.length, port: options.port }));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await running.stop();
    });
}
