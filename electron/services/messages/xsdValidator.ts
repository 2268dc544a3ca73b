/**
 * Validates messages with xmllint against a schema folder the utility provides (the product
 * does not ship the IEC XSDs: licence, ../shared/cim/SOURCES.md). The folder is searched for
 * `<Wrapper>Message.xsd` (typed messages) or `Message.xsd` + `<Noun>.xsd` (generic envelope: the
 * payload is xs:any there, so it is checked in a second step, NOTES.md §2).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/contract/result';
import { MESSAGE_NS, typedWrapperOf } from '../../../shared/cim/message/verbs';
import { indexSchemaFolder } from './schemaFolder';

export interface ValidationResult {
  valid: boolean;
  /** "line N: message" where xmllint gave a line; the schema file name is prefixed in the 2nd step. */
  errors: string[];
  /** The schema files used, in order. */
  schemas: string[];
}

export function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
}

export function runXmllint(xml: string, xsdPath: string, label = 'message.xml'): { valid: boolean; errors: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-xsd-'));
  const file = join(dir, label);
  try {
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsdPath, file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (run.error)
      throw new AppError('NOT_FOUND', `xmllint could not be run (${run.error.message}); install libxml2-utils`, {
        reason: 'xmllintMissing',
      });
    const errors = run.stderr
      .split('\n')
      .filter((l) => l.trim() && !l.endsWith(' validates') && !l.endsWith(' fails to validate'))
      .map((l) => {
        const rest = l.startsWith(`${file}:`) ? l.slice(file.length + 1) : l.replaceAll(file, label);
        const match = /^(\d+): (.*)$/.exec(rest);
        return match ? `line ${match[1]}: ${match[2]}` : rest;
      });
    return { valid: run.status === 0, errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The root element's local name and namespace, read from its start tag. */
function rootOf(xml: string): { name: string; namespace: string | undefined } {
  const stripped = xml.replace(/<[?!][\s\S]*?>/g, '');
  const tag = /<([\w.-]+:)?([\w.-]+)([^>]*)>/.exec(stripped);
  if (!tag) return { name: '', namespace: undefined };
  const prefix = tag[1]?.slice(0, -1);
  const decl = new RegExp(`xmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(tag[3] ?? '');
  return { name: tag[2] ?? '', namespace: decl?.[1] };
}

/**
 * The payload element of a generic envelope as its own document, with the envelope's namespace
 * declarations copied onto it so prefixes declared higher up still resolve.
 */
export function extractPayload(xml: string): { noun: string; xml: string } | null {
  const open = /<([\w.-]+:)?Payload(\s[^>]*)?>/.exec(xml);
  if (!open) return null;
  const after = open.index + open[0].length;
  const start = /<(?![?!/])([\w.-]+:)?([\w.-]+)/.exec(xml.slice(after));
  if (!start || start[2] === 'Compressed' || start[2] === 'Format') return null;
  const qname = `${start[1] ?? ''}${start[2]}`;
  const from = after + start.index;
  const close = xml.indexOf(`</${qname}>`, from);
  const selfClose = xml.indexOf('/>', from);
  const end = close === -1 ? selfClose + 2 : close + qname.length + 3;
  let element = xml.slice(from, end);
  const rootTag = /<[^?!][^>]*>/.exec(xml.replace(/<[?!][\s\S]*?>/g, (m) => ' '.repeat(m.length)))?.[0] ?? '';
  const declared = new Set([...element.matchAll(/xmlns(:[\w.-]+)?=/g)].map((m) => m[1] ?? ''));
  const inherited = [...rootTag.matchAll(/\s(xmlns(:[\w.-]+)?)\s*=\s*("[^"]*"|'[^']*')/g)]
    .filter((m) => !declared.has(m[2] ?? ''))
    .map((m) => ` ${m[1]}=${m[3]}`);
  element = element.replace(new RegExp(`^<${qname}`), `<${qname}${inherited.join('')}`);
  return { noun: start[2] ?? '', xml: `<?xml version="1.0" encoding="UTF-8"?>\n${element}\n` };
}

export function createXsdValidator(schemaDir: string) {
  const schemas = indexSchemaFolder(schemaDir);
  const need = (file: string): string => {
    const path = schemas.get(file);
    if (!path) throw new AppError('NOT_FOUND', `The schema folder ${schemaDir} has no ${file}.`, { reason: 'schemaFileMissing', file });
    return path;
  };
  return {
    schemaDir,
    validate(xml: string): ValidationResult {
      const root = rootOf(xml);
      // www.iec.ch: the openwms draft wrappers (MeterServiceRequestsMessage.xsd); their generic envelope is not supported here.
      // …/TC57/2017/<Noun>Message: the 2017 wrappers, checked with the utility's own <Noun>Message.xsd of that set.
      const typed = typedWrapperOf(root.namespace);
      if (typed) {
        const xsd = need(`${typed}Message.xsd`);
        return { ...runXmllint(xml, xsd), schemas: [xsd] };
      }
      const xsd = need('Message.xsd');
      const envelope = runXmllint(xml, xsd);
      if (root.namespace !== MESSAGE_NS || !envelope.valid) return { ...envelope, schemas: [xsd] };
      const payload = extractPayload(xml);
      if (!payload) return { ...envelope, schemas: [xsd] };
      const payloadXsd = need(`${payload.noun}.xsd`);
      const second = runXmllint(payload.xml, payloadXsd, `${payload.noun}.xml`);
      return { valid: second.valid, errors: second.errors.map((e) => `payload ${payload.noun}: ${e}`), schemas: [xsd, payloadXsd] };
    },
  };
}
export type XsdValidator = ReturnType<typeof createXsdValidator>;
