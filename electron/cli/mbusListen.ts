/**
 * `fieldmeter mbus listen` and `fieldmeter simulate wmbus-receiver` (issue 23 §7, §6).
 *
 * listen: opens the USB receiver on --port, decodes what it hears for --seconds (or until every
 * radio meter of --route was heard) and prints heard / not heard / not on the route. Keys come
 * from the database (sealed, opened with $FIELDMETER_KEY_SECRET) or a --key-file; a key is used,
 * never printed. --save saves each heard meter's reading through the reading checks (signed in).
 * Modules are loaded when a command runs (the CLI's start cost, test/unit/cliBuild.test.ts).
 */
import type { Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import { cliWords, fill } from './language';
import { listenText } from './mbusText';
import type { CliIo } from './program';
import { mbusHelp } from './help/mbusHelp';
import { mbusSimulateHelp } from './help/mbusSimulateHelp';
import { sharedHelp, simulateGroup } from './help/sharedHelp';

interface ListenCliOptions {
  port: string;
  receiver: string;
  mode: string;
  seconds: string;
  route?: string;
  db?: string;
  keyFile?: string;
  save?: boolean;
  json?: boolean;
}

const receivers = ['im871a', 'amber', 'rtlwmbus'] as const;
type Receiver = (typeof receivers)[number];
const modes = ['T1', 'C1', 'C1B', 'S1'] as const;
const modeOf = (name: string): (typeof modes)[number] => {
  const mode = modes.find((m) => m === name.toUpperCase());
  if (!mode) throw new AppError('BAD_REQUEST', `--mode must be one of ${modes.join(', ')}`, { reason: 'option', option: '--mode' });
  return mode;
};
const receiverOf = (name: string): Receiver => {
  if (!(receivers as readonly string[]).includes(name))
    throw new AppError('BAD_REQUEST', `--receiver must be one of ${receivers.join(', ')}`, { reason: 'option', option: '--receiver' });
  return name as Receiver;
};

async function listen(options: ListenCliOptions, io: CliIo): Promise<void> {
  const receiver = receiverOf(options.receiver);
  const mode = modeOf(options.mode);
  const seconds = Number(options.seconds);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400)
    throw new AppError('BAD_REQUEST', '--seconds must be a number of seconds up to a day', { reason: 'option', option: '--seconds' });
  if (options.save && !options.route) throw new AppError('BAD_REQUEST', "--save needs --route: readings are saved to the route's stops");
  const [{ createListenSession }, { openReceiver }, { nodeAes }, { readFileSync }, { readKeyFile }, { defaultValidationSettings }] =
    await Promise.all([
      import('../services/mbus/listen'),
      import('../services/mbus/receiverOnPort'),
      import('../services/mbus/nodeAes'),
      import('node:fs'),
      import('../services/meterKeys/keyFile'),
      import('../../shared/domain/readingValidation'),
    ]);
  const keys = new Map<string, Uint8Array>();
  if (options.keyFile) {
    const file = readKeyFile(readFileSync(options.keyFile, 'utf8'));
    if (file.problems.length)
      throw new AppError(
        'IMPORT_REJECTED',
        `The key file has ${file.problems.length} bad row(s), first on line ${file.problems[0]?.line}.`,
        { reason: 'meterKeys.badFile', problems: file.problems },
      );
    for (const row of file.rows) if (row.kind === 'mbus') keys.set(`${row.manufacturer}${row.meterId}`, row.key);
  }
  const db = options.route !== undefined || options.db !== undefined ? await routeParts(options) : undefined;
  try {
    for (const [meter, key] of db?.keys ?? []) if (!keys.has(meter)) keys.set(meter, key);
    const stops = db?.stops ?? [];
    const store = db?.store;
    const actor = db?.actor ?? { name: 'command line', role: 'technician' as const };
    const session = createListenSession({
      store: store ?? (undefined as never), // only saving touches the store, and saving needs --route
      actor: () => actor,
      receiver,
      stops,
      keys,
      aes: nodeAes,
      autoSave: options.save === true,
      settings: db?.settings ?? defaultValidationSettings,
      photoDir: '',
    });
    const link = await openReceiver(options.port, receiver, mode).catch((error: Error) => {
      throw new AppError('NOT_FOUND', `Cannot open the receiver on ${options.port}: ${error.message}`, { reason: 'receiverUnavailable' });
    });
    // The receiver going away (a stick pulled, rtl-wmbus stopped) ends listening with a coded error, after the
    // report: what was heard and saved so far stays. Standard input ending is rtl-wmbus's lines read to the end.
    let unplugged = false;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(finish, seconds * 1000);
      const stopData = link.onData((bytes) => {
        session.feed(bytes);
        // With a route, listening ends once every radio meter was heard with values.
        if (stops.length > 0 && session.heard().filter((h) => h.values.length > 0).length === stops.length) finish();
      });
      const stopClose = link.onClose((unexpected) => {
        if (!unexpected) return;
        unplugged = options.port !== '-';
        finish();
      });
      process.once('SIGINT', finish);
      function finish() {
        clearTimeout(timer);
        stopData();
        stopClose();
        process.off('SIGINT', finish);
        resolve();
      }
    });
    await link.close();
    session.flush(); // the meters still waiting for their batch are saved before the report
    const heard = session.heard();
    const heardIds = new Set(heard.map((h) => h.usagePointId));
    const report = {
      receiver,
      port: options.port,
      route: options.route ?? null,
      stoppedBecause: unplugged ? ('unplugged' as const) : null,
      counts: session.counts(),
      heard: heard.map((h) => ({ ...h, meterSerial: stops.find((s) => s.usagePointId === h.usagePointId)?.meterSerial ?? null })),
      notHeard: stops
        .filter((s) => !heardIds.has(s.usagePointId))
        .map((s) => ({ usagePointId: s.usagePointId, meterSerial: s.meterSerial, address: s.address })),
      others: session.others(),
    };
    if (options.json) io.out(JSON.stringify(report, null, 2));
    else io.out(listenText(report));
    if (unplugged)
      throw new AppError('VALIDATION', `The receiver on ${options.port} went away while listening.`, { reason: 'listen.unplugged' });
    // A script must tell a walk-by that saved nothing from one that saved everything: exit 1 with the meters.
    // Heard but not saved: a save refused or failed, or a telegram that gave no values (no key, a wrong key).
    const notSaved = options.save
      ? report.heard.filter((h) => !h.readingSetId && (h.saveProblem !== null || (h.reason !== null && h.values.length === 0)))
      : [];
    if (notSaved.length > 0)
      throw new AppError('VALIDATION', `${notSaved.length} meter(s) heard were not saved.`, {
        reason: 'listen.notSaved',
        meters: notSaved.map((h) => h.meterSerial ?? h.usagePointId),
      });
  } finally {
    db?.store.close();
  }
}

