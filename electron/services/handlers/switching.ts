import type { switchingMethods } from '../../../shared/contract/methods/switching';
import { currentActor } from '../actor';
import { validationSettings } from '../readings/validationSettings';
import { recordControl } from '../switching/control';
import { acknowledgeEnterpriseChange, listSwitchOrders, switchOrderDetail } from '../switching/orders';
import { reportNotRead, takeSwitchReading } from '../switching/switchRead';
import type { DomainHandlers, HandlerContext } from './context';

export function switchingHandlers({ store, photoDir, changed }: HandlerContext): DomainHandlers<keyof typeof switchingMethods> {
  return {
    'switching.list': () => listSwitchOrders(store),
    'switching.get': ({ switchOrderId }) => switchOrderDetail(store, switchOrderId, currentActor(store)),
    'switching.read': (input) => {
      const done = takeSwitchReading(store, currentActor(store), input, { settings: validationSettings(store), photoDir });
      changed('switch_orders', 'readings', 'registers', 'route_stops', 'outbox');
      return done;
    },
    'switching.notRead': (input) => {
      const done = reportNotRead(store, currentActor(store), input);
      changed('switch_orders', 'outbox');
      return done;
    },
    'switching.control': (input) => {
      const done = recordControl(store, currentActor(store), input, { settings: validationSettings(store), photoDir });
      changed('switch_orders', 'readings', 'registers', 'route_stops', 'end_devices', 'outbox');
      return done;
    },
    'switching.acknowledge': ({ switchOrderId }) => {
      const order = acknowledgeEnterpriseChange(store, currentActor(store), switchOrderId);
      changed('switch_orders');
      return order;
    },
  };
}
