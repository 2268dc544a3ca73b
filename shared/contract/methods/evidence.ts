/** Field evidence of a visit (issue 24 §2–3): the signature at its end and the visit receipt. */
import { z } from 'zod';
import { receiptLanguages, signatureStatuses, visitKinds } from '../../evidence/visit';
import { base64, type MethodSpecs } from './common';

const visitId = z.string().min(1).max(80);
export const visitRef = z.object({ kind: z.enum(visitKinds), id: visitId }).strict();
const signerName = z.string().trim().max(120);
/** The transport's bound only; the Node side refuses anything over MAX_SIGNATURE_BYTES with TOO_LARGE. */
const image = base64(1024 * 1024);

/** Signed by the customer, or by the technician when no one was home (both with the image), or declined (none). */
export const signatureInput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed'), signerName: signerName.min(1), imageBase64: image }).strict(),
  z.object({ status: z.literal('noOneHome'), signerName: signerName.min(1), imageBase64: image }).strict(),
  z.object({ status: z.literal('declined'), signerName: signerName.default('') }).strict(),
]);

export const signatureInfo = z.object({
  status: z.enum(signatureStatuses),
  signerName: z.string(),
  signerRole: z.enum(['customer', 'technician']),
  signedAt: z.string(),
  hasImage: z.boolean(),
});
export type SignatureInfo = z.infer<typeof signatureInfo>;

export const receiptInfo = z.object({
  fileName: z.string(),
  language: z.enum(receiptLanguages),
  /** The verification code, grouped for reading (ABCDE-FGHIJ). */
  code: z.string(),
  createdAt: z.string(),
  /**
   * When just made or asked for: queued to the enterprise as a document (or already queued), or kept
   * on this device because the integration profile names no document endpoint (issue 24 §3).
   */
  sending: z.enum(['queued', 'alreadyQueued', 'noDocumentEndpoint']).optional(),
});
export type ReceiptInfo = z.infer<typeof receiptInfo>;

const evidence = z.object({ signature: signatureInfo.nullable(), receipts: z.array(receiptInfo) });
const language = z.enum(receiptLanguages);

export const evidenceMethods = {
  /** What a finished visit has: its signature (or why none) and the receipts made so far. */
  'evidence.get': { right: 'view', input: z.object({ visit: visitRef }).strict(), output: evidence },
  /** The signature at the end of a switch reading; a disconnect or reconnect also needs the install right (checked with the order). */
  'evidence.signSwitch': {
    right: 'record',
    input: z.object({ switchOrderId: visitId, signature: signatureInput }).strict(),
    output: signatureInfo,
  },
  /** The signature at the end of a meter exchange (installer work, as the exchange itself). */
  'evidence.signWorkOrder': {
    right: 'install',
    input: z.object({ workOrderId: visitId, signature: signatureInput }).strict(),
    output: signatureInfo,
  },
  /** The receipt of a finished switch visit in the customer's language; made once per language and data, never overwritten. */
  'evidence.receiptSwitch': { right: 'record', input: z.object({ switchOrderId: visitId, language }).strict(), output: receiptInfo },
  'evidence.receiptWorkOrder': { right: 'install', input: z.object({ workOrderId: visitId, language }).strict(), output: receiptInfo },
  /** Desktop app: copies a receipt to the place chosen in the save dialog (the web host downloads it instead). */
  'evidence.saveReceiptAs': {
    right: 'view',
    input: z.object({ fileName: z.string().max(40) }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
} as const satisfies MethodSpecs;
