import type { routeMethods } from '../../../shared/contract/methods/routes';
import { AppError } from '../../../shared/contract/result';
import { importRoute } from '../routes/importRoute';
import type { DomainHandlers, HandlerContext } from './context';

export function routeHandlers({ store, actor }: HandlerContext): DomainHandlers<keyof typeof routeMethods> {
  return {
    'routes.list': () => store.routes.list(),
    'routes.import': (input) => {
      const summary = importRoute(store, actor(), input);
      return summary;
    },
    'meters.list': ({ routeId, query, filter }) => store.meters.listForRoute(routeId, query, filter),
    'meters.get': ({ usagePointId }) => {
      const meter = store.meters.get(usagePointId);
      if (!meter)
        throw new AppError('NOT_FOUND', `Usage point ${usagePointId} is not on any route on this device.`, { reason: 'usagePointUnknown' });
      const { deviceId: _deviceId, ...detail } = meter;
      return detail;
    },
  };
}
