/** The route map (issue 24 §4): its settings, and the visits read far from their stop. */
import { z } from 'zod';
import { checkTileUrl } from '../../domain/geo';
import { nothing, type MethodSpecs } from './common';

export const mapSettings = z.object({
  /** Tile URL template, https with {z}/{x}/{y}; empty: the schematic plot only (the default: offline). */
  tileUrl: z.string().max(500),
  /** A reading saved farther than this from its stop is marked for the supervisor. */
  farDistanceM: z.number().int().min(10).max(100_000),
});
export type MapSettings = z.infer<typeof mapSettings>;

export const mapSettingsInput = mapSettings
  .extend({
    tileUrl: z
      .string()
      .max(500)
      .refine((u) => checkTileUrl(u).ok, { message: 'an https:// tile URL with {z}, {x} and {y}, or empty' }),
  })
  .strict();

export const farVisit = z.object({
  readingSetId: z.string(),
  usagePointId: z.string(),
  routeId: z.string().nullable(),
  sequence: z.number().int().nullable(),
  address: z.string(),
  readAt: z.string(),
  /** Metres between where the reading was saved and the stop's coordinates (haversine). */
  distanceM: z.number().nonnegative(),
  /** How sure the device was of its position, when it said. */
  accuracyM: z.number().nonnegative().nullable(),
});
export type FarVisit = z.infer<typeof farVisit>;

export const mapMethods = {
  'map.settings.get': { right: 'view', input: nothing, output: mapSettings },
  'map.settings.set': { right: 'supervise', input: mapSettingsInput, output: mapSettings },
  'map.farVisits': { right: 'supervise', input: nothing, output: z.array(farVisit) },
} as const satisfies MethodSpecs;
