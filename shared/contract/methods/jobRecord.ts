/**
 * What a finished work order or switch order did on site (issue 17 §3), read back from the
 * database: the readings with their values and units, the seals taken off and put on, the photos,
 * the meter programming and the PAN devices — so the crew and the office see the work, not only
 * the word "Completed".
 */
import { z } from 'zod';

export const jobRecord = z.object({
  readings: z.array(
    z.object({
      meter: z.string(),
      /** final: the meter taken out; initial: the meter put in; reading: a switch or control reading. */
      role: z.enum(['final', 'initial', 'reading']),
      label: z.string(),
      value: z.string(),
      unit: z.string(),
      readAt: z.string(),
      source: z.enum(['manual', 'optical', 'radio', 'wired', 'han', 'estimated']),
    }),
  ),
  sealsRemoved: z.array(z.string()),
  sealsApplied: z.array(z.string()),
  photos: z.number().int().nonnegative(),
  programming: z.array(
    z.object({ operation: z.enum(['timeSync', 'demandReset']), meter: z.string(), result: z.enum(['OK', 'FAILED']), at: z.string() }),
  ),
  panDevices: z.array(
    z.object({ eui64: z.string(), deviceType: z.string(), change: z.enum(['commissioned', 'decommissioned']), at: z.string() }),
  ),
});
export type JobRecord = z.infer<typeof jobRecord>;
