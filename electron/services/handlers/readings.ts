import type { readingMethods } from '../../../shared/contract/methods/readings';
import { meterEvents } from '../readings/meterEvents';
import { addPhoto, readPhoto } from '../readings/photos';
import { saveManualReadings } from '../readings/saveReadings';
import { skipCodes, skipVisit } from '../readings/skipVisit';
import { validationSettings } from '../readings/validationSettings';
import type { DomainHandlers, HandlerContext } from './context';

export function readingHandlers({ store, actor, photoDir }: HandlerContext): DomainHandlers<keyof typeof readingMethods> {
  return {
    'readings.save': (input) => {
      const saved = saveManualReadings(store, actor(), input, { settings: validationSettings(store), photoDir });
      return saved;
    },
    'visits.skip': (input) => {
      const skipped = skipVisit(store, actor(), input);
      return skipped;
    },
    'skipCodes.list': () => [...skipCodes(store)],
    'photos.add': (input) => {
      const photo = addPhoto(store, actor(), photoDir, input);
      return photo;
    },
    'photos.list': ({ usagePointId }) => store.photos.list(usagePointId),
    'photos.get': ({ photoId, size }) => readPhoto(store, photoDir, photoId, size),
    'readings.list': ({ usagePointId, limit }) => store.readings.list({ usagePointId, limit }),
    'meterEvents.list': ({ usagePointId, limit }) => meterEvents(store, usagePointId, limit),
    'enterpriseReadings.list': ({ usagePointId, limit }) => store.enterpriseReadings.atUsagePoint(usagePointId, limit),
  };
}
