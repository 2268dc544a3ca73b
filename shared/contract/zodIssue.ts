/**
 * What a schema check of a settings file found, as data (issue 16 §3, "no user-visible English
 * outside the translation tables"): zod's issues carry English messages; across the boundary goes
 * the issue's code (zod 4, the package.json version) with its path and the few values its words
 * need, and the renderer says it from the catalogs (shared/i18n/zodIssueWords.ts). A refinement of
 * our own names its rule in `params.rule` (and the value it refers to in `params.value`).
 */
import { z } from 'zod';

/** The issue codes of zod 4 (zod/v4/core errors.d.ts, $ZodIssueCode). */
export const zodIssueCodes = [
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'not_multiple_of',
  'unrecognized_keys',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'invalid_value',
  'custom',
] as const;
export type ZodIssueCode = (typeof zodIssueCodes)[number];

export const zodIssue = z
  .object({
    /** Where in the file: the keys joined by dots ('' for the file as a whole). */
    path: z.string(),
    code: z.enum(zodIssueCodes),
    /** invalid_type: the JSON type the schema wants and the one the file has. */
    expected: z.string().optional(),
    received: z.string().optional(),
    /** too_small / too_big: what is counted (string, array, number …) and the bound. */
    origin: z.string().optional(),
    limit: z.number().optional(),
    /** invalid_format: `url`, `regex` …; for a regex the pattern, shown as written. */
    format: z.string().optional(),
    pattern: z.string().optional(),
    /** invalid_value: the allowed values; unrecognized_keys: the keys not allowed. */
    values: z.array(z.string()).optional(),
    /** custom: our refinement's rule name and the value it names (an origin, the placeholders …). */
    rule: z.string().optional(),
    value: z.string().optional(),
  })
  .strict();
export type ZodIssueData = z.infer<typeof zodIssue>;

/** The JSON type of a value, as zod names them in `expected`. */
function jsonType(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  return node;
}

/** One of zod's issues as data, `input` the document it was found in (for the type it has where another was expected). */
export function zodIssueData(issue: z.core.$ZodIssue, input: unknown): ZodIssueData {
  const path = issue.path.map(String).join('.');
  switch (issue.code) {
    case 'invalid_type':
      return { path, code: issue.code, expected: String(issue.expected), received: jsonType(valueAt(input, issue.path)) };
    case 'too_small':
      return { path, code: issue.code, origin: issue.origin, limit: Number(issue.minimum) };
    case 'too_big':
      return { path, code: issue.code, origin: issue.origin, limit: Number(issue.maximum) };
    case 'invalid_format':
      return { path, code: issue.code, format: issue.format, ...(issue.pattern ? { pattern: issue.pattern } : {}) };
    case 'unrecognized_keys':
      return { path, code: issue.code, values: [...issue.keys] };
    case 'invalid_value':
      return { path, code: issue.code, values: issue.values.map(String) };
    case 'custom': {
      const params = (issue.params ?? {}) as { rule?: unknown; value?: unknown };
      return {
        path,
        code: issue.code,
        ...(typeof params.rule === 'string' ? { rule: params.rule } : {}),
        ...(typeof params.value === 'string' ? { value: params.value } : {}),
      };
    }
    default:
      return { path, code: issue.code };
  }
}
