/**
 * Schema validation for many messages at once: one xmllint process checks a whole group of
 * documents against one schema (the schema is compiled once), wrapped into one file
 * (xmllintWrapped.ts; one file per document only as the fallback), where spawning xmllint per
 * message would cost more than the rest of a sync. Documents that
 * arrive within `windowMs` of each other share a run. Same two-step rule as xsdValidator.ts: a
 * typed `<Noun>Message.xsd` wrapper checks its payload; the generic envelope needs Message.xsd,
 * then `<Noun>.xsd` over the payload element (Message.xsd's Payload is xs:any, NOTES.md §2).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MESSAGE_NS, typedWrapperOf } from '../../../shared/cim/message/verbs';
import { extractPayload, type ValidationResult } from './xsdValidator';
import { indexSchemaFolder } from './schemaFolder';
import { runXmllint, xmllintWrapped, type Verdict } from './xmllintWrapped';

/**
 * Runs `xmllint --noout --schema xsd f1 … fN` once over files written into `dir` and splits its
 * verdicts per document. The files are overwritten, not created, on the next use of the same
 * folder: creating a file costs ~0.5 ms on an ordinary disk, overwriting one a tenth of that.
 */
export async function xmllintMany(docs: readonly string[], xsdPath: string, dir: string): Promise<Verdict[]> {
  if (docs.length === 0) return [];
  const files = docs.map((_d, i) => join(dir, `m${i}.xml`));
  files.forEach((f, i) => writeFileSync(f, docs[i]!));
  const stderr = await runXmllint(['--schema', xsdPath, ...files]);
  const verdicts = files.map((): Verdict => ({ valid: false, errors: [] }));
  const index = new Map(files.map((f, i) => [f, i]));
  for (const line of stderr.split('\n')) {
    const file = /^(\S+?\.xml)[: ]/.exec(line)?.[1];
    const i = file === undefined ? undefined : index.get(file);
    if (i === undefined) continue;
    const rest = line.slice(file!.length);
    if (rest === ' validates') verdicts[i]!.valid = true;
    else if (rest !== ' fails to validate') {
      const m = /^:(\d+): (.*)$/.exec(rest);
      verdicts[i]!.errors.push(m ? `line ${m[1]}: ${m[2]}` : rest.trim());
    }
  }
  return verdicts;
}

