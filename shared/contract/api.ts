/**
 * The one API contract. Every operation the renderer may call and every event the main
 * side pushes is named here once, with zod schemas for what goes in and what comes out.
 * The Electron IPC host, the loopback web host, the preload bridge and the renderer client
 * are all derived from these two objects; no channel name is written anywhere else.
 */
import { z } from 'zod';
import {
  decimalText,
  importSummary,
  meterDetail,
  meterListItem,
  reading,
  routeSummary,
} from './entities';

const nothing = z.object({}).strict();
const usagePointId = z.string().min(1).max(64);

export const locales = ['en', 'de'] as const;

export const appInfo = z.object({
  version: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  /** No route has been loaded yet: the UI offers the demo route or an import. */
  firstRun: z.boolean(),
  host: z.enum(['electron', 'web']),
  locale: z.enum(locales),
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
          .array(z.object({ registerId: z.number().int().positive(), value: decimalText }).strict())
          .min(1)
          .max(64),
      })
      .strict(),
    output: z.object({ readingSetId: z.string(), readAt: z.string(), readings: z.array(reading) }),
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
