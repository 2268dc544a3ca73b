/** PDF report (issue 10) through pdfkit: summary, then the table, A4 landscape. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import type { ExportRow } from '../store/repositories/exportRows';
import type { ReadingWarningShape, StopStatus } from '../../../shared/contract/entities';
import type { ReviewStatus } from '../../../shared/contract/supervisorEntities';
import { checkpoint, type WriteOptions } from './writeStream';

/**
 * The report says warnings and statuses in words, with the code in brackets for whoever must
 * quote it (issue 17 §2). Typed by the code lists, so a new warning kind or status does not
 * compile until it has its words.
 */
const warningWords: Readonly<Record<ReadingWarningShape['kind'], string>> = {
  highUsage: 'unusually high use',
  lowUsage: 'unusually low use',
  zeroUsage: 'no use',
  rollover: 'counted as rollover',
  lowerThanPrevious: 'lower than the last reading',
  implausibleDemand: 'implausible demand',
  serialMismatch: 'other meter serial',
  readBeforeLastRead: 'clock before the last reading',
};
const reviewWords: Readonly<Record<ReviewStatus, string>> = { pending: 'to review', approved: 'approved', returned: 'returned', edited: 'edited' };
const stopWords: Readonly<Record<StopStatus, string>> = { unread: 'not read', read: 'read', warning: 'read, with warning', skipped: 'skipped' };

const inWords = (words: Readonly<Record<string, string>>, code: string) => (code in words ? `${words[code]} (${code})` : code);
export const warningsText = (json: string) => (JSON.parse(json) as { kind: string }[]).map((w) => inWords(warningWords, w.kind)).join(', ');
export const reviewText = (status: string) => inWords(reviewWords, status);
export const stopText = (status: string) => inWords(stopWords, status);

const PDF_COLUMNS = [
  { title: 'Route', width: 50, of: (r: ExportRow) => r.route ?? '' },
  { title: 'Usage point', width: 80, of: (r: ExportRow) => r.usagePoint },
  { title: 'Meter', width: 80, of: (r: ExportRow) => r.meterSerial },
  { title: 'Register', width: 70, of: (r: ExportRow) => r.register },
  { title: 'Value', width: 70, of: (r: ExportRow) => r.value },
  { title: 'Read at (UTC)', width: 95, of: (r: ExportRow) => r.readAt.slice(0, 16).replace('T', ' ') },
  { title: 'Warnings', width: 80, of: (r: ExportRow) => warningsText(r.warnings) },
  { title: 'Review', width: 55, of: (r: ExportRow) => reviewText(r.reviewStatus) },
] as const;

/** A report: title, summary (counts by stop and review status), then the table, A4 landscape. */
export async function writePdf(rows: Iterable<ExportRow>, path: string, options: WriteOptions & { title?: string; filterText?: string }): Promise<number> {
  const all: ExportRow[] = [];
  for (const r of rows) {
    all.push(r);
    checkpoint(all.length, options);
  }
  // pdfkit's standard 14 fonts (Helvetica) are built in: no font files at run time.
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 36, bufferPages: false, info: { Title: options.title ?? 'Fieldmeter readings', Producer: 'Fieldmeter' } });
  const out = createWriteStream(path);
  doc.pipe(out);
  doc.font('Helvetica-Bold').fontSize(16).text(options.title ?? 'Fieldmeter readings report');
  doc.font('Helvetica').fontSize(9).text(`Created ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. ${options.filterText ?? 'All readings.'}`);
  const count = (f: (r: ExportRow) => string) => [...all.reduce((m, r) => m.set(f(r), (m.get(f(r)) ?? 0) + 1), new Map<string, number>())].map(([k, v]) => `${k || 'none'}: ${v}`).join(', ');
  doc.moveDown(0.5).fontSize(10).text(`Readings: ${all.length}. Meters: ${new Set(all.map((r) => r.meterSerial)).size}. With warnings: ${all.filter((r) => r.warnings !== '[]').length}.`);
  doc.text(`Stop status: ${count((r) => (r.stopStatus ? stopText(r.stopStatus) : ''))}. Review: ${count((r) => reviewText(r.reviewStatus))}.`);
  doc.moveDown(0.8);
  const left = doc.page.margins.left;
  const rowHeight = 14;
  const header = () => {
    doc.font('Helvetica-Bold').fontSize(8);
    let x = left;
    const y = doc.y;
    for (const c of PDF_COLUMNS) {
      doc.text(c.title, x, y, { width: c.width - 4, lineBreak: false });
      x += c.width;
    }
    doc.moveTo(left, y + rowHeight - 3).lineTo(x, y + rowHeight - 3).stroke();
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
      doc.text(c.of(r), x, y, { width: c.width - 4, lineBreak: false, ellipsis: true });
      x += c.width;
    }
    doc.y = y + rowHeight;
    checkpoint(i + 1, options);
  });
  doc.end();
  await once(out, 'finish');
  return all.length;
}