/** Scratch folders for xmllint runs, reused; removed by close(). */
function scratchFolders() {
  const root = mkdtempSync(join(tmpdir(), 'fieldmeter-xsd-'));
  const free: string[] = [];
  let made = 0;
  return {
    async with<T>(fn: (dir: string) => Promise<T>): Promise<T> {
      const dir = free.pop() ?? join(root, String(made++));
      mkdirSync(dir, { recursive: true });
      try {
        return await fn(dir);
      } finally {
        free.push(dir);
      }
    },
    close: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** A payload finding's line counted in the message it was cut out of (extractPayload's `lineOffset`). */
const inMessage = (error: string, lineOffset: number) =>
  error.replace(/^line (\d+): /, (_whole, line: string) => (Number(line) + lineOffset < 1 ? '' : `line ${Number(line) + lineOffset}: `));

function rootNamespace(xml: string): string | undefined {
  const tag = /<(?![?!])([\w.-]+:)?[\w.-]+([^>]*)>/.exec(xml);
  const prefix = tag?.[1]?.slice(0, -1);
  return new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(tag?.[2] ?? '')?.[1];
}

interface Job {
  xml: string;
  resolve(result: ValidationResult): void;
  reject(error: unknown): void;
}

export function createBatchValidator(
  schemaDir: string,
  options: { windowMs?: number; maxBatch?: number; schemas?: Map<string, string> } = {},
) {
  // The folder's index, when the caller already made it (checkSchemaFolder returns it).
  const schemas = options.schemas ?? indexSchemaFolder(schemaDir);
  const scratch = scratchFolders();
  const windowMs = options.windowMs ?? 4;
  const maxBatch = options.maxBatch ?? 400;
  const wrappers = new Map<string, string | null>();
  let queue: Job[] = [];
  let timer: NodeJS.Timeout | undefined;

  const schemaFor = (file: string): string | undefined => schemas.get(file);

  async function runGroup(jobs: readonly { xml: string; xsd: string }[]): Promise<Verdict[]> {
    const out: Verdict[] = new Array<Verdict>(jobs.length);
    const byXsd = new Map<string, number[]>();
    jobs.forEach((j, i) => {
      const list = byXsd.get(j.xsd);
      if (list) list.push(i);
      else byXsd.set(j.xsd, [i]);
    });
    await Promise.all(
      [...byXsd].map(async ([xsd, idx]) => {
        const docs = idx.map((i) => jobs[i]!.xml);
        const verdicts = await scratch.with(
          async (dir) => (await xmllintWrapped(docs, xsd, dir, wrappers)) ?? (await xmllintMany(docs, xsd, dir)),
        );
        idx.forEach((i, k) => (out[i] = verdicts[k]!));
      }),
    );
    return out;
  }

  /** Both steps for a group of documents, one xmllint run per schema. */
  async function validateGroup(xmls: readonly string[]): Promise<ValidationResult[]> {
    const first = xmls.map((xml) => {
      const typed = typedWrapperOf(rootNamespace(xml));
      const file = typed ? `${typed}Message.xsd` : 'Message.xsd';
      return { xml, xsd: schemaFor(file), file, generic: !typed };
    });
    const runnable = first.filter((f): f is typeof f & { xsd: string } => f.xsd !== undefined);
    // The payload step does not depend on the envelope step's verdict: both run at once.
    const second: { job: number; xml: string; xsd: string; noun: string; lineOffset: number }[] = [];
    const missing = new Map<number, string>();
    first.forEach((f, i) => {
      if (f.xsd === undefined || !f.generic || rootNamespace(f.xml) !== MESSAGE_NS) return;
      const payload = extractPayload(f.xml);
      if (!payload) return;
      const xsd = schemaFor(`${payload.noun}.xsd`);
      if (xsd) second.push({ job: i, xml: payload.xml, xsd, noun: payload.noun, lineOffset: payload.lineOffset });
      else missing.set(i, `the schema folder ${schemaDir} has no ${payload.noun}.xsd`);
    });
    const [verdicts, payloadVerdicts] = await Promise.all([runGroup(runnable), runGroup(second)]);
    const envelope = new Map(runnable.map((r, i) => [r, verdicts[i]!]));
    const results: ValidationResult[] = first.map((f, i) => {
      if (f.xsd === undefined) return { valid: false, errors: [`the schema folder ${schemaDir} has no ${f.file}`], schemas: [] };
      const v = envelope.get(f as typeof f & { xsd: string })!;
      const gap = missing.get(i);
      if (v.valid && gap) return { valid: false, errors: [gap], schemas: [f.xsd] };
      return { valid: v.valid, errors: v.errors, schemas: [f.xsd] };
    });
    second.forEach((s, k) => {
      const v = payloadVerdicts[k]!;
      if (!results[s.job]!.valid) return; // the envelope's errors come first
      results[s.job] = {
        valid: v.valid,
        errors: v.errors.map((e) => `payload ${s.noun}: ${inMessage(e, s.lineOffset)}`),
        schemas: [...results[s.job]!.schemas, s.xsd],
      };
    });
    return results;
  }

  async function flush(): Promise<void> {
    timer = undefined;
    const jobs = queue;
    queue = [];
    try {
      const results = await validateGroup(jobs.map((j) => j.xml));
      jobs.forEach((j, i) => j.resolve(results[i]!));
    } catch (error) {
      for (const j of jobs) j.reject(error);
    }
  }

  return {
    schemaDir,
    close: () => scratch.close(),
    /** Many documents at once (e.g. everything a simulator stored), in groups of `groupSize`, one group after another. */
    async validateAll(xmls: readonly string[], groupSize = 2000): Promise<ValidationResult[]> {
      const out: ValidationResult[] = [];
      for (let i = 0; i < xmls.length; i += groupSize) out.push(...(await validateGroup(xmls.slice(i, i + groupSize))));
      return out;
    },
    validate(xml: string): Promise<ValidationResult> {
      return new Promise((resolve, reject) => {
        queue.push({ xml, resolve, reject });
        if (queue.length >= maxBatch) {
          clearTimeout(timer);
          void flush();
        } else timer ??= setTimeout(() => void flush(), windowMs);
      });
    },
  };
}
export type BatchValidator = ReturnType<typeof createBatchValidator>;
