/**
 * The `fieldmeter` command line, for supervisors and scripts. Every command takes `--db PATH`
 * and `--json`; exit codes: 0 ok, 1 failed, 2 bad usage.
 *
 * Only what defines the commands is imported here; each action imports its services when it
 * runs, so `--help` or `pan check` never loads SQLite, the serial port or the XML stack (issue 21).
 */
import { closeSync, existsSync, openSync, readSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { CommanderError, Option, type Command } from 'commander';
import { stopStatuses } from '../../shared/contract/choices';
import type { StopStatus } from '../../shared/contract/entities';
import { AppError } from '../../shared/contract/appError';
import { leastRoleFor, rights, type Right } from '../../shared/contract/rights';
import { toAppError } from '../services/errors';
import { sayError } from '../../shared/i18n/errorKey';
import { sayImportProblem } from '../../shared/i18n/importWords';
import { refusedMessageSpecifics } from '../../shared/i18n/inboundRefusalKey';
import { profileIssueLines } from '../../shared/i18n/zodIssueWords';
import { resolveDatabasePath, trainingDataDir } from '../services/paths';
import type { Store } from '../services/store';
import { registerOpticalCommands } from './optical';
import { registerMessagesCommands } from './messages';
import { importMessageFile, registerImportMessageCommand } from './importMessage';
import { registerPanCommands } from './pan';
import { registerProfileCommands } from './profiles';
import { cliActor, cliActorFor, useCliUser } from './signIn';
import { registerSyncCommands } from './sync';
import { registerSupervisorCommands } from './supervisor';
import { registerAuditCommands } from './audit';
import { registerReceiptCommands } from './receipt';
import { registerMbusCommands } from './mbus';
import { registerMbusListenCommands } from './mbusListen';
import { registerMbusWiredCommands } from './mbusWired';
import { registerDlmsCommands } from './dlms';
import { registerProbeCommands } from './probe';
import { registerKeysCommands } from './keys';
import { readInputText } from './inputFile';
import { cliErrorWords, cliWords, fill } from './language';
import { cliHint } from './hints';
import { FieldmeterCommand } from './help/fieldmeterCommand';
import { programHelp } from './help/programHelp';
import { sharedHelp } from './help/sharedHelp';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

interface CommonOptions {
  db?: string;
  json?: boolean;
}

interface ImportRouteOptions extends CommonOptions {
  acceptValidRows?: boolean;
}

/** Bad usage that commander cannot see (a value out of range): said as the option's words, exit 2. */
class UsageError extends AppError<'BAD_REQUEST'> {
  constructor(option: string, message: string) {
    super('BAD_REQUEST', message, { reason: 'option', option });
  }
}

/** True when the file's first character (after a byte-order mark and white space) is `<`. */
function looksLikeXml(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false; // the route import names the file it cannot read
  }
  try {
    const head = Buffer.alloc(512);
    const text = head
      .subarray(0, readSync(fd, head))
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return text.trimStart().startsWith('<');
  } finally {
    closeSync(fd);
  }
}

