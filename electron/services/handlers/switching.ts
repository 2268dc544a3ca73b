import { switchOrderRecord } from '../workOrders/record';
import type { switchingMethods } from '../../../shared/contract/methods/switching';
import { validationSettings } from '../readings/validationSettings';
import { recordControl } from '../switching/control';
import { acknowledgeEnterpriseChange, listSwitchOrders, switchOrderDetail } from '../switching/orders';
import { reportNotRead, takeSwitchReading } from '../switching/switchRead';
import type { DomainHandlers, HandlerContext } from './context';

export function switchingHandlers({ store, actor, photoDir }: HandlerContext): DomainHandlers<keyof typeof switchingMethods> {
  return {
    'switching.list': () => listSwitchOrders(store),
    'switching.get': ({ switchOrderId }) => switchOrderDetail(store, switchOrderId, actor()),
    'switching.record': ({ switchOrderId }) => switchOrderRecord(store, switchOrderId),
    'switching.read': (input) => {
      const done = takeSwitchReading(store, actor(), input, { settings: validationSettings(store), photoDir });
      return done;
    },
    'switching.notRead': (input) => {
      const done = reportNotRead(store, actor(), input);
      return done;
    },
    'switching.control': (input) => {
      const done = recordControl(store, actor(), input, { settings: validationSettings(store), photoDir });
      return done;
    },
    'switching.acknowledge': ({ switchOrderId }) => {
      const order = acknowledgeEnterpriseChange(store, actor(), switchOrderId);
      return order;
    },
  };
}
