/**
 * Locale-correct number input: a German user types "1.234,5", an English one "1,234.5".
 * Both become the canonical decimal text "1234.5" before anything is stored or sent.
 */
export interface Separators {
  readonly group: string;
  readonly decimal: string;
}

export function separatorsFor(locale: string): Separators {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Parses what a person typed into canonical decimal text, or null when it is not a number
 * in that locale. Group separators are optional but, when present, must group by three.
 */
export function parseLocaleDecimal(text: string, locale: string): string | null {
  const { group, decimal } = separatorsFor(locale);
  // Some locales group with a no-break space; accept an ordinary space for it.
  const groupPattern = /\s/.test(group) ? '[\\s\\u00a0\\u202f]' : escape(group);
  const pattern = new RegExp(`^(\\d{1,3}(?:${groupPattern}\\d{3})+|\\d+)(?:${escape(decimal)}(\\d+))?$`);
  const match = pattern.exec(text.trim());
  if (!match) return null;
  const whole = (match[1] ?? '').replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Shows canonical decimal text in the locale, keeping every digit (no float rounding). */
export function formatDecimal(value: string, locale: string, minimumDecimals = 0): string {
  const { group, decimal } = separatorsFor(locale);
  const [whole = '0', fraction = ''] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const digits = fraction.padEnd(minimumDecimals, '0');
  return digits ? `${grouped}${decimal}${digits}` : grouped;
}
