import type { workOrderMethods } from '../../../shared/contract/methods/workOrders';
import { checkPanLabel } from '../pan/checkLabel';
import { completeExchange } from '../workOrders/exchange';
import { createWorkOrder, requireWorkOrder, reportUnable, startWorkOrder } from '../workOrders/lifecycle';
import { completeInstall, completeRemoval } from '../workOrders/meterJobs';
import { commissionPan, decommissionPan, linkKeyOnRequest } from '../workOrders/pan';
import { programmingOf } from '../workOrders/programming';
import { stockMeter } from '../workOrders/stock';
import { workOrderRecord } from '../workOrders/record';
import type { DomainHandlers, HandlerContext } from './context';

export function workOrderHandlers({ store, actor }: HandlerContext): DomainHandlers<keyof typeof workOrderMethods> {
  return {
    'workOrders.list': () => store.workOrders.list(),
    'workOrders.get': ({ workOrderId }) => {
      const order = requireWorkOrder(store, workOrderId);
      const meter = store.workOrders.meterAt(order.usagePointId);
      return {
        ...order,
        currentMeter: meter
          ? { serial: meter.serialNumber, registers: store.workOrders.registersOf(meter.id), seals: store.workOrders.openSeals(meter.id) }
          : null,
        panDevices: store.workOrders.pansAt(order.usagePointId),
        steps: store.workOrders.steps(order.id).map(({ step, at }) => ({ step, at })),
        programming: programmingOf(store, order.id),
      };
    },
    'workOrders.record': ({ workOrderId }) => workOrderRecord(store, workOrderId),
    'workOrders.start': ({ workOrderId }) => {
      const order = startWorkOrder(store, actor(), workOrderId);
      return order;
    },
    'workOrders.unable': ({ workOrderId, reason }) => {
      const order = reportUnable(store, actor(), workOrderId, reason);
      return order;
    },
    'workOrders.stockMeter': ({ serial }) => stockMeter(store, serial),
    'workOrders.completeExchange': (input) => {
      const done = completeExchange(store, actor(), input);
      return done;
    },
    'workOrders.completeInstall': (input) => {
      const done = completeInstall(store, actor(), input);
      return done;
    },
    'workOrders.completeRemoval': (input) => {
      const done = completeRemoval(store, actor(), input);
      return done;
    },
    'workOrders.create': (input) => {
      const order = createWorkOrder(store, actor(), input);
      return order;
    },
    'workOrders.decommissionPan': (input) => {
      const done = decommissionPan(store, actor(), input);
      return done;
    },
    'pan.check': ({ eui64, installCode }) => {
      const { valid, problems, eui64: normalized, crc } = checkPanLabel(eui64, installCode);
      return { valid, problems, eui64: normalized, crc };
    },
    'pan.linkKey': ({ installCode }) => ({ linkKey: linkKeyOnRequest(installCode) }),
    'workOrders.commissionPan': (input) => {
      const done = commissionPan(store, actor(), input);
      return done;
    },
  };
}
