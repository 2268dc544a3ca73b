/**
 * Which catalog words say a refused inbound message (shared/contract/inboundRefusal.ts), from its
 * code and details only: the renderer looks the key up with i18next (under `errors.`), the CLI and
 * the Node log fill it with sayInboundRefusal. A list in the details is joined; the identifier that
 * missingField and noTarget may lack (`id`) brings its own leading space, so the words read right without it.
 */
import type { StoredSchemaFinding } from '../cim/xml/schemaFinding';
import { inboundWordsEn } from './inboundWords';
import { saySchemaFinding, schemaFindingText, type schemaFindingWordsEn } from './schemaFindingWords';
import { fill, wordsAt } from './catalogText';

/** Codes whose words depend on the kind of problem a detail names (`badValue.date` …). */
const WORDS_BY = {
  xmlProblem: 'problem',
  compressedInvalid: 'problem',
  replyAddressRefused: 'problem',
  badValue: 'expected',
  unknownTarget: 'action',
  meterKeyRefused: 'problem',
} as const satisfies Partial<Record<string, string>>;

/** How a list in the details is joined: the names of one meter by a slash. */
const JOINED_BY: Readonly<Record<string, string>> = { keys: ' / ' };
/** Details said by words of their own (each schema finding, schemaFindingWords.ts), not filled into the refusal's. */
const SAID_APART = new Set(['findings']);

export interface InboundWordKey {
  /** Under the error catalogs' root: `inboundRefusal.<code>[.<kind>]`. */
  readonly key: string;
  readonly values: Readonly<Record<string, string | number>>;
}

/** The key and values of a refusal; null for one that is said as its own coded error (`failed`). */
export function inboundRefusalKey(refusal: { readonly code: string; readonly details?: unknown }): InboundWordKey | null {
  if (refusal.code === 'failed') return null;
  const details = typeof refusal.details === 'object' && refusal.details !== null ? (refusal.details as Record<string, unknown>) : {};
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(details)) {
    if (SAID_APART.has(name)) continue;
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    else if (Array.isArray(value)) values[name] = value.map(String).join(JOINED_BY[name] ?? ', ');
  }
  if (refusal.code === 'missingField' || refusal.code === 'noTarget')
    values.id = typeof details.id === 'string' && details.id !== '' ? ` ${details.id}` : '';
  const by = (WORDS_BY as Readonly<Record<string, string>>)[refusal.code];
  const kind = by ? details[by] : undefined;
  return { key: `inboundRefusal.${refusal.code}${typeof kind === 'string' ? `.${kind}` : ''}`, values };
}

/** The refusal in a catalog's words (the CLI, and in English the Node log); the code itself when it has none. */
export function sayInboundRefusal(words: typeof inboundWordsEn, refusal: { readonly code: string; readonly details?: unknown }): string {
  const found = inboundRefusalKey(refusal);
  if (!found) {
    const error = (refusal.details as { error?: { code?: string } } | undefined)?.error;
    return `${refusal.code} (${error?.code ?? '?'})`;
  }
  return fill(wordsAt(words, found.key) ?? refusal.code, found.values);
}

/** The identifiers shown small beside the words: the code (and the error's, for `failed`) and the line. */
export function inboundRefusalTag(
  words: Pick<typeof inboundWordsEn, 'inboundRefusalLine'>,
  refusal: { readonly code: string; readonly details?: unknown; readonly line?: number | undefined },
): string {
  if (refusal.code === 'recorded') return '';
  const inner = refusal.code === 'failed' ? (refusal.details as { error?: { code?: string } } | undefined)?.error?.code : undefined;
  const line = refusal.line === undefined ? '' : ` · ${fill(words.inboundRefusalLine, { line: refusal.line })}`;
  // A schema check's findings are said one by one (schemaFindingLines), only their count left over here.
  const found = refusal.code === 'schemaInvalid' ? moreFindings(refusal) : readerFindings(refusal);
  return `${refusal.code}${inner ? ` ${inner}` : ''}${line}${found ? `: ${found}` : ''}`;
}

/**
 * What the XML reader or xmllint found, as they wrote it (technical, untranslated: the place in the
 * message that a person fixing it needs), for the small text beside the words and the log.
 */
function readerFindings(refusal: { readonly code: string; readonly details?: unknown }): string {
  const details = (refusal.details ?? {}) as { finding?: unknown; findings?: unknown; more?: unknown };
  if (refusal.code === 'xmlProblem' && typeof details.finding === 'string') return details.finding;
  if (refusal.code !== 'schemaInvalid') return '';
  const findings = schemaFindingsOf(refusal).map((f) => (typeof f === 'string' ? f : f.text.replace(/\n[\s\S]*$/, '')));
  return `${findings.join('; ')}${moreFindings(refusal) ? ` ${moreFindings(refusal)}` : ''}`;
}

/** The findings of a schemaInvalid refusal: typed, or the plain lines an earlier version kept. */
export function schemaFindingsOf(refusal: { readonly code: string; readonly details?: unknown }): StoredSchemaFinding[] {
  const findings = refusal.code === 'schemaInvalid' ? (refusal.details as { findings?: unknown } | undefined)?.findings : undefined;
  return Array.isArray(findings)
    ? findings.filter((f): f is StoredSchemaFinding => typeof f === 'string' || (typeof f === 'object' && f !== null && 'kind' in f))
    : [];
}

const moreFindings = (refusal: { readonly details?: unknown }) => {
  const more = (refusal.details as { more?: unknown } | undefined)?.more;
  return typeof more === 'number' && more > 0 ? `(+${more})` : '';
};

/** Each schema finding in the catalog's words, its checker's line (English, technical) indented beneath. */
export function schemaFindingLines(
  words: typeof schemaFindingWordsEn,
  refusal: { readonly code: string; readonly details?: unknown },
): string[] {
  return schemaFindingsOf(refusal).flatMap((finding) => {
    const text = schemaFindingText(finding);
    return [saySchemaFinding(words, finding), ...(text ? text.split('\n').map((line) => `  ${line}`) : [])];
  });
}

/** What the CLI says under a refused message's words: its code and line, and where the masked copy is. */
export function refusedMessageSpecifics(
  words: typeof inboundWordsEn & typeof schemaFindingWordsEn,
  details: {
    readonly refusal: { readonly code: string; readonly line?: number; readonly details?: unknown };
    readonly rejectedCopy?: unknown;
  },
): string[] {
  const tag = inboundRefusalTag(words, details.refusal);
  const copy = typeof details.rejectedCopy === 'string' ? fill(words.inboundCopyKept, { path: details.rejectedCopy }) : '';
  const findings = schemaFindingLines(words, details.refusal).map((line) => `  ${line}`);
  return [tag, ...findings, copy].filter((line) => line !== '');
}

/** The refusal's English words, for the Node log only (the user reads them in their language). */
export const inboundRefusalSentence = (refusal: { readonly code: string; readonly details?: unknown; readonly line?: number }) =>
  `${refusal.line === undefined ? '' : `line ${refusal.line}: `}${sayInboundRefusal(inboundWordsEn, refusal)}${
    readerFindings(refusal) ? ` ${readerFindings(refusal)}` : ''
  }`;
