/** The optical probe (IEC 62056-21): ports, a read of the meter at a usage point, cancel. */
import { z } from 'zod';
import { usagePointId, type MethodSpecs } from './common';

/** The simulated meter of training mode, offered beside the real ports. */
export const TRAINING_PORT = 'training';

export const opticalPort = z.object({
  path: z.string(),
  /** The probe's name when the USB ids are known, else the manufacturer. */
  label: z.string().nullable(),
  training: z.boolean(),
});

export const opticalValue = z.object({
  obis: z.string(),
  value: z.string(),
  unit: z.string().nullable(),
  readingType: z.string().nullable(),
  /** The register of this meter the value belongs to (same ReadingType), if any. */
  registerId: z.number().int().nullable(),
  /** The value as the register shows it (its decimals), ready for the form. */
  registerValue: z.string().nullable(),
});

export const opticalReadResult = z.object({
  manufacturer: z.string(),
  ident: z.string(),
  mode: z.string(),
  baud: z.number().int(),
  checksum: z.enum(['ok', 'absent']),
  /** The serial number the meter reported (C.1.0 / 0.0.0), if it sent one. */
  meterSerial: z.string().nullable(),
  serialMatches: z.boolean().nullable(),
  values: z.array(opticalValue),
  durationMs: z.number(),
});
export type OpticalReadResult = z.infer<typeof opticalReadResult>;

export const opticalMethods = {
  'optical.ports': {
    input: z.object({ usagePointId: usagePointId.optional() }).strict(),
    output: z.object({ ports: z.array(opticalPort), lastPort: z.string().nullable(), reason: z.string().nullable() }),
  },
  'optical.read': {
    input: z
      .object({
        usagePointId,
        port: z.string().min(1).max(260),
        address: z.string().max(32).optional(),
        maxBaud: z.number().int().positive().optional(),
      })
      .strict(),
    output: opticalReadResult,
  },
  'optical.cancel': { input: z.object({}).strict(), output: z.object({ cancelled: z.boolean() }) },
} as const satisfies MethodSpecs;

/** Pushed while a read runs, for the progress bar (phase, bytes, time left). */
export const opticalProgress = z.object({
  phase: z.enum(['signOn', 'identification', 'data', 'retry']),
  attempt: z.number().int(),
  bytes: z.number().int(),
  baud: z.number().int(),
  estimatedMsLeft: z.number().nullable(),
});
