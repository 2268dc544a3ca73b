/**
 * Wired M-Bus from the Read area (issue 23 §3): a level converter or optical M-Bus head on a port,
 * a scan of primary addresses (with progress, cancellable) or a search by secondary address with
 * wildcards, a read of one meter's records and a save of that read to the meter's stop. The Node
 * side keeps the port and the last read of each meter; the save uses that read, never values sent
 * back by a window.
 */
import { z } from 'zod';
import { nothing, type MethodSpecs } from './common';

/** Line speeds a meter may use (EN 13757-2: 300 to 9600 baud; 2400 is the usual). */
export const wiredBauds = [2400, 300, 9600] as const;
const baud = z
  .number()
  .int()
  .refine((b) => (wiredBauds as readonly number[]).includes(b), 'one of 300, 2400, 9600')
  .default(2400);
const port = z.string().min(1).max(500);
/** A secondary address as 16 hex characters (id 8, manufacturer 4, version 2, medium 2), libmbus's writing. */
const secondary = z.string().regex(/^[0-9A-F]{16}$/, '16 hex characters');

export const wiredMeter = z.object({
  /** The primary address it answered at; null when found by its secondary address. */
  primary: z.number().int().nullable(),
  secondary,
  manufacturer: z.string(),
  id: z.string(),
  version: z.number().int(),
  /** EN 13757-3 Table 12 device type, as a name (shared/mbus/identity.ts) and its code. */
  medium: z.string(),
  mediumCode: z.number().int(),
});
export type WiredMeter = z.infer<typeof wiredMeter>;

export const wiredState = z.object({
  busy: z.enum(['scan', 'search']).nullable(),
  /** The address being asked during a primary scan, and the last one. */
  progress: z.object({ at: z.number().int(), to: z.number().int() }).nullable(),
  found: z.array(wiredMeter),
  /** Why the last scan or search stopped early (a reason code the renderer translates); null when it did not. */
  problem: z.string().nullable(),
  cancelled: z.boolean(),
});
export type WiredState = z.infer<typeof wiredState>;

export const wiredRecord = z.object({
  quantity: z.string(),
  value: z.string().nullable(),
  unit: z.string().nullable(),
  storage: z.number().int(),
  tariff: z.number().int(),
  subunit: z.number().int(),
  function: z.string(),
  date: z.string().nullable(),
});

export const wiredReadResult = z.object({
  meter: wiredMeter,
  records: z.array(wiredRecord),
  /** The stop this meter is on (matched by manufacturer and id), or null when it is on no route of this device. */
  stop: z.object({ usagePointId: z.string(), meterSerial: z.string(), address: z.string() }).nullable(),
});
export type WiredReadResult = z.infer<typeof wiredReadResult>;

export const wiredMethods = {
  'wired.scan': {
    right: 'record',
    input: z
      .object({ port, baud, from: z.number().int().min(0).max(250).default(0), to: z.number().int().min(0).max(250).default(250) })
      .strict(),
    output: wiredState,
  },
  'wired.search': {
    right: 'record',
    input: z.object({ port, baud, mask: z.string().regex(/^[0-9Ff]{1,8}$|^[0-9Ff]{8}[0-9A-Fa-f]{8}$/, 'id digits, F for any') }).strict(),
    output: wiredState,
  },
  'wired.cancel': { right: 'record', input: nothing, output: wiredState },
  'wired.state': { right: 'view', input: nothing, output: wiredState },
  'wired.read': {
    right: 'record',
    input: z.object({ port, baud, secondary, primary: z.number().int().min(0).max(250).nullable() }).strict(),
    output: wiredReadResult,
  },
  'wired.save': {
    right: 'record',
    input: z.object({ secondary }).strict(),
    output: z.object({ usagePointId: z.string(), meterSerial: z.string(), readingSetId: z.string() }),
  },
} as const satisfies MethodSpecs;
