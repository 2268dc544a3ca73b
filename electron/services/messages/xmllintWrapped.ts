/**
 * Many documents checked against one schema in one xmllint run over ONE file: the documents
 * become the children of a `<b:Batch>` element whose small wrapper schema imports the real one
 * and takes any element of its namespace with processContents="strict", so every child is
 * validated exactly as it would be on its own (xmllint accepts any global element as the root,
 * so does the wrapper). Errors carry line numbers, which name the document. Creating a file per
 * document costs about a millisecond each on these disks, more than xmllint's own work, so a
 * thousand documents are one file here. Where a verdict cannot be attributed (no target
 * namespace, an error without a line), the caller falls back to one file per document.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Verdict {
  valid: boolean;
  errors: string[];
}

const BATCH_NS = 'urn:fieldmeter:xmllint-batch';
const stripDeclaration = (xml: string) => xml.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The target namespace of a schema file, or undefined for a schema without one. */
function targetNamespaceOf(xsdPath: string): string | undefined {
  return /<(?:[\w.-]+:)?schema\b[^>]*\stargetNamespace\s*=\s*["']([^"']+)["']/.exec(readFileSync(xsdPath, 'utf8'))?.[1];
}

/** The wrapper schema for `xsdPath`, written once into `dir`; null when the schema has no target namespace. */
function wrapperSchema(xsdPath: string, dir: string, cache: Map<string, string | null>): string | null {
  const known = cache.get(xsdPath);
  if (known !== undefined) return known;
  const ns = targetNamespaceOf(xsdPath);
  let path: string | null = null;
  if (ns) {
    path = join(dir, `wrapper-${cache.size}.xsd`);
    if (!existsSync(path)) {
      writeFileSync(
        path,
        `<?xml version="1.0" encoding="UTF-8"?>\n<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${BATCH_NS}" elementFormDefault="qualified">\n` +
          `<xs:import namespace="${escapeAttr(ns)}" schemaLocation="${escapeAttr(pathToFileURL(xsdPath).href)}"/>\n` +
          `<xs:element name="Batch"><xs:complexType><xs:sequence><xs:any namespace="${escapeAttr(ns)}" processContents="strict" minOccurs="0" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>\n</xs:schema>\n`,
      );
    }
  }
  cache.set(xsdPath, path);
  return path;
}

export function runXmllint(args: readonly string[]): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn('xmllint', ['--noout', '--nonet', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (e) => reject(new Error(`xmllint could not be run (${e.message}); install libxml2-utils`)));
    child.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/**
 * Verdicts for `docs` against `xsdPath` from one wrapped file in `dir`, or null when they cannot
 * be attributed to the documents (then validate them one file each).
 */
export async function xmllintWrapped(
  docs: readonly string[],
  xsdPath: string,
  dir: string,
  cache: Map<string, string | null>,
): Promise<Verdict[] | null> {
  const wrapper = wrapperSchema(xsdPath, dir, cache);
  if (!wrapper) return null;
  // Document i occupies lines firstLine[i] .. firstLine[i + 1] - 1 of the batch file.
  const firstLine: number[] = [];
  let line = 2;
  const parts = [`<b:Batch xmlns:b="${BATCH_NS}">\n`];
  for (const doc of docs) {
    const body = stripDeclaration(doc);
    firstLine.push(line);
    parts.push(body, '\n');
    line += (body.match(/\n/g)?.length ?? 0) + 1;
  }
  parts.push('</b:Batch>\n');
  const file = join(dir, 'batch.xml');
  writeFileSync(file, parts.join(''));
  const stderr = await runXmllint(['--schema', wrapper, file]);
  const verdicts = docs.map((): Verdict => ({ valid: true, errors: [] }));
  let failed = false;
  let concluded = false;
  let attributed = 0;
  for (const text of stderr.split('\n')) {
    if (!text.startsWith(file)) continue;
    const rest = text.slice(file.length);
    if (rest === ' validates' || rest === ' fails to validate') {
      concluded = true;
      failed = rest !== ' validates';
      continue;
    }
    const m = /^:(\d+): (.*)$/.exec(rest);
    const at = Number(m?.[1] ?? 0);
    if (!m || at < 2 || at >= line) return null; // not about one of the documents
    const i = documentAt(firstLine, at);
    verdicts[i]!.valid = false;
    verdicts[i]!.errors.push(`line ${at - firstLine[i]! + 1 + leadingLines(docs[i]!)}: ${m[2]}`);
    attributed++;
  }
  // No verdict at all (the wrapper did not compile …) or a failure we cannot place: ask per document.
  return !concluded || (failed && attributed === 0) ? null : verdicts;
}

/** The last document starting at or before `line` (binary search). */
function documentAt(firstLine: readonly number[], line: number): number {
  let lo = 0;
  let hi = firstLine.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firstLine[mid]! <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Lines taken by the XML declaration and blank lines before the root, for line numbers as in the original document. */
function leadingLines(doc: string): number {
  const lead = /^\s*<\?xml[^>]*\?>\s*/.exec(doc)?.[0] ?? '';
  return lead.match(/\n/g)?.length ?? 0;
}
