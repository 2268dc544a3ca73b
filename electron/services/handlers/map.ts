/** The route map's settings and the supervisor's list of readings taken far from their stop. */
import { DEFAULT_FAR_DISTANCE_M, distanceM } from '../../../shared/domain/geo';
import { mapSettings, type mapMethods, type MapSettings } from '../../../shared/contract/methods/map';
import type { DomainHandlers, HandlerContext } from './context';

const SETTINGS_KEY = 'map';
const defaults: MapSettings = { tileUrl: '', farDistanceM: DEFAULT_FAR_DISTANCE_M };
/** The newest located readings looked at; a day's route is far below it. */
const LOOK_AT = 5000;

/** The configured tile URL template ('' = no tiles): the hosts build the page's CSP from it (shared/contract/csp.ts). */
export const mapTileUrl = (store: HandlerContext['store']): string => store.settings.getJson(SETTINGS_KEY, mapSettings, defaults).tileUrl;

export function mapHandlers({ store, mutate }: HandlerContext): DomainHandlers<keyof typeof mapMethods> {
  const settings = () => store.settings.getJson(SETTINGS_KEY, mapSettings, defaults);
  return {
    'map.settings.get': () => settings(),
    'map.settings.set': (input) => {
      const next: MapSettings = { tileUrl: input.tileUrl.trim(), farDistanceM: input.farDistanceM };
      return mutate((change) => {
        store.settings.set(SETTINGS_KEY, JSON.stringify(next));
        change.audit({ action: 'map.settings', entity: 'settings', entityId: SETTINGS_KEY, details: next });
        return next;
      });
    },
    'map.farVisits': () => {
      const { farDistanceM } = settings();
      return store.visitPositions
        .located(LOOK_AT)
        .map((row) => ({ row, distance: distanceM(row, { latitude: row.stopLatitude, longitude: row.stopLongitude }) }))
        .filter(({ distance }) => distance > farDistanceM)
        .map(({ row, distance }) => ({
          readingSetId: row.readingSetId,
          usagePointId: row.usagePointId,
          routeId: row.routeId,
          sequence: row.sequence,
          address: row.address,
          readAt: row.readAt,
          distanceM: Math.round(distance),
          accuracyM: row.accuracyM,
        }));
    },
  };
}
