import type { routeMethods } from '../../../shared/contract/methods/routes';
import { AppError } from '../../../shared/contract/result';
import type { MeterKeys } from '../meterKeys';
import { importRoute } from '../routes/importRoute';
import type { DomainHandlers, HandlerContext } from './context';

/** `meterKeys`: where a route file's key columns go (only a supervisor's import may carry them, importRoute.ts). */
export function routeHandlers({ store, actor }: HandlerContext, meterKeys?: MeterKeys): DomainHandlers<keyof typeof routeMethods> {
  return {
    'routes.list': () => store.routes.list(),
    'routes.import': (input) => importRoute(store, actor(), { ...input, meterKeys }),
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
