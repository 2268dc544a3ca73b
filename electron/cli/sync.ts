/**
 * `fieldmeter sync` (send the outbox to the enterprise, issue 7) and `fieldmeter simulate
 * enterprise` (the enterprise simulator of DESIGN.md §6). Credentials come from the environment
 * only (FIELDMETER_SYNC_USER / PASSWORD / TOKEN / KEY_PASSPHRASE); certificate paths from options
 * or FIELDMETER_SYNC_CA / CERT / KEY.
 */
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { sharedHelp, simulateGroup } from './help/sharedHelp';
import { syncHelp } from './help/syncHelp';
import { AppError } from '../../shared/contract/appError';
import { resolveDatabasePath } from '../services/paths';
import type { SyncNowOptions } from '../services/sync';
import { FAULT_KINDS, isFaultKind } from '../services/sync/simulator/faults';
import type { SoapVersion } from '../services/sync/soap';
import type { CliIo } from './program';
import { cliActor } from './signIn';
import { cliWords, fill } from './language';

interface SyncCliOptions {
  db?: string;
  endpoint?: string;
  soap?: SoapVersion;
  profileFile?: string;
  ca?: string;
  cert?: string;
  key?: string;
  insecure?: boolean;
  batchSize: string;
  concurrency: string;
  timeout: string;
  attempts: string;
  retryDelay: string;
  source: string;
  xsdDir?: string;
  dryRun?: boolean;
  out?: string;
  force?: boolean;
  json?: boolean;
}

function wholeNumber(value: string, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new AppError('BAD_REQUEST', `${name} must be a whole number from ${min} to ${max}`, { reason: 'option', option: name });
  return n;
}

