import type { readingMethods } from '../../../shared/contract/methods/readings';
import { currentActor } from '../actor';
import { addPhoto, readPhoto } from '../readings/photos';
import { saveManualReadings } from '../readings/saveReadings';
import { skipCodes, skipVisit } from '../readings/skipVisit';
import { validationSettings } from '../readings/validationSettings';
import type { DomainHandlers, HandlerContext } from './context';

export function readingHandlers({ store, photoDir, changed }: HandlerContext): DomainHandlers<keyof typeof readingMethods> {
  return {
    'readings.save': (input) => {
      const saved = saveManualReadings(store, currentActor(store), input, { settings: validationSettings(store), photoDir });
      changed('readings', 'registers', 'route_stops', 'photos', 'outbox');
      return saved;
    },
    'visits.skip': (input) => {
      const skipped = skipVisit(store, currentActor(store), input);
      changed('visit_skips', 'route_stops', 'photos', 'outbox');
      return skipped;
    },
    'skipCodes.list': () => [...skipCodes(store)],
    'photos.add': (input) => {
      const photo = addPhoto(store, currentActor(store), photoDir, input);
      changed('photos');
      return photo;
    },
    'photos.list': ({ usagePointId }) => store.photos.list(usagePointId),
    'photos.get': ({ photoId, size }) => readPhoto(store, photoDir, photoId, size),
    'readings.list': ({ usagePointId, limit }) => store.readings.list({ usagePointId, limit }),
  };
}
