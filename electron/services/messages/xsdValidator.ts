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

/** Where libxml2 starts a line of its own: "<file>:<line>: …" or an error without a place ("… error : …", "warning : …"). */
const STARTS_FINDING = /^[^\s:]+:\d+: |^[\w ]*(?:error|warning) ?: /;
/** A parser error (XML 1.0 §2.1, not well-formed): libxml2 echoes the source line and a caret under it. */
const PARSER_ERROR = /: (?:parser|namespace) error : /;

/**
 * The checker's findings, one string each. A line that does not start a finding continues the one
 * before (a value libxml2 quotes may span lines: XML-Enc wraps base64 at 76, RFC 2045 §6.8) and is
 * joined to it, so a finding is masked and read whole; the source line and caret libxml2 echoes
 * under a parser error are dropped: they repeat the message, key values and all.
 */
export function findingsOf(stderr: string): string[] {
  const findings: string[] = [];
  let echo = false;
  for (const line of stderr.split('\n')) {
    if (line.endsWith(' validates') || line.endsWith(' fails to validate')) continue;
    if (STARTS_FINDING.test(line) || findings.length === 0) {
      if (!line.trim()) continue;
      findings.push(line);
      echo = PARSER_ERROR.test(line);
    } else if (!echo) findings[findings.length - 1] += `\n${line}`;
  }
  // A trailing line break is libxml2's own end of line, not part of the value.
  return findings.map((f) => f.replace(/\n+$/, ''));
}

/**
 * xmllint over one document. `lineOffset` is how many lines of the message precede the part
 * checked (a payload or SOAP Body cut out of it, see extractPayload), added so a finding names the
 * line of the message the operator opens; `null` where that cannot be known, so no line is claimed.
 */
export function runXmllint(
  xml: string,
  xsdPath: string,
  label = 'message.xml',
  lineOffset: number | null = 0,
): { valid: boolean; errors: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'fieldmeter-xsd-'));
  const file = join(dir, label);
  try {
    writeFileSync(file, xml);
    const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsdPath, file], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    if (run.error)
      throw new AppError('NOT_FOUND', `xmllint could not be run (${run.error.message}); install libxml2-utils`, {
        reason: 'xmllintMissing',
      });
    const errors = findingsOf(run.stderr).map((l) => {
      const rest = l.startsWith(`${file}:`) ? l.slice(file.length + 1) : l.replaceAll(file, label);
      const match = /^(\d+): ([\s\S]*)$/.exec(rest);
      if (!match) return rest;
      const line = lineOffset === null ? null : Number(match[1]) + lineOffset;
      return line === null || line < 1 ? match[2]! : `line ${line}: ${match[2]}`;
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
 * declarations copied onto it so prefixes declared higher up still resolve. `lineOffset`: how many
 * lines the message has before the payload's line 1 (its element is line 2, after the declaration).
 */
export function extractPayload(xml: string): { noun: string; xml: string; lineOffset: number } | null {
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
  return { noun: start[2] ?? '', xml: `<?xml version="1.0" encoding="UTF-8"?>\n${element}\n`, lineOffset: linesBefore(xml, from) - 1 };
}

/** How many line breaks precede `index` in `text`. */
export const linesBefore = (text: string, index: number) => (text.slice(0, index).match(/\n/g) ?? []).length;

export function createXsdValidator(schemaDir: string) {
  const schemas = indexSchemaFolder(schemaDir);
  const need = (file: string): string => {
    const path = schemas.get(file);
    if (!path) throw new AppError('NOT_FOUND', `The schema folder ${schemaDir} has no ${file}.`, { reason: 'schemaFileMissing', file });
    return path;
  };
  return {
    schemaDir,
    /** `lineOffset`: where `xml` was cut out of a larger message (runXmllint). */
    validate(xml: string, lineOffset: number | null = 0): ValidationResult {
      const root = rootOf(xml);
      // www.iec.ch: the openwms draft wrappers (MeterServiceRequestsMessage.xsd); their generic envelope is not supported here.
      // …/TC57/2017/<Noun>Message: the 2017 wrappers, checked with the utility's own <Noun>Message.xsd of that set.
      const typed = typedWrapperOf(root.namespace);
      if (typed) {
        const xsd = need(`${typed}Message.xsd`);
        return { ...runXmllint(xml, xsd, undefined, lineOffset), schemas: [xsd] };
      }
      const xsd = need('Message.xsd');
      const envelope = runXmllint(xml, xsd, undefined, lineOffset);
      if (root.namespace !== MESSAGE_NS || !envelope.valid) return { ...envelope, schemas: [xsd] };
      const payload = extractPayload(xml);
      if (!payload) return { ...envelope, schemas: [xsd] };
      const payloadXsd = need(`${payload.noun}.xsd`);
      const second = runXmllint(
        payload.xml,
        payloadXsd,
        `${payload.noun}.xml`,
        lineOffset === null ? null : lineOffset + payload.lineOffset,
      );
      return { valid: second.valid, errors: second.errors.map((e) => `payload ${payload.noun}: ${e}`), schemas: [xsd, payloadXsd] };
    },
  };
}
export type XsdValidator = ReturnType<typeof createXsdValidator>;