export function registerSyncCommands(program: Command, io: CliIo): void {
  program
    .command('sync')
    .description(syncHelp('sync'))
    .addOption(new Option('--db <path>', sharedHelp('db')))
    .addOption(new Option('--endpoint <url>', syncHelp('endpoint')))
    .addOption(new Option('--soap <version>', syncHelp('soap')).choices(['1.1', '1.2']))
    .option('--profile-file <file>', syncHelp('profileFile'))
    .option('--ca <file>', syncHelp('ca'))
    .option('--cert <file>', syncHelp('cert'))
    .option('--key <file>', syncHelp('key'))
    .option('--insecure', syncHelp('insecure'))
    .option('--batch-size <n>', syncHelp('batchSize'), '100')
    .option('--concurrency <n>', syncHelp('concurrency'), '16')
    .option('--timeout <ms>', syncHelp('timeout'), '30000')
    .option('--attempts <n>', syncHelp('attempts'), '5')
    .option('--retry-delay <ms>', syncHelp('retryDelay'), '500')
    .option('--source <name>', syncHelp('source'), 'FIELDMETER')
    .option('--xsd-dir <dir>', syncHelp('xsdDir'))
    .option('--dry-run', syncHelp('dryRun'))
    .option('--out <dir>', syncHelp('out'))
    .option('--force', syncHelp('force'))
    .option('--json', syncHelp('json'))
    .exitOverride()
    .action(async (o: SyncCliOptions) => {
      const [
        { checkSchemaFolder },
        { xmllintAvailable },
        { openStore },
        { dryRunSync, recordedRun, syncNow },
        { transportOptions },
        { envSecretStore },
        { readProfileFile, storedProfile, storeProfile },
        { meterKeysOf },
        { envEncryptor },
      ] = await Promise.all([
        import('../services/messages/schemaFolder'),
        import('../services/messages/xsdValidator'),
        import('../services/store'),
        import('../services/sync'),
        import('../services/sync/config'),
        import('../services/sync/secrets'),
        import('../services/sync/profileFile'),
        import('../services/meterKeys'),
        import('../services/meterKeys/encryptors'),
      ]);
      const store = openStore(resolveDatabasePath(o.db));
      try {
        const envelope = { source: o.source };
        const profile = o.profileFile ? readProfileFile(resolve(o.profileFile)) : storedProfile(store);
        if (o.dryRun) {
          if (!o.out) throw new AppError('BAD_REQUEST', '--dry-run needs --out DIR', { reason: 'option', option: '--dry-run' });
          // A dry run changes nothing: the profile file is used, not kept.
          const { files, problems } = dryRunSync(store, { outDir: resolve(o.out), envelope, soapVersion: o.soap, profile, force: o.force });
          const counts = { sent: 0, accepted: 0, rejected: 0, pending: files.length + problems.length };
          io.out(
            o.json
              ? JSON.stringify(counts)
              : [
                  fill(cliWords().sync.dryRun, { count: files.length, folder: o.out }),
                  ...problems.map((problem) => fill(cliWords().sync.cannotBuild, { problem })),
                ].join('\n'),
          );
          return;
        }
        const endpoint = o.endpoint ?? process.env.FIELDMETER_SYNC_ENDPOINT;
        if (!endpoint)
          throw new AppError('VALIDATION', 'No endpoint: pass --endpoint URL or set FIELDMETER_SYNC_ENDPOINT.', {
            reason: 'endpointMissing',
          });
        // Options are checked before the run is recorded: bad usage is not a sync run.
        const options: SyncNowOptions = {
          endpoint: {
            endpoint,
            soapVersion: o.soap ?? profile.soapVersion ?? '1.1',
            caFile: o.ca ?? process.env.FIELDMETER_SYNC_CA,
            certFile: o.cert ?? process.env.FIELDMETER_SYNC_CERT,
            keyFile: o.key ?? process.env.FIELDMETER_SYNC_KEY,
            insecure: o.insecure,
            timeoutMs: wholeNumber(o.timeout, '--timeout', 100, 600_000),
          },
          secrets: envSecretStore(),
          actor: await cliActor(store, 'record', 'sync'),
          envelope,
          profile,
          soapVersion: o.soap, // given on the command line: wins over the profile
          batchSize: wholeNumber(o.batchSize, '--batch-size', 1, 10_000),
          concurrency: wholeNumber(o.concurrency, '--concurrency', 1, 256),
          retry: {
            maxAttempts: wholeNumber(o.attempts, '--attempts', 1, 100),
            baseDelayMs: wholeNumber(o.retryDelay, '--retry-delay', 0, 600_000),
            maxDelayMs: 60_000,
          },
          schemaFolder: o.xsdDir ? resolve(o.xsdDir) : undefined,
          // Keys the enterprise sends are sealed under $FIELDMETER_KEY_SECRET, as `keys import` does.
          meterKeys: meterKeysOf(store, { encryptor: envEncryptor() }),
        };
        if (options.schemaFolder) checkSchemaFolder(options.schemaFolder, xmllintAvailable);
        transportOptions(options.endpoint, options.secrets); // URL, certificate files, credentials
        if (o.profileFile) storeProfile(store, profile);
        const summary = await recordedRun(store, { trigger: 'cli' }, () => syncNow(store, options));
        const { sent, accepted, rejected, pending } = summary;
        const said = cliWords().sync;
        io.out(
          o.json
            ? JSON.stringify({ sent, accepted, rejected, pending })
            : [
                fill(said.summary, { sent, accepted, rejected, pending }),
                ...(summary.held ? [fill(said.held, { held: summary.held })] : []),
                ...(summary.resent ? [fill(said.resent, { resent: summary.resent })] : []),
                ...(summary.inbound?.received ? [fill(said.received, { ...summary.inbound })] : []),
              ].join(' '),
        );
        // Said from the stop's reason and details (the sentence went to the log with the run).
        if (summary.stopped)
          throw new AppError('INTERNAL', `sync stopped: ${summary.stopped.code}`, { reason: 'syncStopped', stop: summary.stopped });
      } finally {
        store.close();
      }
    });

  const simulate = simulateGroup(program);
  simulate
    .command('enterprise')
    .description(syncHelp('enterprise'))
    .option('--port <n>', syncHelp('port'), '0')
    .requiredOption('--store <dir>', syncHelp('store'))
    .option('--xsd-dir <dir>', syncHelp('simulatorXsdDir'))
    .addOption(new Option('--validate <when>', syncHelp('validate')).choices(['inline', 'after']).default('inline'))
    .option('--serve <dir>', syncHelp('serve'))
    .addOption(new Option('--fail <kind>', syncHelp('fail')).choices([...FAULT_KINDS]))
    .option('--rate <r>', syncHelp('rate'), '1')
    .option('--seed <n>', syncHelp('seed'), '7')
    .option('--slow-ms <ms>', syncHelp('slowMs'), '300')
    .option('--strict-soap-action', syncHelp('strictSoapAction'))
    .option('--echo-correlation', syncHelp('echoCorrelation'))
    .option('--sync-get-replies', syncHelp('syncGetReplies'))
    .addOption(new Option('--namespaces <set>', syncHelp('namespaces')).choices(['iec2013', 'iec2017']).default('iec2013'))
    .option('--json', syncHelp('simulatorJson'))
    .exitOverride()
    .action(
      async (o: {
        port: string;
        store: string;
        xsdDir?: string;
        validate: 'inline' | 'after';
        serve?: string;
        fail?: string;
        rate: string;
        seed: string;
        slowMs: string;
        strictSoapAction?: boolean;
        echoCorrelation?: boolean;
        syncGetReplies?: boolean;
        namespaces: 'iec2013' | 'iec2017';
        json?: boolean;
      }) => {
        const rate = Number(o.rate);
        if (!(rate >= 0 && rate <= 1))
          throw new AppError('BAD_REQUEST', '--rate must be a number from 0 to 1', { reason: 'option', option: '--rate' });
        const xsdDir = o.xsdDir ?? process.env.FIELDMETER_CIM_XSD_DIR;
        const { startEnterpriseSimulator } = await import('../services/sync/simulator/server');
        const sim = await startEnterpriseSimulator({
          port: wholeNumber(o.port, '--port', 0, 65535),
          storeDir: resolve(o.store),
          xsdDir: xsdDir ? resolve(xsdDir) : undefined,
          validation: o.validate,
          serveDir: o.serve ? resolve(o.serve) : undefined,
          fault: o.fail && isFaultKind(o.fail) ? { kind: o.fail, rate, seed: Number(o.seed), slowMs: Number(o.slowMs) } : undefined,
          peer: {
            strictSoapAction: o.strictSoapAction === true,
            correlation: o.echoCorrelation ? 'echo' : 'messageId',
            syncGetReplies: o.syncGetReplies === true,
            namespaces: o.namespaces,
          },
        });
        io.out(
          o.json
            ? JSON.stringify({ url: sim.url, port: sim.port, schemaValidation: xsdDir !== undefined })
            : `Enterprise simulator on ${sim.url} (schema validation ${xsdDir ? 'on' : 'off'}); Ctrl+C stops it.`,
        );
        await new Promise<void>((done) => {
          const stop = () => void sim.close().then(done);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        io.out(JSON.stringify(sim.stats));
      },
    );
}
