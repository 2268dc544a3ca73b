/**
 * A calendar day typed as the user writes it: German `07.12.2026` (TT.MM.JJJJ), British English
 * `07/12/2026`, American `12/07/2026` — the order and separator taken from the locale's own date
 * format (Intl, ECMA-402), so a browser drawing `<input type=date>` in another language no longer
 * decides it. Stored and sent as ISO 8601 `YYYY-MM-DD`.
 */
type Part = 'day' | 'month' | 'year';

/** The locale's order of day, month and year and the separator between them. */
export function dayPattern(locale: string): { order: readonly Part[]; separator: string } {
  const parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(
    Date.UTC(2026, 11, 7),
  );
  const order = parts
    .filter((p): p is Intl.DateTimeFormatPart & { type: Part } => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => p.type);
  const separator = parts.find((p) => p.type === 'literal')?.value.trim() || '/';
  return { order, separator };
}

/** `2026-12-07` → `07.12.2026` (de) / `07/12/2026` (en-GB). */
export function formatDay(iso: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  const value: Record<Part, string> = { year: match[1]!, month: match[2]!, day: match[3]! };
  const { order, separator } = dayPattern(locale);
  return order.map((p) => value[p]).join(separator);
}

/**
 * What the user typed as a day, as ISO `YYYY-MM-DD`; null when it is not a real day in that order.
 * Any of . / - or a space separates (a tablet's number keypad has some, not all); day and month may
 * have one digit; a two-digit year is not accepted (which century would be a guess).
 */
export function parseDay(text: string, locale: string): string | null {
  const pieces = text.trim().split(/[./\-\s]+/);
  const { order } = dayPattern(locale);
  if (pieces.length !== 3 || !pieces.every((p) => /^\d+$/.test(p))) return null;
  const value = Object.fromEntries(order.map((part, i) => [part, pieces[i]!])) as Record<Part, string>;
  if (value.year.length !== 4 || value.day.length > 2 || value.month.length > 2) return null;
  const [y, m, d] = [Number(value.year), Number(value.month), Number(value.day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${value.year}-${value.month.padStart(2, '0')}-${value.day.padStart(2, '0')}`;
}
