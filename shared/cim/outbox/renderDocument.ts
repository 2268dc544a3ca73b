/**
 * A visit receipt as the document the enterprise files (issue 24 §3). Its reference travels as
 * 61968-100 Header/Property entries, as a switch reading's CustomerAgreement does: the visit, the
 * verification code the office checks with `fieldmeter receipt verify`, the SHA-256 of the PDF and of
 * the visit data, and one `MeterReadingsMessageID` per MeterReadings message of the visit.
 */
import type { MessageProperty } from '../message/types';
import type { OutboxPayload } from './kinds';

export function visitReceiptDocument(p: OutboxPayload<'visitReceipt'>): { data: string; format: string; properties: MessageProperty[] } {
  const property = (name: string, value: string): MessageProperty => ({ name, value });
  return {
    data: p.pdfBase64,
    format: 'PDF',
    properties: [
      property('DocumentType', 'VisitReceipt'),
      property(p.visit.kind === 'switchOrder' ? 'MeterServiceRequest' : 'WorkOrder', p.visit.id),
      property('UsagePoint', p.usagePoint),
      property('Meter', p.meter),
      property('VerificationCode', `${p.code.slice(0, 5)}-${p.code.slice(5)}`),
      property('VisitDataSHA256', p.dataSha256),
      property('DocumentSHA256', p.pdfSha256),
      property('FileName', p.fileName),
      property('Language', p.language),
      ...p.readingsMessageIds.map((id) => property('MeterReadingsMessageID', id)),
    ],
  };
}
