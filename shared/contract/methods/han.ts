/**
 * Listening to a meter's HAN/P1 customer port at a stop (issue 22: "a technician at a home with a
 * HAN/P1 port that pushes encrypted DLMS frames gets the values with the meter's key"). The Node
 * side opens the port, decrypts each push with the key of the meter its system title names (or
 * of the stop's meter) and keeps the last one; keys never cross. A push that could not be opened
 * comes with its reason code and no values.
 */
import { z } from 'zod';
import { dlmsReasons } from '../../dlms/errors';
import { nothing, usagePointId, type MethodSpecs } from './common';

/** 2400 baud: Nordic HAN and Austrian M-Bus; 115200: P1 (Luxembourg Smarty, DSMR 5). */
export const hanBauds = [2400, 9600, 19200, 38400, 115200] as const;

export const hanOutcomes = ['values', 'cannotDecrypt', 'replay', 'unreadable'] as const;

export const hanState = z.object({
  active: z.boolean(),
  usagePointId: z.string().nullable(),
  port: z.string().nullable(),
  baud: z.number().int().nullable(),
  startedAt: z.string().nullable(),
  /** Why listening stopped on its own; a code the renderer translates. */
  stoppedBecause: z.enum(['unplugged']).nullable(),
  /** Pushes heard since the start, whatever became of them. */
  heard: z.number().int(),
  last: z
    .object({
      heardAt: z.string(),
      outcome: z.enum(hanOutcomes),
      /** Why the push gave no values (dlms.decrypt, dlms.no-key, dlms.replay, dlms.fcs…): a code the renderer says from errors.reason.dlms.*. */
      reason: z.enum(dlmsReasons).nullable(),
      systemTitle: z.string().nullable(),
      invocationCounter: z.number().int().nullable(),
      meterSerial: z.string().nullable(),
      /** When the meter says it measured them (the push's date-time), else null. */
      sentAt: z.string().nullable(),
      /** `readingType`: what the value measures (its OBIS code and unit mapped), for its name in words; null when unmapped. */
      values: z.array(
        z.object({ obis: z.string(), value: z.string().nullable(), unit: z.string().nullable(), readingType: z.string().nullable() }),
      ),
    })
    .nullable(),
  readingSetId: z.string().nullable(),
});
export type HanState = z.infer<typeof hanState>;

export const hanMethods = {
  'han.start': {
    right: 'record',
    input: z
      .object({
        usagePointId,
        port: z.string().min(1).max(260),
        baud: z
          .number()
          .int()
          .refine((b) => (hanBauds as readonly number[]).includes(b))
          .default(2400),
      })
      .strict(),
    output: hanState,
  },
  'han.state': { right: 'view', input: nothing, output: hanState },
  'han.stop': { right: 'record', input: nothing, output: hanState },
  /** The last push's values as the stop's reading, through the same checks as every reading. */
  'han.save': {
    right: 'record',
    input: z
      .object({
        usagePointId,
        note: z.string().max(500).optional(),
        confirmReason: z.string().min(3).max(500).optional(),
      })
      .strict(),
    output: z.object({ readingSetId: z.string(), saved: z.number().int() }),
  },
} as const satisfies MethodSpecs;
