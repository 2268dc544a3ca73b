/** Signatures and receipts of a visit (migration 17), and the facts a receipt is made of. */
import type { ReceiptLanguage, SignatureStatus, SignerRole, VisitKind, VisitRef } from '../../../../shared/evidence/visit';
import type { Db } from '../database';

export interface SignatureRow {
  id: string;
  visit: VisitRef;
  usagePointId: string;
  status: SignatureStatus;
  signerName: string;
  signerRole: SignerRole;
  imageSha256: string | null;
  width: number | null;
  height: number | null;
  sizeBytes: number | null;
  signedAt: string;
  recordedBy: string;
}

export interface ReceiptRow {
  visit: VisitRef;
  usagePointId: string;
  language: ReceiptLanguage;
  code: string;
  dataSha256: string;
  fileName: string;
  createdAt: string;
  createdBy: string;
}

interface RawSignature {
  id: string;
  visit_kind: VisitKind;
  visit_id: string;
  usage_point_id: string;
  status: SignatureStatus;
  signer_name: string;
  signer_role: SignerRole;
  image_sha256: string | null;
  width: number | null;
  height: number | null;
  size_bytes: number | null;
  signed_at: string;
  recorded_by: string;
}
interface RawReceipt {
  visit_kind: VisitKind;
  visit_id: string;
  usage_point_id: string;
  language: ReceiptLanguage;
  code: string;
  data_sha256: string;
  file_name: string;
  created_at: string;
  created_by: string;
}

const toSignature = (r: RawSignature): SignatureRow => ({
  id: r.id,
  visit: { kind: r.visit_kind, id: r.visit_id },
  usagePointId: r.usage_point_id,
  status: r.status,
  signerName: r.signer_name,
  signerRole: r.signer_role,
  imageSha256: r.image_sha256,
  width: r.width,
  height: r.height,
  sizeBytes: r.size_bytes,
  signedAt: r.signed_at,
  recordedBy: r.recorded_by,
});
const toReceipt = (r: RawReceipt): ReceiptRow => ({
  visit: { kind: r.visit_kind, id: r.visit_id },
  usagePointId: r.usage_point_id,
  language: r.language,
  code: r.code,
  dataSha256: r.data_sha256,
  fileName: r.file_name,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function createEvidenceRepository(db: Db) {
  const insertSignature = db.prepare(
    `INSERT INTO visit_signatures (id, visit_kind, visit_id, usage_point_id, status, signer_name, signer_role, image_sha256, width, height, size_bytes, signed_at, recorded_by)
     VALUES (@id, @visitKind, @visitId, @usagePointId, @status, @signerName, @signerRole, @imageSha256, @width, @height, @sizeBytes, @signedAt, @recordedBy)`,
  );
  const signatureOf = db.prepare('SELECT * FROM visit_signatures WHERE visit_kind = ? AND visit_id = ?');
  const insertReceipt = db.prepare(
    `INSERT INTO visit_receipts (visit_kind, visit_id, usage_point_id, language, code, data_sha256, file_name, created_at, created_by)
     VALUES (@visitKind, @visitId, @usagePointId, @language, @code, @dataSha256, @fileName, @createdAt, @createdBy)`,
  );
  const receiptsOf = db.prepare('SELECT * FROM visit_receipts WHERE visit_kind = ? AND visit_id = ? ORDER BY id');
  const receiptByName = db.prepare('SELECT * FROM visit_receipts WHERE file_name = ?');
  return {
    insertSignature(s: SignatureRow) {
      insertSignature.run({ ...s, visitKind: s.visit.kind, visitId: s.visit.id });
    },
    signature(visit: VisitRef): SignatureRow | null {
      const row = signatureOf.get(visit.kind, visit.id) as RawSignature | undefined;
      return row ? toSignature(row) : null;
    },
    insertReceipt(r: ReceiptRow) {
      insertReceipt.run({ ...r, visitKind: r.visit.kind, visitId: r.visit.id });
    },
    receipts(visit: VisitRef): ReceiptRow[] {
      return (receiptsOf.all(visit.kind, visit.id) as RawReceipt[]).map(toReceipt);
    },
    receiptByFileName(fileName: string): ReceiptRow | null {
      const row = receiptByName.get(fileName) as RawReceipt | undefined;
      return row ? toReceipt(row) : null;
    },
  };
}
export type EvidenceRepository = ReturnType<typeof createEvidenceRepository>;
