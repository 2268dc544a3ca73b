/**
 * Meter keys (issue 23 §5): a supervisor imports the utility's key file and deletes keys; anyone
 * signed in sees how many the device holds. No method ever returns a key.
 */
import { z } from 'zod';
import { nothing, type MethodSpecs } from './common';

export const meterKeyKind = z.enum(['mbus', 'dlms.encryption', 'dlms.authentication', 'dlms.password']);

export const meterKeyCounts = z.object({
  mbus: z.number().int(),
  'dlms.encryption': z.number().int(),
  'dlms.authentication': z.number().int(),
  /** LLS passwords of DLMS meters (IEC 62056-5-3 low-level security). */
  'dlms.password': z.number().int(),
  total: z.number().int(),
});
export type MeterKeyCounts = z.infer<typeof meterKeyCounts>;

export const meterKeyMethods = {
  'meterKeys.import': {
    right: 'supervise',
    input: z.object({ fileName: z.string().min(1).max(255), content: z.string().max(20_000_000) }).strict(),
    output: z.object({ imported: z.number().int(), replaced: z.number().int() }),
  },
  'meterKeys.count': { right: 'view', input: nothing, output: meterKeyCounts },
  'meterKeys.delete': {
    right: 'supervise',
    input: z
      .object({
        manufacturer: z
          .string()
          .regex(/^([A-Za-z]{3})?$/)
          .default(''),
        id: z.string().min(1).max(64),
        kind: meterKeyKind.optional(),
      })
      .strict(),
    output: z.object({ deleted: z.number().int() }),
  },
} as const satisfies MethodSpecs;