/** The database's part: the route's radio meters, the sealed keys opened, and who saves. */
async function routeParts(options: ListenCliOptions) {
  const [
    { openStore },
    { resolveDatabasePath },
    { meterKeysOf },
    { envEncryptor },
    { validationSettings },
    { cliActor },
    { radioStopsOf },
  ] = await Promise.all([
    import('../services/store'),
    import('../services/paths'),
    import('../services/meterKeys'),
    import('../services/meterKeys/encryptors'),
    import('../services/readings/validationSettings'),
    import('./signIn'),
    import('../services/mbus/radioRoute'),
  ]);
  const store = openStore(resolveDatabasePath(options.db));
  try {
    const stops = options.route ? radioStopsOf(store, options.route) : [];
    if (options.route && stops.length === 0)
      throw new AppError('NOT_FOUND', `Route ${options.route} has no radio meters (meter numbers like KAM44556677) on this device.`, {
        reason: 'noRadioMeters',
      });
    const actor = options.save ? await cliActor(store, 'record', 'save radio readings') : undefined;
    return {
      store,
      stops,
      actor,
      keys: meterKeysOf(store, { encryptor: envEncryptor() }).radioKeys(),
      settings: validationSettings(store),
    };
  } catch (error) {
    store.close();
    throw error;
  }
}

/** A route's radio meters for the simulator: from a route CSV or the database, keys from a key file or the sealed store. */
async function routeMeters(options: { route: string; db?: string; routeCsv?: string; keyFile?: string }) {
  const [{ readFileSync }, { readKeyFile }, { radioMetersOfCsv, radioMetersOfRoute }] = await Promise.all([
    import('node:fs'),
    import('../services/meterKeys/keyFile'),
    import('../services/mbus/routeRadioMeters'),
  ]);
  const keys = new Map<string, Uint8Array>();
  if (options.keyFile)
    for (const row of readKeyFile(readFileSync(options.keyFile, 'utf8')).rows)
      if (row.kind === 'mbus') keys.set(`${row.manufacturer}${row.meterId}`, row.key);
  if (options.routeCsv) return radioMetersOfCsv(readFileSync(options.routeCsv, 'utf8'), options.route, keys);
  const [{ openStore }, { resolveDatabasePath }, { meterKeysOf }, { envEncryptor }] = await Promise.all([
    import('../services/store'),
    import('../services/paths'),
    import('../services/meterKeys'),
    import('../services/meterKeys/encryptors'),
  ]);
  const store = openStore(resolveDatabasePath(options.db));
  try {
    if (!options.keyFile && process.env.FIELDMETER_KEY_SECRET)
      for (const [meter, key] of meterKeysOf(store, { encryptor: envEncryptor() }).radioKeys()) keys.set(meter, key);
    return radioMetersOfRoute(store, options.route, keys);
  } finally {
    store.close();
  }
}

