/** Meter key handlers (issue 23 §5): the service does the sealing and the audit; a handler is its right plus one call. */
import type { meterKeyMethods } from '../../../shared/contract/methods/meterKeys';
import type { MeterKeys } from '../meterKeys';
import type { DomainHandlers, HandlerContext } from './context';

export function meterKeyHandlers({ actor }: HandlerContext, meterKeys: MeterKeys): DomainHandlers<keyof typeof meterKeyMethods> {
  return {
    'meterKeys.import': ({ fileName, content }) => meterKeys.importFile(actor(), fileName, content),
    'meterKeys.count': () => meterKeys.counts(),
    'meterKeys.delete': ({ manufacturer, id, kind }) => meterKeys.remove(actor(), { manufacturer, id }, kind),
  };
}
