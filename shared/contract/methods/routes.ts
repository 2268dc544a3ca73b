/** Routes and the meters on them. */
import { z } from 'zod';
import { importSummary, meterDetail, meterListItem, routeSummary } from '../entities';
import { nothing, usagePointId, type MethodSpecs } from './common';

export const routeMethods = {
  'routes.list': { right: 'view', input: nothing, output: z.array(routeSummary) },
  'routes.import': {
    right: 'record',
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
    right: 'view',
    input: z
      .object({
        routeId: z.string().min(1),
        query: z.string().max(100).default(''),
        filter: z.enum(['all', 'unread', 'read', 'warnings', 'skipped']).default('all'),
      })
      .strict(),
    output: z.array(meterListItem),
  },
  'meters.get': { right: 'view', input: z.object({ usagePointId }).strict(), output: meterDetail },
} as const satisfies MethodSpecs;
