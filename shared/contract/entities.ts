/** Shapes that cross the API boundary. Names follow IEC 61968-9 where the CIM has a word for it. */
import { z } from 'zod';
import { stopStatuses } from './choices';
import { isReadingTypeCode } from '../cim/readingType';

const isoDateTime = z.iso.datetime({ offset: true });
const isoDate = z.iso.date();

export const readingTypeCode = z.string().refine(isReadingTypeCode, { message: 'not an IEC 61968-9 ReadingType code (18 dotted numbers)' });

/** A decimal as text ("12345.6"): meter values are exact, never binary floats. */
export const decimalText = z.string().regex(/^\d{1,15}(\.\d{1,6})?$/, 'a non-negative decimal such as 12345.6');

export const routeSummary = z.object({
  id: z.string(),
  name: z.string(),
  importedAt: isoDateTime,
  trainingMode: z.boolean(),
  total: z.number().int(),
  /** Stops read since the route was imported (with or without warnings). */
  read: z.number().int(),
  skipped: z.number().int(),
  /** Of the read stops, those saved with a warning (high, low, rollover…). */
  withWarnings: z.number().int(),
});

export { stopStatuses };
export const stopStatus = z.enum(stopStatuses);
export type StopStatus = z.infer<typeof stopStatus>;

/** Hazards and access conditions shown before the reading form. */
export const hazards = ['dog', 'keyRequired', 'lockedGate', 'unsafe'] as const;
export const hazard = z.enum(hazards);
export type Hazard = z.infer<typeof hazard>;

export const position = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    accuracyM: z.number().min(0).max(100_000).optional(),
  })
  .strict();
export type Position = z.infer<typeof position>;

/** A warning saved with a reading: the same shapes as shared/domain/readingValidation.ts. */
export const readingWarning = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('highUsage'), usage: z.string(), days: z.number(), expectedLow: z.number(), expectedHigh: z.number() }),
  z.object({ kind: z.literal('lowUsage'), usage: z.string(), days: z.number(), expectedLow: z.number(), expectedHigh: z.number() }),
  z.object({ kind: z.literal('zeroUsage'), previous: z.string(), days: z.number() }),
  z.object({ kind: z.literal('rollover'), previous: z.string(), current: z.string(), usage: z.string(), dials: z.number() }),
  z.object({ kind: z.literal('lowerThanPrevious'), previous: z.string(), current: z.string() }),
  z.object({ kind: z.literal('implausibleDemand'), value: z.string(), max: z.number() }),
  z.object({ kind: z.literal('serialMismatch'), expected: z.string(), observed: z.string() }),
  z.object({ kind: z.literal('readBeforeLastRead'), lastReadAt: z.string(), readAt: z.string() }),
]);
export type ReadingWarningShape = z.infer<typeof readingWarning>;

/** How an out-of-range value was accepted: typed a second time identically, or confirmed with a reason. */
export const confirmation = z.discriminatedUnion('method', [
  z.object({ method: z.literal('reentered') }).strict(),
  z.object({ method: z.literal('reason'), reason: z.string().trim().min(3).max(500) }).strict(),
]);
export type Confirmation = z.infer<typeof confirmation>;
export type RouteSummary = z.infer<typeof routeSummary>;

export const meterListItem = z.object({
  usagePointId: z.string(),
  sequence: z.number().int(),
  address: z.string(),
  meterSerial: z.string(),
  accountId: z.string(),
  registerCount: z.number().int(),
  lastReadAt: isoDateTime.nullable(),
  readToday: z.boolean(),
  status: stopStatus,
  hazards: z.array(hazard),
  /** When the enterprise asked for an on-demand read here (open GetMeterReadings), if it did. */
  readRequestedAt: isoDateTime.nullable().optional(),
  /** The enterprise asked the field for a control here (clock set, demand reset) that is still open. */
  controlRequested: z.boolean().optional(),
  /** Where the stop is (WGS 84 degrees), when the route file says: the route map places it there. */
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export type MeterListItem = z.infer<typeof meterListItem>;

export const register = z.object({
  id: z.number().int(),
  readingType: readingTypeCode,
  label: z.string(),
  unit: z.string(),
  dials: z.number().int().min(1).max(12),
  decimals: z.number().int().min(0).max(6),
  /** The meter's multiplier (CT/VT ratio): dial value × multiplier = the quantity in `unit`. */
  multiplier: z.number().positive(),
  /** From the ReadingType's measurement kind and accumulation (shared/cim/readingType `registerKindOf`). */
  kind: z.enum(['cumulative', 'demand', 'instantaneous']),
  lastValue: decimalText.nullable(),
  lastReadAt: isoDateTime.nullable(),
  /**
   * Use per day in the register's unit (`unit`, after the multiplier: kWh/day for a kWh register
   * with a CT ratio of 40 is dial use × 40 per day), from the read list or earlier reads; the
   * high/low check needs it.
   */
  averageDailyUse: z.number().nonnegative().nullable(),
});
export type Register = z.infer<typeof register>;

export const meterDetail = z.object({
  usagePointId: z.string(),
  routeId: z.string(),
  sequence: z.number().int(),
  address: z.string(),
  meterSerial: z.string(),
  accountId: z.string(),
  accessNotes: z.string(),
  hazards: z.array(hazard),
  status: stopStatus,
  lastSkip: z.object({ code: z.string(), note: z.string(), skippedAt: isoDateTime }).nullable(),
  /** When the enterprise asked for an on-demand read here (open GetMeterReadings), if it did. */
  readRequestedAt: isoDateTime.nullable().optional(),
  /** What the enterprise asked the field to do to this meter and is still open (inbound EndDeviceControls). */
  controlsRequested: z.array(z.enum(['timeSync', 'demandReset'])).optional(),
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
  source: z.enum(['manual', 'optical', 'radio', 'wired', 'han', 'estimated']),
  qualities: z.array(z.string()),
  warnings: z.array(readingWarning),
  confirmation: confirmation.nullable(),
});
export type Reading = z.infer<typeof reading>;

/**
 * A problem with a row (or the whole file) of a route read list: where, a code and the values that
 * fill in its words (shared/i18n/importWords.ts), so no sentence crosses to the screen (issue 16).
 */
export const importProblem = z.object({
  line: z.number().int(),
  column: z.string().optional(),
  code: z.string(),
  details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importSummary = z.object({
  routes: z.array(z.string()),
  usagePoints: z.number().int(),
  registers: z.number().int(),
  skippedRows: z.array(importProblem),
  /** Meter keys the file carried, kept sealed in the meter-key store (README "Route CSV"); absent when it carried none. */
  meterKeys: z.number().int().optional(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export { isoDate, isoDateTime };

export const skipCode = z.object({
  code: z.string().regex(/^[a-zA-Z][\w-]{0,39}$/),
  label: z.string().min(1).max(80),
  /** IEC 61968-9 EndDeviceEventType sent with the skip, where the reason is about the device (tamper, damage). */
  endDeviceEventType: z
    .string()
    .regex(/^\d+\.\d+\.\d+\.\d+$/)
    .nullable(),
});
export type SkipCode = z.infer<typeof skipCode>;

export const photoMimeTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const photoInfo = z.object({
  photoId: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string(),
  mimeType: z.enum(photoMimeTypes),
  sizeBytes: z.number().int().positive(),
  addedAt: isoDateTime,
  skipId: z.string().nullable(),
  readingSetId: z.string().nullable(),
});
export type PhotoInfo = z.infer<typeof photoInfo>;
