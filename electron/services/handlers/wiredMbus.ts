/** Wired M-Bus handlers (issue 23 §3): the service keeps the port and the last reads; each handler is its right plus one call. */
import type { wiredMethods } from '../../../shared/contract/methods/wiredMbus';
import { wiredService } from '../mbus/wiredService';
import type { DomainHandlers, HandlerContext } from './context';

export function wiredMbusHandlers({ store, actor, photoDir }: HandlerContext): DomainHandlers<keyof typeof wiredMethods> {
  const service = wiredService(store, photoDir);
  return {
    'wired.scan': (input) => service.scan(input),
    'wired.search': (input) => service.search(input),
    'wired.cancel': () => service.cancel(),
    'wired.state': () => service.state(),
    'wired.read': (input) => service.read(input),
    'wired.save': ({ secondary }) => service.save(actor(), secondary),
  };
}
