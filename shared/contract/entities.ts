/** Shapes that cross the API boundary. Names follow IEC 61968-9 where the CIM has a word for it. */
import { z } from 'zod';
import { isReadingTypeCode } from '../cim/readingType';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const readingTypeCode = z
  .string()
  .refine(isReadingTypeCode, { message: 'not an IEC 61968-9 ReadingType code (18 dotted numbers)' });

/** A decimal as text ("12345.6"): meter values are exact, never binary floats. */
export const decimalText = z.string().regex(/^\d{1,15}(\.\d{1,6})?$/, 'a non-negative decimal such as 12345.6');

export const routeSummary = z.object({
  id: z.string(),
  name: z.string(),
  importedAt: isoDateTime,
  trainingMode: z.boolean(),
  total: z.number().int(),
  read: z.number().int(),
});
export type RouteSummary = z.infer<typeof routeSummary>;

export const meterListItem = z.object({
  usagePointId: z.string(),
  sequence: z.number().int(),
  address: z.string(),
  meterSerial: z.string(),
  registerCount: z.number().int(),
  lastReadAt: isoDateTime.nullable(),
  readToday: z.boolean(),
});
export type MeterListItem = z.infer<typeof meterListItem>;

export const register = z.object({
  id: z.number().int(),
  readingType: readingTypeCode,
  label: z.string(),
  unit: z.string(),
  dials: z.number().int().min(1).max(12),
  decimals: z.number().int().min(0).max(6),
  multiplier: z.number().positive(),
  lastValue: decimalText.nullable(),
  lastReadAt: isoDateTime.nullable(),
});
export type Register = z.infer<typeof register>;

export const meterDetail = z.object({
  usagePointId: z.string(),
  routeId: z.string(),
  sequence: z.number().int(),
  address: z.string(),
  meterSerial: z.string(),
  registers: z.array(register),
  previousId: z.string().nullable(),
  nextId: z.string().nullable(),
});
export type MeterDetail = z.infer<typeof meterDetail>;

export const reading = z.object({
  id: z.number().int(),
  readingSetId: z.string(),
  usagePointId: z.string(),
  meterSerial: z.string(),
  registerId: z.number().int(),
  readingType: readingTypeCode,
  value: decimalText,
  readAt: isoDateTime,
  source: z.enum(['manual', 'optical', 'estimated']),
  qualities: z.array(z.string()),
});
export type Reading = z.infer<typeof reading>;

export const importProblem = z.object({
  line: z.number().int(),
  column: z.string().optional(),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importSummary = z.object({
  routes: z.array(z.string()),
  usagePoints: z.number().int(),
  registers: z.number().int(),
  skippedRows: z.array(importProblem),
});
export type ImportSummary = z.infer<typeof importSummary>;

export { isoDate, isoDateTime };
