/**
 * Words that both the screen and the supervisor's PDF report say (issue 17 §2: the report in the
 * user's language, never a raw code). The renderer's catalogs take their status and warning words
 * from here, so the report and the screen cannot drift apart; the PDF's own labels (column titles,
 * the summary's sentences) live beside them. German has the same keys (the type makes a missing one
 * an error).
 */
import type { ReadingWarningShape, StopStatus } from '../contract/entities';
import type { ReviewStatus } from '../contract/supervisorEntities';

export type ReportLanguage = 'en' | 'de';

type Words<K extends string> = Readonly<Record<K, string>>;

const en = {
  warningKind: {
    highUsage: 'Unusually high use',
    lowUsage: 'Unusually low use',
    zeroUsage: 'No use',
    rollover: 'Counted as rollover',
    lowerThanPrevious: 'Lower than the last reading',
    implausibleDemand: 'Implausible demand',
    serialMismatch: 'Other meter serial',
    readBeforeLastRead: 'Clock before the last reading',
  } satisfies Words<ReadingWarningShape['kind']>,
  reviewStatus: { pending: 'To review', approved: 'Approved', returned: 'Returned', edited: 'Edited' } satisfies Words<ReviewStatus>,
  stopStatus: { unread: 'Not read', read: 'Read', warning: 'Read, with warning', skipped: 'Skipped' } satisfies Words<StopStatus>,
  report: {
    title: 'Fieldmeter readings report',
    created: 'Created {{when}}.',
    allReadings: 'All readings.',
    filter: 'Filter: {{filter}}.',
    filterParts: {
      from: 'from {{value}}',
      to: 'to {{value}}',
      route: 'route {{value}}',
      status: 'status {{value}}',
      type: 'type {{value}}',
    },
    counts: 'Readings: {{readings}}. Meters: {{meters}}. With warnings: {{warnings}}.',
    statusCounts: 'Stop status: {{stops}}. Review: {{reviews}}.',
    none: 'none',
    columns: {
      route: 'Route',
      usagePoint: 'Usage point',
      meter: 'Meter',
      register: 'Register',
      value: 'Value',
      readAt: 'Read at',
      warnings: 'Warnings',
      review: 'Review',
    },
  },
};

export type ReportWords = typeof en;

const de: ReportWords = {
  warningKind: {
    highUsage: 'Ungewöhnlich hoher Verbrauch',
    lowUsage: 'Ungewöhnlich niedriger Verbrauch',
    zeroUsage: 'Kein Verbrauch',
    rollover: 'Als Zählerüberlauf gewertet',
    lowerThanPrevious: 'Niedriger als der letzte Stand',
    implausibleDemand: 'Unplausible Leistung',
    serialMismatch: 'Andere Zählernummer',
    readBeforeLastRead: 'Uhrzeit vor dem letzten Stand',
  },
  reviewStatus: { pending: 'Zu prüfen', approved: 'Freigegeben', returned: 'Zurückgegeben', edited: 'Korrigiert' },
  stopStatus: { unread: 'Nicht abgelesen', read: 'Abgelesen', warning: 'Abgelesen, mit Warnung', skipped: 'Übersprungen' },
  report: {
    title: 'Fieldmeter-Ablesebericht',
    created: 'Erstellt am {{when}}.',
    allReadings: 'Alle Zählerstände.',
    filter: 'Filter: {{filter}}.',
    filterParts: { from: 'ab {{value}}', to: 'bis {{value}}', route: 'Route {{value}}', status: 'Status {{value}}', type: 'Art {{value}}' },
    counts: 'Zählerstände: {{readings}}. Zähler: {{meters}}. Mit Warnungen: {{warnings}}.',
    statusCounts: 'Status der Stationen: {{stops}}. Prüfung: {{reviews}}.',
    none: 'keiner',
    columns: {
      route: 'Route',
      usagePoint: 'Messstelle',
      meter: 'Zähler',
      register: 'Zählwerk',
      value: 'Stand',
      readAt: 'Abgelesen am',
      warnings: 'Warnungen',
      review: 'Prüfung',
    },
  },
};

export const reportWords: Readonly<Record<ReportLanguage, ReportWords>> = { en, de };

/** Fills `{{name}}` placeholders (the renderer's i18next syntax, so the same sentences read alike). */
export { fill } from './catalogText';

/** A date and time as the reader writes it (de: 06.12.2026, 22:34), with the zone named. */
export function reportDateTime(iso: string, language: ReportLanguage, timeZone?: string): string {
  const fields = { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { ...fields, ...(timeZone ? { timeZone } : {}) }).format(
    new Date(iso),
  );
}
