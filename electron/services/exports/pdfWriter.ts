/** PDF report (issue 10) through pdfkit: summary, then the table, A4 landscape. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import type { ExportRow } from '../store/repositories/exportRows';
import { localNumber } from '../../../shared/evidence/receiptText';
import { fill, reportDateTime, reportWords, type ReportLanguage, type ReportWords } from '../../../shared/i18n/reportWords';
import { checkpoint, type WriteOptions } from './writeStream';

/**
 * The report says warnings and statuses in the reader's words, with the code in brackets for whoever
 * must quote it (issue 17 §2); the words are the screen's own (shared/i18n/reportWords.ts), typed by
 * the code lists, so a new warning kind or status does not compile until it has its words.
 */
const inWords = (words: Readonly<Record<string, string>>, code: string) => (code in words ? `${words[code]} (${code})` : code);
export const warningsText = (json: string, language: ReportLanguage = 'en') =>
  (JSON.parse(json) as { kind: string }[]).map((w) => inWords(reportWords[language].warningKind, w.kind)).join(', ');
export const reviewText = (status: string, language: ReportLanguage = 'en') => inWords(reportWords[language].reviewStatus, status);
export const stopText = (status: string, language: ReportLanguage = 'en') => inWords(reportWords[language].stopStatus, status);

type Column = {
  key: keyof ReportWords['report']['columns'];
  width: number;
  of(r: ExportRow, language: ReportLanguage, when: (iso: string) => string): string;
};
const PDF_COLUMNS: readonly Column[] = [
  { key: 'route', width: 50, of: (r) => r.route ?? '' },
  { key: 'usagePoint', width: 80, of: (r) => r.usagePoint },
  { key: 'meter', width: 80, of: (r) => r.meterSerial },
  { key: 'register', width: 70, of: (r) => r.register },
  { key: 'value', width: 70, of: (r, language) => localNumber(r.value, language) },
  { key: 'readAt', width: 105, of: (r, _language, when) => when(r.readAt) },
  { key: 'warnings', width: 80, of: (r, language) => warningsText(r.warnings, language) },
  { key: 'review', width: 55, of: (r, language) => reviewText(r.reviewStatus, language) },
];

export interface PdfOptions extends WriteOptions {
  readonly title?: string | undefined;
  /** The filter in the reader's words (runExport.ts describeFilter). */
  readonly filterText?: string | undefined;
  readonly language?: ReportLanguage | undefined;
  /** Dates in this IANA zone (default: the device's). */
  readonly timeZone?: string | undefined;
}

/** A report: title, summary (counts by stop and review status), then the table, A4 landscape. */
export async function writePdf(rows: Iterable<ExportRow>, path: string, options: PdfOptions): Promise<number> {
  const language = options.language ?? 'en';
  const words = reportWords[language].report;
  const dates = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  const when = (iso: string) => dates.format(new Date(iso));
  const created = fill(words.created, { when: reportDateTime(new Date().toISOString(), language, options.timeZone) });
  const all: ExportRow[] = [];
  for (const r of rows) {
    all.push(r);
    checkpoint(all.length, options);
  }
  // pdfkit's standard 14 fonts (Helvetica) are built in: no font files at run time.
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 36,
    bufferPages: false,
    info: { Title: options.title ?? words.title, Producer: 'Fieldmeter' },
  });
  const out = createWriteStream(path);
  doc.pipe(out);
  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(options.title ?? words.title);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`${created} ${options.filterText ? fill(words.filter, { filter: options.filterText }) : words.allReadings}`);
  const count = (f: (r: ExportRow) => string) =>
    [...all.reduce((m, r) => m.set(f(r), (m.get(f(r)) ?? 0) + 1), new Map<string, number>())]
      .map(([k, v]) => `${k || words.none}: ${v}`)
      .join(', ');
  doc
    .moveDown(0.5)
    .fontSize(10)
    .text(
      fill(words.counts, {
        readings: all.length,
        meters: new Set(all.map((r) => r.meterSerial)).size,
        warnings: all.filter((r) => r.warnings !== '[]').length,
      }),
    );
  doc.text(
    fill(words.statusCounts, {
      stops: count((r) => (r.stopStatus ? stopText(r.stopStatus, language) : '')),
      reviews: count((r) => reviewText(r.reviewStatus, language)),
    }),
  );
  doc.moveDown(0.8);
  const left = doc.page.margins.left;
  const rowHeight = 14;
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(8);
    let x = left;
    const y = doc.y;
    for (const c of PDF_COLUMNS) {
      doc.text(words.columns[c.key], x, y, { width: c.width - 4, lineBreak: false });
      x += c.width;
    }
    doc
      .moveTo(left, y + rowHeight - 3)
      .lineTo(x, y + rowHeight - 3)
      .stroke();
    doc.y = y + rowHeight;
    doc.font('Helvetica');
  };
  header();
  all.forEach((r, i) => {
    if (doc.y + rowHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      header();
    }
    const y = doc.y;
    let x = left;
    for (const c of PDF_COLUMNS) {
      doc.text(c.of(r, language, when), x, y, { width: c.width - 4, lineBreak: false, ellipsis: true });
      x += c.width;
    }
    doc.y = y + rowHeight;
    checkpoint(i + 1, options);
  });
  doc.end();
  await once(out, 'finish');
  return all.length;
}