export function registerMbusListenCommands(program: Command, io: CliIo): void {
  const mbus = program.commands.find((c) => c.name() === 'mbus');
  mbus
    ?.command('listen')
    .description(mbusHelp('listen'))
    .requiredOption('--port <path>', mbusHelp('listenPort'))
    .requiredOption('--receiver <kind>', fill(mbusHelp('listenReceiver'), { receivers: receivers.join(', ') }))
    .option('--mode <mode>', fill(mbusHelp('listenMode'), { modes: modes.join(', ') }), 'T1')
    .option('--seconds <n>', mbusHelp('listenSeconds'), '30')
    .option('--route <id>', mbusHelp('listenRoute'))
    .option('--db <path>', sharedHelp('db'))
    .option('--key-file <path>', mbusHelp('listenKeyFile'))
    .option('--save', mbusHelp('listenSave'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action((options: ListenCliOptions) => listen(options, io));

  const simulate = simulateGroup(program);
  simulate
    .command('wmbus-receiver')
    .description(mbusSimulateHelp('receiver'))
    .option('--link <path>', mbusSimulateHelp('link'))
    .option('--port <path>', mbusSimulateHelp('port'))
    .option('--route <id>', mbusSimulateHelp('route'))
    .option('--db <path>', mbusSimulateHelp('db'))
    .option('--route-csv <file>', mbusSimulateHelp('routeCsv'))
    .option('--key-file <path>', mbusSimulateHelp('keyFile'))
    .option('--receiver <kind>', fill(mbusSimulateHelp('receiverKind'), { receivers: receivers.join(', ') }), 'im871a')
    .option('--seed <n>', mbusSimulateHelp('seed'), '1')
    .option('--interval <ms>', mbusSimulateHelp('interval'), '8000')
    .option('--loss <share>', mbusSimulateHelp('loss'), '0.1')
    .option('--burst', mbusSimulateHelp('burst'))
    .option('--meter-mode <mode>', fill(mbusSimulateHelp('meterMode'), { modes: modes.join(', ') }), 'T1')
    .option('--key-file-out <path>', mbusSimulateHelp('keyFileOut'))
    .exitOverride()
    .action(
      async (options: {
        link?: string;
        port?: string;
        route?: string;
        db?: string;
        routeCsv?: string;
        keyFile?: string;
        receiver: string;
        seed: string;
        interval: string;
        loss: string;
        burst?: boolean;
        meterMode: string;
        keyFileOut?: string;
      }) => {
        const receiver = receiverOf(options.receiver);
        const meterMode = modeOf(options.meterMode);
        const link = options.link ?? options.port;
        if (!link)
          throw new AppError('BAD_REQUEST', 'Give --link (the PTY the simulator writes to)', { reason: 'option', option: '--link' });
        if (!options.route && (options.db || options.routeCsv || options.keyFile))
          throw new AppError('BAD_REQUEST', '--db, --route-csv and --key-file are for --route', { reason: 'option', option: '--route' });
        const [{ runReceiverSimulator }, { trainingRadioMeters, trainingKeyFile }, { writeFileSync }] = await Promise.all([
          import('../services/mbus/receiverOnPort'),
          import('../services/mbus/trainingRadio'),
          import('node:fs'),
        ]);
        if (options.keyFileOut) writeFileSync(options.keyFileOut, trainingKeyFile());
        const meters = options.route ? await routeMeters({ ...options, route: options.route }) : trainingRadioMeters;
        if (meters.length === 0)
          throw new AppError('NOT_FOUND', `Route ${options.route} has no radio meters (meter numbers like KAM44556677).`, {
            reason: 'noRadioMeters',
          });
        const running = await runReceiverSimulator(link, meters, {
          receiver,
          seed: Number(options.seed) || 1,
          intervalMs: Math.max(100, Number(options.interval) || 8000),
          lossRate: Math.min(0.9, Math.max(0, Number(options.loss) || 0)),
          burst: options.burst === true,
          meterMode,
        });
        io.err(fill(cliWords().mbus.simulated, { receiver, count: meters.length, link }));
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await running.stop();
      },
    );
}
