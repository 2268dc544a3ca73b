/**
 * Field evidence of a visit (issue 24 §2–3): who signed, or why no one did, and the data a visit
 * receipt is made of. A visit is a switch order (switch reading, disconnect, reconnect) or a work
 * order (meter exchange, install or removal). Pure: used by the contract, the Node side and the renderer.
 */
export const visitKinds = ['switchOrder', 'workOrder'] as const;
export type VisitKind = (typeof visitKinds)[number];
export interface VisitRef {
  readonly kind: VisitKind;
  readonly id: string;
}

/** signed: the customer signed; noOneHome: the technician signs that no one was home; declined: no image. */
export const signatureStatuses = ['signed', 'declined', 'noOneHome'] as const;
export type SignatureStatus = (typeof signatureStatuses)[number];
export type SignerRole = 'customer' | 'technician';
export const signerRoleOf = (status: SignatureStatus): SignerRole => (status === 'noOneHome' ? 'technician' : 'customer');

/** A signature drawn on a tablet is a few kB of PNG; anything near this is not a signature. */
export const MAX_SIGNATURE_BYTES = 256 * 1024;
/** Twice a wide tablet's CSS pixels at device-pixel-ratio 2 is still far below these. */
export const MAX_SIGNATURE_WIDTH = 2400;
export const MAX_SIGNATURE_HEIGHT = 1200;

export const receiptLanguages = ['en', 'de'] as const;
export type ReceiptLanguage = (typeof receiptLanguages)[number];

/** Where the web host serves a receipt PDF (like an export's download). */
export const RECEIPT_DOWNLOAD_PATH = '/api/receipt/';
/** A receipt's file name: `receipt-<code>-<language>.pdf`, the code without its dash. Nothing else is served. */
export const receiptFileNamePattern = /^receipt-[A-Z2-7]{10}-(en|de)\.pdf$/;

/** What the visit did, in the receipt's words. */
export type VisitWork = 'moveIn' | 'moveOut' | 'supplierChange' | 'disconnect' | 'reconnect' | 'exchange' | 'install' | 'removal';

/**
 * The canonical data of a visit: everything the receipt states, and exactly what its verification
 * code is taken over (canonicalJson.ts). Times are UTC ISO 8601; values exact decimal text. The
 * receipt's language is not part of it: an English and a German receipt of one visit share a code.
 */
export interface VisitRecord {
  readonly format: 'fieldmeter-visit-receipt/1';
  readonly visit: VisitRef;
  readonly work: VisitWork;
  readonly usagePointId: string;
  readonly address: string;
  /** Only when the visit recorded one (the device allowed and had a fix). */
  readonly position: { readonly latitude: number; readonly longitude: number } | null;
  readonly technician: string;
  readonly at: string;
  /** The meter found on site (for an exchange or a removal: the one taken out; for an install: the one put in). */
  readonly meterSerial: string;
  /** An exchange only: the meter put in. */
  readonly newMeterSerial: string | null;
  readonly readings: readonly VisitReading[];
  readonly sealsRemoved: readonly string[];
  readonly sealsApplied: readonly string[];
  /** SHA-256 of each photo of the visit (the register photo first when there is one). */
  readonly photos: readonly string[];
  /** Disconnect/reconnect: the outcome, how it was switched and the meter switch's result. */
  readonly control: { readonly outcome: string; readonly action: string | null; readonly result: string | null } | null;
  readonly note: string;
  readonly signature: {
    readonly status: SignatureStatus;
    readonly signerName: string;
    readonly signerRole: SignerRole;
    readonly signedAt: string;
    readonly imageSha256: string | null;
  } | null;
}

export interface VisitReading {
  readonly meterSerial: string;
  /** The CIM ReadingType code (IEC 61968-9 Annex C), shown small beside the plain words. */
  readonly readingType: string;
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  /** 'final' (meter taken out), 'initial' (meter put in) or 'switch' (the switch reading). */
  readonly purpose: 'final' | 'initial' | 'switch';
}
