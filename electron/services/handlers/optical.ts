import { TRAINING_PORT, type opticalMethods } from '../../../shared/contract/methods/optical';
import { AppError } from '../../../shared/contract/result';
import { currentActor } from '../actor';
import { programAtUsagePoint } from '../optical/programAtUsagePoint';
import { OPTICAL_PORT_SETTING, readAtUsagePoint } from '../optical/readAtUsagePoint';
import { listPorts } from '../serial/ports';
import type { DomainHandlers, HandlerContext } from './context';

export function opticalHandlers({ store, emit, changed }: HandlerContext): DomainHandlers<keyof typeof opticalMethods> {
  // One probe, one read at a time; Cancel aborts it.
  let running: AbortController | null = null;
  return {
    'optical.ports': async ({ usagePointId }) => {
      const { ports, reason } = await listPorts();
      const list = ports.map((p) => ({ path: p.path, label: p.probe ?? p.manufacturer, training: false }));
      // The training meter is offered on training routes, so practice never touches a real port.
      const training = usagePointId ? store.routes.list().some((r) => r.trainingMode && store.meters.get(usagePointId)?.routeId === r.id) : false;
      if (training) list.unshift({ path: TRAINING_PORT, label: null, training: true });
      return { ports: list, lastPort: store.settings.get(OPTICAL_PORT_SETTING), reason };
    },
    'optical.read': async (input) => {
      if (running) throw new AppError('VALIDATION', 'A read is already running. Wait for it or cancel it.');
      running = new AbortController();
      try {
        return await readAtUsagePoint(store, currentActor(store), {
          ...input,
          signal: running.signal,
          onProgress: (p) => emit('optical.progress', { phase: p.phase, attempt: p.attempt, bytes: p.bytes, baud: p.baud, estimatedMsLeft: p.estimatedMsLeft }),
        });
      } finally {
        running = null;
      }
    },
    'optical.program': async (input) => {
      if (running) throw new AppError('VALIDATION', 'A read is already running. Wait for it or cancel it.');
      running = new AbortController();
      try {
        return await programAtUsagePoint(store, currentActor(store), {
          ...input,
          signal: running.signal,
          onStep: (step) => emit('optical.progress', { phase: 'programming', step, attempt: 1, bytes: 0, baud: 0, estimatedMsLeft: null }),
        });
      } finally {
        running = null;
        // Programming a job's new meter is also a step of that work order.
        changed('outbox', 'audit_log', ...(input.job ? ['work_orders'] : []));
      }
    },
    'optical.cancel': () => {
      const had = running !== null;
      running?.abort();
      return { cancelled: had };
    },
  };
}
