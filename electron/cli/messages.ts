/**
 * `fieldmeter messages …`: validate a 61968-100 message against the utility's schema folder, and
 * write sample messages built from a database (one per noun/verb the app emits).
 */
import { mkdirSync } from 'node:fs';
import { checkTarget, writeBytesSafely } from '../services/files/safeWrite';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import { resolveDatabasePath } from '../services/paths';
import type { CliIo } from './program';
import { sharedHelp } from './help/sharedHelp';
import { messagesHelp } from './help/messagesHelp';
import { readInputText } from './inputFile';
import { cliErrorWords, cliWords, fill } from './language';

export function registerMessagesCommands(program: Command, io: CliIo): void {
  const messages = program.command('messages').description(messagesHelp('messages')).exitOverride();

  messages
    .command('validate')
    .description(messagesHelp('validate'))
    .argument('<file>', messagesHelp('messageXml'))
    .addOption(new Option('--xsd-dir <dir>', messagesHelp('validateXsdDir')))
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (file: string, options: { xsdDir?: string; json?: boolean }) => {
      const [{ createXsdValidator }, { parseSchemaFindings }, { saySchemaFinding }, { withoutKey }] = await Promise.all([
        import('../services/messages/xsdValidator'),
        import('../../shared/cim/xml/schemaFinding'),
        import('../../shared/i18n/schemaFindingWords'),
        import('../services/inbound/schemaCheck'),
      ]);
      const dir = options.xsdDir ?? process.env.FIELDMETER_CIM_XSD_DIR;
      if (!dir)
        throw new AppError('BAD_REQUEST', 'No schema folder: pass --xsd-dir DIR or set FIELDMETER_CIM_XSD_DIR.', {
          reason: 'option',
          option: '--xsd-dir',
        });
      const xml = readInputText(file);
      const result = createXsdValidator(resolve(dir)).validate(xml);
      // A meter key the schemas refuse is not printed (schemaCheck.ts withoutKey), not even in xmllint's own lines.
      const findings = parseSchemaFindings(result.errors).map(withoutKey);
      if (options.json) io.out(JSON.stringify({ file, ...result, errors: findings.map((f) => f.text), findings }, null, 2));
      else if (result.valid) io.out(fill(cliWords().messages.valid, { file, schemas: result.schemas.join(', ') }));
      if (!result.valid) {
        // Each finding in the operator's words; xmllint's own line (English, for support) indented beneath.
        const said = findings.flatMap((f) => [`  ${saySchemaFinding(cliErrorWords(), f)}`, ...f.text.split('\n').map((l) => `      ${l}`)]);
        if (!options.json) io.err([fill(cliWords().messages.invalid, { file }), ...said].join('\n'));
        throw new AppError('VALIDATION', `${file} does not validate against ${result.schemas.join(' and ')}`, {
          reason: 'xsdInvalid',
          file,
        });
      }
    });

  messages
    .command('samples')
    .description(messagesHelp('samples'))
    .addOption(new Option('--db <path>', sharedHelp('db')))
    .requiredOption('--out <dir>', messagesHelp('samplesOut'))
    .option('--force', messagesHelp('samplesForce'))
    .option('--source <name>', messagesHelp('samplesSource'), 'FIELDMETER')
    .option('--json', sharedHelp('json'))
    .exitOverride()
    .action(async (options: { db?: string; out: string; source: string; json?: boolean; force?: boolean }) => {
      const [{ buildSampleMessages }, { openStore }, { storedProfile }, { profileSchemaSet }] = await Promise.all([
        import('../services/messages/samples'),
        import('../services/store'),
        import('../services/sync/profileFile'),
        import('../../shared/cim/integrationProfile'),
      ]);
      const store = openStore(resolveDatabasePath(options.db));
      try {
        // In the namespace set and header of the integration profile this device keeps, as sync sends them.
        const profile = storedProfile(store);
        const schemaSet = profileSchemaSet(profile);
        const samples = buildSampleMessages(store, {
          source: options.source,
          headerFields: profile.header,
          ...(schemaSet ? { schemaSet } : {}),
        });
        if (samples.length === 0)
          throw new AppError(
            'NOT_FOUND',
            'The database has no meter to build messages from (run `fieldmeter demo seed` or import a route).',
            { reason: 'noMeterData' },
          );
        mkdirSync(options.out, { recursive: true });
        // All checked before the first is written: an existing file (without --force) stops the run with nothing written.
        for (const s of samples) checkTarget(join(options.out, s.fileName), { force: options.force, databasePath: store.path });
        for (const s of samples) writeBytesSafely(join(options.out, s.fileName), s.xml, { force: options.force, databasePath: store.path });
        const files = samples.map((s) => s.fileName);
        io.out(
          options.json
            ? JSON.stringify({ out: options.out, files }, null, 2)
            : fill(cliWords().messages.samplesWritten, { count: files.length, folder: options.out, files: files.join(', ') }),
        );
      } finally {
        store.close();
      }
    });
}
