/**
 * Draws a visit receipt (issue 24 §3) with pdfkit, A4 portrait, in the customer's language. The
 * standard Helvetica is WinAnsi-encoded, which holds the German umlauts and ß, so no font file is
 * needed. The canonical visit data and its code go into the document information dictionary
 * (ISO 32000-1 §14.3.3 allows keys of one's own there): `fieldmeter receipt verify` reads them back.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import PDFDocument from 'pdfkit';
import { groupedCode } from '../../../shared/evidence/canonicalJson';
import { localDateTime, localNumber, receiptText, registerWords } from '../../../shared/evidence/receiptText';
import type { ReceiptLanguage, VisitRecord } from '../../../shared/evidence/visit';

/** Keys of the information dictionary; the data is base64 of its canonical JSON (plain ASCII in the file). */
export const RECEIPT_INFO_KEYS = {
  code: 'FieldmeterReceiptCode',
  data: 'FieldmeterReceiptData',
  sha256: 'FieldmeterReceiptSha256',
} as const;

export interface ReceiptDrawing {
  readonly record: VisitRecord;
  readonly canonical: string;
  readonly sha256: string;
  readonly code: string;
  readonly language: ReceiptLanguage;
  /** The register photo (JPEG or PNG bytes), when the visit has one. */
  readonly photo: Buffer | null;
  /** The signature PNG, when signed. */
  readonly signatureImage: Buffer | null;
}

export async function writeReceiptPdf(path: string, r: ReceiptDrawing): Promise<void> {
  const t = receiptText[r.language];
  const v = r.record;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang: r.language,
    // pdfkit writes every key it is given; its type lists only the standard ones.
    info: {
      Title: `${t.title} ${groupedCode(r.code)}`,
      Author: v.technician,
      Subject: `${t.work[v.work]} · ${v.usagePointId}`,
      Producer: 'Fieldmeter',
      [RECEIPT_INFO_KEYS.code]: r.code,
      [RECEIPT_INFO_KEYS.sha256]: r.sha256,
      [RECEIPT_INFO_KEYS.data]: Buffer.from(r.canonical, 'utf8').toString('base64'),
    } as PDFKit.DocumentInfo,
  });
  const out = createWriteStream(path, { flags: 'wx' });
  doc.pipe(out);
  const width = doc.page.width - 100;
  const field = (label: string, value: string) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${label}: `, { continued: true })
      .font('Helvetica')
      .text(value || '—', { width });
  };

  doc.font('Helvetica-Bold').fontSize(20).text(t.title);
  doc.font('Helvetica').fontSize(12).text(t.work[v.work]).moveDown(0.6);
  field(t.who, v.technician);
  field(t.when, localDateTime(v.at, r.language));
  field(t.where, v.address);
  field(t.usagePoint, v.usagePointId);
  if (v.position) field(t.position, `${v.position.latitude.toFixed(5)}, ${v.position.longitude.toFixed(5)}`);
  field(v.newMeterSerial || v.work === 'removal' ? t.oldMeter : v.work === 'install' ? t.newMeter : t.meter, v.meterSerial);
  if (v.newMeterSerial) field(t.newMeter, v.newMeterSerial);
  if (v.control) field(t.control, t.outcome[v.control.outcome] ?? v.control.outcome);

  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(t.readings);
  for (const reading of v.readings) {
    const words = registerWords(reading.readingType, reading.label, r.language);
    doc.font('Helvetica').fontSize(10).text(`${words} (${t.purpose[reading.purpose]}, ${reading.meterSerial}): `, { continued: true });
    doc.font('Helvetica-Bold').text(`${localNumber(reading.value, r.language)} ${reading.unit}`, { continued: true });
    // The code small beside the words, for the office.
    doc.font('Helvetica').fontSize(7).fillColor('#555555').text(`   ${reading.readingType}`).fillColor('black');
  }
  if (v.readings.length === 0) doc.font('Helvetica').fontSize(10).text(t.none);

  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(t.seals);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(`${t.sealsRemoved}: ${v.sealsRemoved.join(', ') || t.none} · ${t.sealsApplied}: ${v.sealsApplied.join(', ') || t.none}`);
  if (v.note) field(t.note, v.note);

  if (r.photo) {
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(t.photo);
    doc.image(r.photo, { fit: [220, 160] });
  }

  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(12).text(t.signature);
  const s = v.signature;
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(s ? `${t.signed[s.status]}${s.signerName ? `: ${s.signerName}` : ''} · ${localDateTime(s.signedAt, r.language)}` : t.unsigned);
  if (r.signatureImage) doc.image(r.signatureImage, { fit: [260, 110] });

  doc
    .moveDown(1)
    .font('Helvetica-Bold')
    .fontSize(14)
    .text(`${t.code}: ${groupedCode(r.code)}`);
  doc.font('Helvetica').fontSize(8).fillColor('#555555').text(t.codeHelp).fillColor('black');
  doc.end();
  await once(out, 'finish');
}
