/**
 * The one API contract. Every operation the renderer may call and every event the main
 * side pushes is named here once, with zod schemas for what goes in and what comes out.
 * The Electron IPC host, the loopback web host, the preload bridge and the renderer client
 * are all derived from these two objects; no channel name is written anywhere else.
 */
import { z } from 'zod';
import {
  confirmation,
  decimalText,
  importSummary,
  meterDetail,
  meterListItem,
  photoInfo,
  photoMimeTypes,
  position,
  reading,
  routeSummary,
  skipCode,
} from './entities';

const nothing = z.object({}).strict();
const usagePointId = z.string().min(1).max(64);
const photoId = z.string().regex(/^[0-9a-f]{64}$/, 'a photo id (SHA-256, 64 hex digits)');
/** 10 MB of image as base64 (4 characters per 3 bytes), plus a little slack. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_THUMBNAIL_BYTES = 256 * 1024;
const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil(maxBytes / 3) * 4 + 4, `at most ${maxBytes / 1024 / 1024} MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 text');
const note = z.string().max(2000).default('');

export const locales = ['en', 'de'] as const;

export const appInfo = z.object({
  version: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  /** No route has been loaded yet: the UI offers the demo route or an import. */
  firstRun: z.boolean(),
  host: z.enum(['electron', 'web']),
  locale: z.enum(locales),
  /** The utility's high/low factors and demand limit, so the UI warns exactly as the save will. */
  validation: z.object({ lowFactor: z.number(), highFactor: z.number(), maxDemand: z.number() }),
});
export type AppInfo = z.infer<typeof appInfo>;

export const methods = {
  'app.info': { input: nothing, output: appInfo },
  'settings.setLocale': { input: z.object({ locale: z.enum(locales) }).strict(), output: z.object({ locale: z.enum(locales) }) },
  'demo.load': { input: nothing, output: importSummary },
  'routes.list': { input: nothing, output: z.array(routeSummary) },
  'routes.import': {
    input: z
      .object({
        fileName: z.string().max(260),
        /** The CSV text. 20 MB is far above a day's route (~50k registers). */
        content: z.string().max(20_000_000),
        /** Import the valid rows even if some rows are bad (the user confirmed it). */
        acceptValidRows: z.boolean().default(false),
      })
      .strict(),
    output: importSummary,
  },
  'meters.list': {
    input: z
      .object({
        routeId: z.string().min(1),
        query: z.string().max(100).default(''),
        filter: z.enum(['all', 'unread', 'read', 'warnings', 'skipped']).default('all'),
      })
      .strict(),
    output: z.array(meterListItem),
  },
  'meters.get': { input: z.object({ usagePointId }).strict(), output: meterDetail },
  'readings.save': {
    input: z
      .object({
        usagePointId,
        /** One visit: every register read now shares one timestamp (coincident readings). */
        values: z
          .array(
            z
              .object({
                registerId: z.number().int().positive(),
                value: decimalText,
                /** Needed when the value is out of range (see the NEEDS_CONFIRMATION error). */
                confirmation: confirmation.optional(),
              })
              .strict(),
          )
          .min(1)
          .max(64),
        /** The serial the technician read off (or scanned from) the meter, when checked. */
        observedSerial: z.string().trim().min(1).max(64).optional(),
        note,
        photoIds: z.array(photoId).max(10).default([]),
        position: position.optional(),
      })
      .strict(),
    output: z.object({ readingSetId: z.string(), readAt: z.string(), readings: z.array(reading) }),
  },
  'visits.skip': {
    input: z
      .object({
        usagePointId,
        code: z.string().min(1).max(40),
        note,
        photoIds: z.array(photoId).max(10).default([]),
        position: position.optional(),
      })
      .strict(),
    output: z.object({ skipId: z.string(), skippedAt: z.string() }),
  },
  'skipCodes.list': { input: nothing, output: z.array(skipCode) },
  'photos.add': {
    input: z
      .object({
        usagePointId,
        fileName: z.string().min(1).max(260),
        mimeType: z.enum(photoMimeTypes),
        dataBase64: base64(MAX_PHOTO_BYTES),
        /** A small JPEG the renderer drew (at most 256 px); without it the list shows the photo itself. */
        thumbnailBase64: base64(MAX_THUMBNAIL_BYTES).optional(),
      })
      .strict(),
    output: photoInfo,
  },
  'photos.list': { input: z.object({ usagePointId }).strict(), output: z.array(photoInfo) },
  'photos.get': {
    input: z.object({ photoId, size: z.enum(['thumbnail', 'full']).default('thumbnail') }).strict(),
    output: z.object({ mimeType: z.enum(photoMimeTypes), dataBase64: z.string() }),
  },
  'readings.list': {
    input: z
      .object({
        usagePointId: usagePointId.optional(),
        limit: z.number().int().min(1).max(1000).default(100),
      })
      .strict(),
    output: z.array(reading),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

/** Events the main side pushes to every window. */
export const events = {
  /** After a write: which tables changed, so views refetch (the database is the source of truth). */
  'data.changed': z.object({ tables: z.array(z.string()) }),
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const methodNames = Object.keys(methods) as MethodName[];
export const eventNames = Object.keys(events) as EventName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

/** IPC channel names: one prefix, derived, never typed by hand elsewhere. */
export const ipcChannel = (name: MethodName | EventName): string => `fieldmeter:${name}`;

export { decimalText };
