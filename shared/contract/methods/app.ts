/** The app itself: what it is, its settings, the demo data. */
import { z } from 'zod';
import { importSummary } from '../entities';
import { nothing, type MethodSpecs } from './common';

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

export const appMethods = {
  'app.info': { right: 'open', input: nothing, output: appInfo },
  'settings.setLocale': {
    right: 'open',
    input: z.object({ locale: z.enum(locales) }).strict(),
    output: z.object({ locale: z.enum(locales) }),
  },
  'demo.load': { right: 'record', input: nothing, output: importSummary },
} as const satisfies MethodSpecs;
