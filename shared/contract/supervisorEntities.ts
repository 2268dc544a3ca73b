/** What the supervisor's screens show (issue 10): profiles, review items, audit rows, exports. */
import { z } from 'zod';
import { exportFormats, roles, workTypes } from './choices';
import { decimalText, readingWarning, stopStatus } from './entities';

export { exportFormats, roles, workTypes };
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const profile = z.object({ name: z.string().min(1).max(80), role });
export type Profile = z.infer<typeof profile>;

export const reviewStatuses = ['pending', 'approved', 'returned', 'edited'] as const;
export const reviewStatus = z.enum(reviewStatuses);
export type ReviewStatus = z.infer<typeof reviewStatus>;

export const reviewItem = z.object({
  kind: z.enum(['reading_set', 'skip']),
  id: z.string(),
  usagePointId: z.string(),
  meterSerial: z.string(),
  route: z.string().nullable(),
  at: z.string(),
  technician: z.string().nullable(),
  /** Warning kinds of the readings, or the skip's trouble code. */
  reasons: z.array(z.string()),
  note: z.string(),
  status: reviewStatus,
  comment: z.string(),
  readings: z.array(
    z.object({
      id: z.number().int(),
      label: z.string(),
      readingType: z.string(),
      value: decimalText,
      warnings: z.array(readingWarning),
      editedFrom: z.number().int().nullable(),
    }),
  ),
});
export type ReviewItem = z.infer<typeof reviewItem>;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** JSON text: before/after where the action has them. */
  details: z.string(),
});
export type AuditEntryRow = z.infer<typeof auditEntry>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-11-23');
export const workType = z.enum(workTypes);
export const exportFilter = z
  .object({
    from: isoDay.optional(),
    to: isoDay.optional(),
    route: z.string().min(1).max(64).optional(),
    status: stopStatus.optional(),
    type: workType.optional(),
  })
  .strict();
export type ExportFilter = z.infer<typeof exportFilter>;
export const exportFormat = z.enum(exportFormats);
export type ExportFormat = z.infer<typeof exportFormat>;
/** An export file as the export names it in exports/: no folder, no other ending (the download and save-as accept only this). */
export const exportFileName = z.string().regex(/^fieldmeter-[0-9A-Za-z-]{1,64}\.(csv|xml|pdf)$/, 'the name of an export file');
/** The web host serves an export file at this path plus its name (GET, Authorization: Bearer). */
export const EXPORT_DOWNLOAD_PATH = '/api/export/';

const count = z.number().int().min(0);
/** Route stops by outcome; `warnings` are done stops whose visit was saved with a warning. */
const stopProgress = { done: count, skipped: count, toDo: count, warnings: count };
/** The supervisor's dashboard: progress per route, technician and day, warnings, outbox backlog. */
export const dashboard = z.object({
  at: z.string(),
  totals: z.object(stopProgress),
  routes: z.array(z.object({ route: z.string(), name: z.string(), ...stopProgress })),
  /** Visits saved and skipped by each person (from the audit log). */
  technicians: z.array(z.object({ technician: z.string(), done: count, skipped: count, warnings: count })),
  /** Stops visited per UTC day, oldest first; `toDo` is what was left at the end of that day. */
  days: z.array(z.object({ day: z.string(), ...stopProgress })),
  warnings: z.object({ readings: count, visits: count, toReview: count }),
  outbox: z.object({ pending: count, rejected: count, sent: count }),
});
export type Dashboard = z.infer<typeof dashboard>;
