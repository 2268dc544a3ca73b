/**
 * `fieldmeter probe transcript --visit ID` (issue 20 §3, the probe doctor): the raw conversation
 * of an optical read or programming session as text — times, direction, the bytes with control
 * characters named, and hex; passwords were masked when it was recorded. ID is a transcript's id
 * (as `optical.read` returns it) or a saved visit's reading set, whose reads are printed in order.
 *
 * `fieldmeter models list|assign|unassign`: the meter models on this device and the meter types
 * they are assigned to (docs/METER_MODELS.md); assigning is a supervisor's, audited.
 */
import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { AppError } from '../../shared/contract/appError';
import { resolveDatabasePath } from '../services/paths';
import type { Store } from '../services/store';
import { cliLanguage, cliWords, fill } from './language';
import type { CliIo } from './program';
import { probeHelp } from './help/probeHelp';
import { sharedHelp } from './help/sharedHelp';
import { cliActor } from './signIn';
import { meterModelWordsDe, meterModelWordsEn, sayMeterModelProblem } from '../../shared/i18n/meterModelWords';

interface Common {
  db?: string;
  json?: boolean;
}

const common = (command: Command) =>
  command
    .addOption(new Option('--db <path>', sharedHelp('db')))
    .option('--json', sharedHelp('json'))
    .exitOverride();

async function withStore<T>(options: Common, fn: (store: Store) => Promise<T> | T): Promise<T> {
  // SQLite loads only in the command that uses it (a CLI start stays quick).
  const { openStore } = await import('../services/store');
  const store = openStore(resolveDatabasePath(options.db));
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}

export function registerProbeCommands(program: Command, io: CliIo): void {
  const probe = program.command('probe').description(probeHelp('probe')).exitOverride();
  common(probe.command('transcript').description(probeHelp('transcript')))
    .requiredOption('--visit <id>', probeHelp('transcriptVisit'))
    .option('--out <file>', probeHelp('transcriptOut'))
    .action((options: Common & { visit: string; out?: string }) =>
      withStore(options, async (store) => {
        await cliActor(store, 'view', 'read probe transcripts');
        const { transcriptFile } = await import('../services/optical/probeDoctor');
        const one = store.probeTranscripts.get(options.visit);
        const found = one ? [one] : store.probeTranscripts.ofReadingSet(options.visit);
        if (found.length === 0)
          throw new AppError('NOT_FOUND', `No probe transcript and no visit with transcripts has the id ${options.visit}.`, {
            reason: 'transcriptUnknown',
          });
        const text = found.map(transcriptFile).join('\n');
        if (options.out) {
          writeFileSync(options.out, text);
          io.out(
            options.json
              ? JSON.stringify({ file: options.out, transcripts: found.map((t) => t.id) })
              : fill(cliWords().probe.transcriptsWritten, { count: found.length, file: options.out }),
          );
        } else
          io.out(
            options.json
              ? JSON.stringify(
                  found.map((t) => ({ ...t, data: Buffer.from(t.data).toString('hex') })),
                  null,
                  2,
                )
              : text,
          );
      }),
    );

  const models = program.command('models').description(probeHelp('models')).exitOverride();
  const modelList = async (store: Store) => {
    const { loadMeterModels, meterModelFolder, modelAssignments } = await import('../services/optical/meterModelCatalog');
    const catalog = loadMeterModels(meterModelFolder(store.path));
    return {
      models: catalog.models.map((m) => ({
        name: m.name,
        description: m.description,
        source: m.source,
        demandReset: m.demandReset !== null,
      })),
      refused: [...catalog.refused],
      folder: catalog.folder,
      assignments: [...modelAssignments(store)],
    };
  };
  const printList = (options: Common, list: Awaited<ReturnType<typeof modelList>>) => {
    if (options.json) return io.out(JSON.stringify(list, null, 2));
    const typesOf = (name: string) => list.assignments.filter((a) => a.model === name).map((a) => `${a.manufacturer} ${a.identPrefix}`);
    const said = cliWords().probe;
    const problemWords = cliLanguage() === 'de' ? meterModelWordsDe : meterModelWordsEn;
    io.out(
      [
        ...list.models.flatMap((m) => [
          fill(said.model, { name: m.name, demandReset: m.demandReset ? said.demandReset : '', description: m.description }),
          fill(said.assignedTo, { types: typesOf(m.name).join(', ') || said.noMeterType }),
        ]),
        ...list.assignments
          .filter((a) => !list.models.some((m) => m.name === a.model))
          .map((a) => fill(said.notOnDevice, { meterType: `${a.manufacturer} ${a.identPrefix}`, model: a.model })),
        ...list.refused.map((r) => fill(said.leftOut, { file: r.file, problem: sayMeterModelProblem(problemWords, r) })),
        fill(said.folder, { folder: list.folder }),
      ].join('\n'),
    );
  };
  common(models.command('list').description(probeHelp('modelsList'))).action((options: Common) =>
    withStore(options, async (store) => {
      await cliActor(store, 'view', 'list meter models');
      printList(options, await modelList(store));
    }),
  );
  const assignment = (options: Common & { manufacturer: string; ident: string }, model: string | null, what: string) =>
    withStore(options, async (store) => {
      const actor = await cliActor(store, 'supervise', what);
      if (!/^[A-Za-z]{3}$/.test(options.manufacturer))
        throw new AppError('BAD_REQUEST', 'The manufacturer id is three letters, as the meter sends it (e.g. ISK or ISk).', {
          reason: 'option',
          option: '--manufacturer',
        });
      const list = await modelList(store);
      if (model !== null && !list.models.some((m) => m.name === model))
        throw new AppError('VALIDATION', `There is no meter model "${model}" on this device.`, { reason: 'meterModelUnknown', model });
      const { assignModel } = await import('../services/optical/meterModelCatalog');
      store.mutate(actor, (change) => {
        assignModel(store, { manufacturer: options.manufacturer, identPrefix: options.ident }, model);
        change.audit({
          action: 'optical.assignModel',
          entity: 'settings',
          entityId: `${options.manufacturer} ${options.ident}`,
          details: { manufacturer: options.manufacturer, identPrefix: options.ident, model },
        });
      });
      printList(options, await modelList(store));
    });
  common(models.command('assign').description(probeHelp('modelsAssign')))
    .requiredOption('--manufacturer <id>', probeHelp('manufacturerCase'))
    .requiredOption('--ident <prefix>', probeHelp('identExample'))
    .requiredOption('--model <name>', probeHelp('model'))
    .action((options: Common & { manufacturer: string; ident: string; model: string }) =>
      assignment(options, options.model, 'assign meter models'),
    );
  common(models.command('unassign').description(probeHelp('modelsUnassign')))
    .requiredOption('--manufacturer <id>', probeHelp('manufacturer'))
    .requiredOption('--ident <prefix>', probeHelp('ident'))
    .action((options: Common & { manufacturer: string; ident: string }) => assignment(options, null, 'unassign meter models'));
}
