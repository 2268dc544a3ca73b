/** Supervisor work (issue 10): profiles and roles, the review queue, the audit trail, exports. */
import { z } from 'zod';
import { decimalText } from '../entities';
import { auditEntry, dashboard, exportFileName, exportFilter, exportFormat, reviewItem, reviewStatus } from '../supervisorEntities';
import { locales } from './app';
import { nothing, type MethodSpecs } from './common';

const subject = { kind: z.enum(['reading_set', 'skip']), id: z.string().min(1).max(64) };
const comment = z.string().trim().min(1, 'a comment the technician can act on').max(2000);

export const supervisorMethods = {
  'review.list': {
    right: 'supervise',
    input: z.object({ status: reviewStatus.optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(reviewItem),
  },
  'review.approve': { right: 'supervise', input: z.object(subject).strict(), output: reviewItem },
  'review.return': { right: 'supervise', input: z.object({ ...subject, comment }).strict(), output: reviewItem },
  'review.edit': {
    right: 'supervise',
    input: z.object({ readingId: z.number().int().positive(), value: decimalText, reason: comment }).strict(),
    output: reviewItem,
  },
  /** Progress per route, technician and day (the last `days` days with visits), warnings, outbox backlog. */
  'dashboard.get': { right: 'view', input: z.object({ days: z.number().int().min(1).max(366).default(14) }).strict(), output: dashboard },
  'audit.list': {
    right: 'supervise',
    input: z.object({ search: z.string().max(200).default(''), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(auditEntry),
  },
  'export.run': {
    right: 'supervise',
    /** `language`: the PDF report's words (the supervisor's UI language); CSV and XML carry codes only. */
    input: z.object({ format: exportFormat, filter: exportFilter.default({}), language: z.enum(locales).default('en') }).strict(),
    output: z.object({ path: z.string(), fileName: exportFileName, rows: z.number().int(), bytes: z.number().int() }),
  },
  /** Desktop app: copies an export to the place chosen in a save dialog; null when the dialog was cancelled. */
  'export.saveAs': {
    right: 'supervise',
    input: z.object({ fileName: exportFileName }).strict(),
    output: z.object({ path: z.string().nullable() }),
  },
  /**
   * Gets the export ready while the supervisor sets the filter (the Export panel asks when it opens
   * and while it stays open): the first large export is then as fast as the next. A no-op for other roles.
   */
  'export.prepare': { right: 'supervise', input: nothing, output: z.object({ ready: z.boolean() }) },
  /** Stops the running export; its partial file is removed. */
  'export.cancel': { right: 'supervise', input: nothing, output: z.object({ cancelled: z.boolean() }) },
} as const satisfies MethodSpecs;

/** Pushed while an export runs (rows written of total), so the Review screen shows a progress bar. */
export const exportProgress = z.object({ format: exportFormat, done: z.number().int(), total: z.number().int() });
