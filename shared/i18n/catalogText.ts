/**
 * Reading a catalog outside i18next (the CLI, the reports, the Node log, tests): the words at a
 * dotted key, and `{{name}}` placeholders filled as i18next fills them, so a sentence reads the same
 * wherever it is said.
 */

/** The words at a dotted key of a catalog (or a section of one), or undefined. */
export function wordsAt(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Fills a catalog line's `{{placeholders}}`; a placeholder without a value stays as written. */
export const fill = (text: string, values: Readonly<Record<string, string | number>>): string =>
  text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