async function withStore<T>(options: CommonOptions, fn: (store: Store) => T): Promise<T> {
  const { openStore } = await import('../services/store');
  const store = openStore(resolveDatabasePath(options.db));
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

export function buildProgram(io: CliIo): Command {
  const print = (options: CommonOptions, value: unknown, text: () => string) =>
    io.out(options.json ? JSON.stringify(value, null, 2) : text());
  const common = (command: Command) => command.addOption(new Option('--db <path>', sharedHelp('db'))).option('--json', sharedHelp('json'));

  const program = FieldmeterCommand.program('fieldmeter')
    .description(programHelp('program'))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError()
    .option('--verbose', programHelp('verbose'))
    .option('--user <name>', programHelp('user'))
    .hook('preAction', (command) => useCliUser(command.opts<{ user?: string }>().user));

  const db = program.command('db').description(programHelp('db')).exitOverride();
  common(db.command('migrate').description(programHelp('dbMigrate')))
    .exitOverride()
    .action((options: CommonOptions) =>
      withStore(options, (store) =>
        print(options, { path: store.path, schemaVersion: store.schemaVersion, backupPath: store.backupPath }, () =>
          [
            fill(cliWords().database.migrated, { path: store.path, version: store.schemaVersion }),
            ...(store.backupPath ? [fill(cliWords().database.backup, { path: store.backupPath })] : []),
          ].join(' '),
        ),
      ),
    );

  const demo = program.command('demo').description(programHelp('demo')).exitOverride();
  common(demo.command('seed').description(programHelp('demoSeed')))
    .option('--worked', programHelp('demoWorked'))
    .exitOverride()
    .action(async (options: CommonOptions & { worked?: boolean }) => {
      const [{ openStore }, { loadDemoRoute, seedDemoProfiles, TRAINING_SETUP }, { seedWorkedDay, workedDayPhotoDir }] = await Promise.all([
        import('../services/store'),
        import('../services/actor'),
        import('../services/demo/workedDay'),
      ]);
      const store = openStore(resolveDatabasePath(options.db, process.env, undefined, { training: true }));
      try {
        // Training profiles only in a database without any: a real device never gets a published PIN.
        const profiles = await seedDemoProfiles(store);
        const summary = loadDemoRoute(store, profiles.length ? TRAINING_SETUP : await cliActor(store, 'record', 'load the demo route'));
        const worked = options.worked ? seedWorkedDay(store, workedDayPhotoDir(store.path)) : undefined;
        const shown = { ...summary, ...(worked ? { worked } : {}), profiles: profiles.map((p) => ({ ...p })) };
        const said = cliWords().demo;
        print(options, shown, () =>
          [
            fill(said.loaded, { routes: summary.routes.join(', '), meters: summary.usagePoints, registers: summary.registers }),
            ...(worked ? [fill(said.worked, { ...worked })] : []),
            ...profiles.map((p) => fill(said.profile, { ...p })),
            fill(said.database, { path: store.path }),
          ].join('\n'),
        );
      } finally {
        store.close();
      }
    });
  demo
    .command('reset')
    .description(programHelp('demoReset'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action((options: { json?: boolean }) => {
      const folder = trainingDataDir();
      const existed = existsSync(folder);
      rmSync(folder, { recursive: true, force: true });
      print(options, { folder, removed: existed }, () =>
        fill(existed ? cliWords().demo.removed : cliWords().demo.nothingToRemove, { folder }),
      );
    });

  const importRouteFile = async (file: string, options: ImportRouteOptions) => {
    const [{ importRoute }, { meterKeysOf }, { envEncryptor }] = await Promise.all([
      import('../services/routes/importRoute'),
      import('../services/meterKeys'),
      import('../services/meterKeys/encryptors'),
    ]);
    const content = readInputText(file);
    const actor = await cliActorFor(resolveDatabasePath(options.db), 'record', 'import a route');
    await withStore(options, (store) => {
      // Key columns are sealed under $FIELDMETER_KEY_SECRET, as `keys import` does; a supervisor's import only.
      const meterKeys = meterKeysOf(store, { encryptor: envEncryptor() });
      const summary = importRoute(store, actor, {
        fileName: basename(file),
        content,
        acceptValidRows: options.acceptValidRows ?? false,
        meterKeys,
      });
      print(options, summary, () =>
        [
          fill(cliWords().importRoute.imported, {
            meters: summary.usagePoints,
            registers: summary.registers,
            routes: summary.routes.join(', '),
          }),
          ...(summary.meterKeys ? [fill(cliWords().importRoute.keptKeys, { count: summary.meterKeys })] : []),
          ...summary.skippedRows.map((p) =>
            fill(cliWords().importRoute.skipped, { line: p.line, words: sayImportProblem(cliErrorWords(), p) }),
          ),
        ].join('\n'),
      );
    });
  };

  const importCommand = program.command('import').description(programHelp('import')).exitOverride();
  common(importCommand.command('route').argument('<file>', programHelp('routeFile')))
    .description(programHelp('importRoute'))
    .option('--accept-valid-rows', programHelp('acceptValidRows'))
    .exitOverride()
    .action((file: string, options: ImportRouteOptions) => importRouteFile(file, options));

  registerImportMessageCommand(importCommand, io);
  // `fieldmeter import FILE`: an XML file is an inbound message, anything else a route CSV.
  common(importCommand.command('file', { isDefault: true, hidden: true }).argument('<file>', programHelp('importFile')))
    .option('--accept-valid-rows', programHelp('importFileAcceptValidRows'))
    .exitOverride()
    .action((file: string, options: ImportRouteOptions) =>
      looksLikeXml(file) ? importMessageFile(file, options, io) : importRouteFile(file, options),
    );

  const readings = program.command('readings').description(programHelp('readings')).exitOverride();
  common(readings.command('list').description(programHelp('readingsList')))
    .option('--route <id>', programHelp('route'))
    .addOption(new Option('--status <status>', programHelp('status')).choices([...stopStatuses]))
    .exitOverride()
    .action((options: CommonOptions & { route?: string; status?: StopStatus }) =>
      withStore(options, (store) => {
        const items = store.worklist.list({ route: options.route, status: options.status });
        print(options, items, () =>
          items.length === 0
            ? cliWords().readings.nothingToList
            : items
                .map(
                  (i) =>
                    `${i.route}  ${String(i.sequence).padStart(5)}  ${i.usagePoint}  ${i.meter}  ${i.register}  ${i.status}${i.value === null ? '' : `  ${i.value}  ${i.timestamp}`}`,
                )
                .join('\n'),
        );
      }),
    );
  common(readings.command('history').description(programHelp('readingsHistory')))
    .option('--usage-point <id>', programHelp('usagePoint'))
    .option('--limit <n>', programHelp('limit'), '100')
    .exitOverride()
    .action((options: CommonOptions & { usagePoint?: string; limit: string }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
        throw new UsageError('--limit', '--limit must be a whole number from 1 to 100000');
      return withStore(options, (store) => {
        const list = store.readings.list({ usagePointId: options.usagePoint, limit });
        print(options, list, () =>
          list.length === 0
            ? cliWords().readings.none
            : list.map((r) => `${r.readAt}  ${r.usagePointId}  ${r.meterSerial}  ${r.readingType}  ${r.value}  ${r.source}`).join('\n'),
        );
      });
    });

  registerMessagesCommands(program, io);
  registerOpticalCommands(program, io);
  registerSyncCommands(program, io);
  registerSupervisorCommands(program, io);
  registerProfileCommands(program, io);
  registerAuditCommands(program, io);
  registerReceiptCommands(program, io);
  registerPanCommands(program, io);
  registerMbusCommands(program, io);
  registerMbusListenCommands(program, io);
  registerMbusWiredCommands(program, io);
  registerDlmsCommands(program, io);
  registerProbeCommands(program, io);
  registerKeysCommands(program, io);
  return program;
}

/**
 * What the operator reads under the words: for a stopped sync run the peer's own words, marked as
 * theirs; with --verbose also the developer message (English, for support). The words themselves
 * come from the code and details only (issue 16 §3).
 */
function specifics(error: AppError, verbose: boolean): string[] {
  const details = error.details as
    | { reason?: string; stop?: { peerText?: string }; refusal?: { code: string; line?: number }; rejectedCopy?: unknown; issues?: unknown }
    | undefined;
  const peerText = details?.reason === 'syncStopped' ? details.stop?.peerText : undefined;
  // A refused message: its code and line, and where its masked copy is, in the operator's words.
  const refused =
    details?.reason === 'message' && details.refusal
      ? refusedMessageSpecifics(cliErrorWords(), { ...details, refusal: details.refusal }).map((line) => `  ${line}`)
      : [];
  // A profile file or a correction the schema refuses: each finding in words, its place in the document beside it.
  const profileIssues =
    details?.reason === 'profileInvalid' || details?.reason === 'correctionIncomplete'
      ? profileIssueLines(cliErrorWords(), details).map((line) => `  ${line}`)
      : [];
  return [
    ...(peerText ? [fill(cliWords().sync.peerSaid, { text: peerText })] : []),
    ...refused,
    ...profileIssues,
    ...(verbose && details?.reason !== 'syncStopped' ? [`  ${error.message}`] : []),
  ];
}

/** The least role holding a right, in the CLI's words (FORBIDDEN: who may do this). */
function roleWords(lines: ReturnType<typeof cliWords>, right: string): string {
  const role = rights.includes(right as Right) ? leastRoleFor(right as Right) : null;
  return role ? lines.role[role] : right;
}

/** `--verbose` anywhere before `--`, as commander reads a program option after the subcommand too. */
const wantsVerbose = (argv: readonly string[]) => {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--verbose');
};

/** Runs the CLI and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0) return EXIT_OK;
      return EXIT_USAGE;
    }
    const appError = error instanceof AppError ? error : toAppError(error);
    const problems =
      (appError.details as { problems?: { line: number; code?: string; column?: string; reason?: string }[] } | undefined)?.problems ?? [];
    // The words from the code and details, in the CLI's language; the developer message only with --verbose.
    const words = cliErrorWords();
    const lines = cliWords();
    io.err(
      [
        fill(lines.error, { words: sayError(words, appError, (right) => roleWords(lines, right)) }),
        ...[cliHint(lines.hint, appError)].filter((hint) => hint !== undefined),
        ...specifics(appError, wantsVerbose(argv)),
        ...problems.map((p) =>
          fill(lines.problemLine, {
            line: p.line,
            words: p.code ? sayImportProblem(words, { ...p, code: p.code }) : (p.reason ?? p.column ?? ''),
          }),
        ),
      ].join('\n'),
    );
    return error instanceof UsageError ? EXIT_USAGE : EXIT_FAILED;
  }
}
