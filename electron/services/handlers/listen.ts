/** Listen handlers (issue 23): the service keeps the session; each handler is its right plus one call. */
import type { listenMethods } from '../../../shared/contract/methods/listen';
import type { MeterKeys } from '../meterKeys';
import { listenService } from '../mbus/listenService';
import type { DomainHandlers, HandlerContext } from './context';

export function listenHandlers(
  { store, actor, photoDir }: HandlerContext,
  meterKeys: MeterKeys,
  /** Told when the app closes: a batch of auto-saves still waiting is saved before the store closes. */
  onClose?: (flush: () => void) => void,
): DomainHandlers<keyof typeof listenMethods> {
  const service = listenService(store, meterKeys, photoDir);
  onClose?.(() => service.flush());
  return {
    'listen.start': (input) => service.start(actor, input),
    'listen.state': ({ since }) => service.state(since),
    'listen.routeSetting': ({ routeId }) => service.routeSetting(routeId),
    'listen.routeSetting.set': ({ routeId, autoSave }) => service.setRouteSetting(actor(), routeId, autoSave),
    'listen.save': ({ usagePointId }) => service.session().save(usagePointId),
    'listen.saveAll': () => service.session().saveAllHeard(),
    'listen.stop': () => service.stop(),
  };
}
