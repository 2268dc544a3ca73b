/** HAN/P1 handlers (issue 22): the service keeps the session; each handler is its right plus one call. */
import type { hanMethods } from '../../../shared/contract/methods/han';
import type { MeterKeys } from '../meterKeys';
import { hanService } from '../han/hanService';
import type { DomainHandlers, HandlerContext } from './context';

export function hanHandlers({ store, actor, photoDir }: HandlerContext, meterKeys: MeterKeys): DomainHandlers<keyof typeof hanMethods> {
  const service = hanService(store, meterKeys, photoDir);
  return {
    'han.start': (input) => service.start(input),
    'han.state': () => service.state(),
    'han.stop': () => service.stop(),
    'han.save': (input) => service.save(actor(), input),
  };
}
