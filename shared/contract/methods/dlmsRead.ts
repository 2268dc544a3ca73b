/**
 * A DLMS/COSEM meter read at a stop through the optical probe (issue 22 item 2/3): mode E, HDLC,
 * the registers saved as the stop's reading and the load profile for the chosen days queued as
 * MeterReadings with IntervalBlocks. What the screen shows: words for the clock and the
 * disconnect control are made in the renderer from these fields.
 */
import { z } from 'zod';
import { usagePointId } from './common';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const dlmsReadInput = z
  .object({
    usagePointId,
    port: z.string().min(1).max(260),
    /** The load profile's first and last day (UTC); none: registers, clock and disconnect state only. */
    from: day.optional(),
    to: day.optional(),
    /** Why a meter whose serial does not match (or is not given) is read anyway. */
    note: z.string().max(500).optional(),
    /** Confirms values outside the expected range, with the reason. */
    confirmReason: z.string().min(3).max(500).optional(),
    operationId: z.string().min(1).max(64).optional(),
  })
  .strict();

/** An object the meter offers (its association's object list, Blue Book §4.4.3): the screen groups them. */
export const offeredObject = z.object({ obis: z.string(), classId: z.number().int(), version: z.number().int() });

/** What the meter offers (contract `optical.dlmsObjects`): null when its object list could not be read. */
export const dlmsObjectsResult = z.object({
  manufacturer: z.string(),
  ident: z.string(),
  objects: z.array(offeredObject).nullable(),
});

export const dlmsReadResult = z.object({
  manufacturer: z.string(),
  ident: z.string(),
  baud: z.number().int(),
  meterSerial: z.string().nullable(),
  clock: z.object({ meterTime: z.string(), hostTime: z.string(), driftS: z.number() }).nullable(),
  disconnect: z
    .object({
      outputConnected: z.boolean().nullable(),
      controlState: z.enum(['disconnected', 'connected', 'ready-for-reconnection']).nullable(),
    })
    .nullable(),
  /** `readingType`: what the register measures (the ReadingType its OBIS code and unit map to), for its name in words; null when unmapped. */
  registers: z.array(
    z.object({ obis: z.string(), value: z.string().nullable(), unit: z.string().nullable(), readingType: z.string().nullable() }),
  ),
  profile: z
    .object({
      capturePeriodS: z.number().int(),
      channels: z.array(z.object({ obis: z.string(), unit: z.string().nullable(), readingType: z.string().nullable() })),
      intervals: z.array(z.object({ end: z.string(), status: z.array(z.string()), values: z.array(z.string().nullable()) })),
    })
    .nullable(),
  /** The meter's object list as this read found it (null: not read); the screen offers a load profile only when one is listed. */
  objects: z.array(offeredObject).nullable().optional(),
  savedReadings: z.number().int(),
  profileMessageId: z.string().nullable(),
});
export type DlmsReadResult = z.infer<typeof dlmsReadResult>;
export type DlmsObjectsResult = z.infer<typeof dlmsObjectsResult>;
