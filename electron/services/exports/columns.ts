/**
 * The export's column set (issue 10), the same for CSV, the PDF table and the CLI. Documented in
 * README "Export columns"; changing it changes the file format utilities script against.
 */
import type { ExportRow } from '../store/repositories/exportRows';

export const exportColumns = [
  { key: 'route', header: 'route', of: (r: ExportRow) => r.route ?? '' },
  { key: 'sequence', header: 'sequence', of: (r: ExportRow) => (r.sequence === null ? '' : String(r.sequence)) },
  { key: 'usage_point', header: 'usage_point', of: (r: ExportRow) => r.usagePoint },
  { key: 'address', header: 'address', of: (r: ExportRow) => r.address },
  { key: 'meter_serial', header: 'meter_serial', of: (r: ExportRow) => r.meterSerial },
  { key: 'register', header: 'register', of: (r: ExportRow) => r.register },
  { key: 'reading_type', header: 'reading_type', of: (r: ExportRow) => r.readingType },
  { key: 'value', header: 'value', of: (r: ExportRow) => r.value },
  { key: 'read_at', header: 'read_at', of: (r: ExportRow) => r.readAt },
  { key: 'source', header: 'source', of: (r: ExportRow) => r.source },
  { key: 'qualities', header: 'qualities', of: (r: ExportRow) => (JSON.parse(r.qualities) as string[]).join(' ') },
  { key: 'warnings', header: 'warnings', of: (r: ExportRow) => (JSON.parse(r.warnings) as { kind: string }[]).map((w) => w.kind).join(' ') },
  { key: 'stop_status', header: 'stop_status', of: (r: ExportRow) => r.stopStatus ?? '' },
  { key: 'review_status', header: 'review_status', of: (r: ExportRow) => r.reviewStatus },
  { key: 'edited_from', header: 'edited_from', of: (r: ExportRow) => (r.editedFrom === null ? '' : String(r.editedFrom)) },
  { key: 'reading_id', header: 'reading_id', of: (r: ExportRow) => String(r.readingId) },
] as const;

export const toRecord = (row: ExportRow): string[] => exportColumns.map((c) => c.of(row));
