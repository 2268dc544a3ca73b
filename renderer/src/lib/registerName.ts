/**
 * The name of a register as a person reads it. A route may name its registers ("Energy day
 * (T1)"); where it names none the importer stores the label made from the ReadingType
 * (defaultRegisterLabel, English), and this shows the name made from the same IEC 61968-9
 * fields — measurement kind, flow direction, time-of-use — in the user's language instead.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRegisterLabel, describeReadingType } from '../../../shared/cim/readingType';
import type { Catalog } from '../i18n/en';
import { de } from '../i18n/de';
import { en } from '../i18n/en';

type Names = Catalog['registerName'];

const fill = (pattern: string, values: Readonly<Record<string, string | number>>) =>
  pattern
    .replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''))
    .replace(/,\s*$/, '')
    .trim();

/** The name made from the ReadingType alone, or "unknown register" for a code that says nothing. */
export function readingTypeName(readingType: string | null, names: Names): string {
  const d = readingType ? describeReadingType(readingType) : null;
  if (!d) return names.unknown;
  const named: Readonly<Record<string, string>> = names.named;
  const kinds: Readonly<Record<string, string>> = names.kind;
  const directions: Readonly<Record<string, string>> = names.direction;
  // Reactive and apparent energy and power (varh, var, VAh, VA) have names of their own: the active
  // names ("Energy delivered") would call a kvarh register what it is not.
  const other = d.component === 'reactive' || d.component === 'apparent' ? d.component : null;
  const kind = other && ['energy', 'power', 'demand'].includes(d.kind) ? `${other}${d.kind === 'energy' ? 'Energy' : 'Power'}` : d.kind;
  const base =
    (kind === d.kind ? (named[`${d.commodity}_${d.kind}`] ?? named[`${d.kind}_${d.direction}`]) : undefined) ??
    (directions[d.direction]
      ? fill(names.pattern, { kind: kinds[kind] ?? names.kind.other, direction: directions[d.direction] ?? '' })
      : (kinds[kind] ?? names.kind.other));
  return d.tou ? fill(names.tou, { name: base, tou: d.tou }) : base;
}

/** The route's own label where it gave one; otherwise the name from the ReadingType. */
export function registerName(label: string, readingType: string, names: Names): string {
  const derived = !label.trim() || label === readingType || label === defaultRegisterLabel(readingType);
  return derived ? readingTypeName(readingType, names) : label;
}

/** The same function while the language stays, so a memoised row that takes it is not drawn again. */
export function useRegisterName(): (label: string, readingType: string) => string {
  const { i18n } = useTranslation();
  const names = (i18n.language === 'de' ? de : en).registerName;
  return useMemo(() => (label: string, readingType: string) => registerName(label, readingType, names), [names]);
}
