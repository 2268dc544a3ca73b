/**
 * `fieldmeter import message FILE`: applies one inbound 61968 message (MeterConfig,
 * UsagePointConfig, MasterDataLinkageConfig, MeterServiceRequests) in one transaction, streamed
 * from the file (files of 100 MB and more are read piece by piece, never whole). A refused
 * message exits 1 with the reason (and line); the file stays put and a copy is kept in
 * `inbox-rejected/` next to the database.
 */
import { closeSync, openSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import type { InboundResult } from '../services/inbound/applyMessage';
import { resolveDatabasePath } from '../services/paths';
import type { CliIo } from './program';
import { sharedHelp } from './help/sharedHelp';
import { messagesHelp } from './help/messagesHelp';
import { cliActorFor } from './signIn';
import { fileUnreadable } from './inputFile';
import { cliWords, fill } from './language';

/** What applying did, by the names of its counts (`metersAdded 2`: identifiers, as `--json` gives them). */
const describe = (r: InboundResult) => {
  const said = cliWords().importMessage;
  const values = { verb: r.verb, noun: r.noun, messageId: r.messageId };
  if (r.duplicate) return fill(said.duplicate, values);
  const counts = Object.entries(r.applied).map(([k, n]) => `${k} ${n}`);
  return fill(said.applied, { ...values, applied: counts.length ? counts.join(', ') : said.nothingChanged });
};

export function registerImportMessageCommand(importCommand: Command, io: CliIo): void {
  importCommand
    .command('message')
    .argument('<file>', messagesHelp('inboundFile'))
    .description(messagesHelp('importMessage'))
    .addOption(new Option('--db <path>', sharedHelp('db')))
    .option('--xsd-dir <dir>', messagesHelp('importXsdDir'))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action((file: string, options: ImportMessageOptions) => importMessageFile(file, options, io));
}

export interface ImportMessageOptions {
  db?: string;
  json?: boolean;
  xsdDir?: string;
}

/** Applies one inbound message file (the action of `import message`, and of `import FILE` for XML). */
export async function importMessageFile(file: string, options: ImportMessageOptions, io: CliIo): Promise<void> {
  // The XML stack loads only for this command (issue 21: a CLI start reads what it runs).
  const [
    { applyInboundFile },
    { keepRejectedCopy },
    { openStore },
    { createXsdValidator, xmllintAvailable },
    { checkSchemaFolder },
    { meterKeysOf },
    { envEncryptor },
  ] = await Promise.all([
    import('../services/inbound/applyMessage'),
    import('../services/inbound/rejected'),
    import('../services/store'),
    import('../services/messages/xsdValidator'),
    import('../services/messages/schemaFolder'),
    import('../services/meterKeys'),
    import('../services/meterKeys/encryptors'),
  ]);
  const schemaDir = options.xsdDir ? resolve(options.xsdDir) : undefined;
  if (schemaDir) checkSchemaFolder(schemaDir, xmllintAvailable);
  try {
    closeSync(openSync(file, 'r'));
  } catch (error) {
    throw fileUnreadable(file, error);
  }
  const databasePath = resolveDatabasePath(options.db);
  const actor = await cliActorFor(databasePath, 'record', 'import a message');
  let result: InboundResult;
  try {
    const store = openStore(databasePath);
    try {
      result = applyInboundFile(store, actor, file, {
        fileName: basename(file),
        ...(schemaDir ? { schemas: createXsdValidator(schemaDir) } : {}),
        // A file handed to the device may set meter keys only when a supervisor imports it (meterConfigKeys.ts).
        meterKeys: { keeper: meterKeysOf(store, { encryptor: envEncryptor() }), fromEnterprise: false },
      });
    } finally {
      store.close();
    }
  } catch (error) {
    const copy = keepRejectedCopy(databasePath, file);
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof AppError ? error.code : 'IMPORT_REJECTED';
    // The words come from the refusal's code (program.ts); the English is the log's.
    throw new AppError(code, `${file} was not imported: ${message}. Nothing was applied.${copy ? ` A copy is kept in ${copy}.` : ''}`, {
      ...(error instanceof AppError && typeof error.details === 'object' ? error.details : {}),
      rejectedCopy: copy,
    });
  }
  io.out(
    options.json
      ? JSON.stringify(
          {
            noun: result.noun,
            verb: result.verb,
            messageId: result.messageId,
            applied: result.applied,
            ...(result.duplicate ? { duplicate: true } : {}),
          },
          null,
          2,
        )
      : describe(result),
  );
}
