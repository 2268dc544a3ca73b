import { existsSync } from 'node:fs';
import { TRAINING_PORT, type opticalMethods } from '../../../shared/contract/methods/optical';
import { AppError } from '../../../shared/contract/result';
import { programAtUsagePoint } from '../optical/programAtUsagePoint';
import { transcriptFile } from '../optical/probeDoctor';
import { transcriptLines } from '../../../shared/iec62056';
import { OPTICAL_PORT_SETTING, readAtUsagePoint } from '../optical/readAtUsagePoint';
import { listPorts } from '../serial/ports';
import {
  dlmsDemandResetForScreen,
  dlmsObjectsForScreen,
  dlmsProgressEvent,
  dlmsTimeSyncForScreen,
  modeERead,
  readDlmsForScreen,
} from '../optical/dlmsForScreen';
import { opticalTarget } from '../optical/opticalTarget';
import { ModeEOffered } from '../serial/reader';
import { assignModel, loadMeterModels, meterModelFolder, modelAssignments } from '../optical/meterModelCatalog';
import type { DomainHandlers, HandlerContext } from './context';
import type { MeterKeys } from '../meterKeys';

/** DLMS programming on screen: the clock set; a demand reset through DLMS is not offered yet (nothing is sent to the meter). */
export function opticalHandlers(
  { store, actor, mutate, emit }: HandlerContext,
  meterKeys?: Pick<MeterKeys, 'keysFor'>,
): DomainHandlers<keyof typeof opticalMethods> {
  // One probe, one conversation (a read or programming) at a time; Cancel aborts it.
  let running: { controller: AbortController; operationId: string | undefined } | null = null;
  // Cancels that came before their read or programming did (the screen sends both at once; either may
  // arrive first). Kept a minute, a few at most: an operation that never comes leaves nothing behind.
  const cancelledEarly = new Map<string, number>();
  const EARLY_CANCEL_MS = 60_000;
  const rememberCancel = (operationId: string) => {
    const now = Date.now();
    for (const [id, at] of cancelledEarly) if (now - at > EARLY_CANCEL_MS || cancelledEarly.size >= 16) cancelledEarly.delete(id);
    cancelledEarly.set(operationId, now);
  };
  const exclusive = async <T>(operationId: string | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    if (running)
      throw new AppError('VALIDATION', 'The probe is busy with a read or programming. Wait for it or cancel it.', { reason: 'probeBusy' });
    const controller = new AbortController();
    running = { controller, operationId };
    // Cancelled before it got here: it runs with an aborted signal, so it ends as any cancel does
    // (audited, nothing sent to the meter).
    if (operationId && cancelledEarly.delete(operationId)) controller.abort();
    try {
      return await work(controller.signal);
    } finally {
      running = null;
    }
  };
  const modelList = () => {
    const catalog = loadMeterModels(meterModelFolder(store.path));
    return {
      models: catalog.models.map((m) => ({
        name: m.name,
        description: m.description,
        source: m.source,
        demandReset: m.demandReset !== null,
      })),
      refused: [...catalog.refused],
      assignments: [...modelAssignments(store)],
    };
  };
  return {
    'optical.transcripts': ({ usagePointId }) => ({ transcripts: store.probeTranscripts.list(usagePointId) }),
    'optical.transcript': ({ id }) => {
      const t = store.probeTranscripts.get(id);
      if (!t) throw new AppError('NOT_FOUND', `There is no probe transcript ${id} on this device.`, { reason: 'transcriptUnknown' });
      const { chunks: _chunks, data: _data, ...summary } = t;
      return { summary, lines: transcriptLines(t), text: transcriptFile(t) };
    },
    'optical.models': () => modelList(),
    'optical.models.assign': ({ manufacturer, identPrefix, model }) => {
      if (model !== null && !loadMeterModels(meterModelFolder(store.path)).models.some((m) => m.name === model)) {
        throw new AppError('VALIDATION', `There is no meter model "${model}" on this device.`, { reason: 'meterModelUnknown', model });
      }
      mutate((change) => {
        assignModel(store, { manufacturer, identPrefix }, model);
        change.audit({
          action: 'optical.assignModel',
          entity: 'settings',
          entityId: `${manufacturer} ${identPrefix}`,
          details: { manufacturer, identPrefix, model },
        });
      });
      return modelList();
    },
    'optical.ports': async ({ usagePointId }) => {
      const { ports, reason } = await listPorts();
      const list = ports.map((p) => ({ path: p.path, label: p.probe ?? p.manufacturer, training: false }));
      // The training meter is offered on training routes, so practice never touches a real port.
      const training = usagePointId
        ? store.routes.list().some((r) => r.trainingMode && store.meters.get(usagePointId)?.routeId === r.id)
        : false;
      if (training) list.unshift({ path: TRAINING_PORT, label: null, training: true });
      // A port typed last time (a built-in /dev/ttyS0, a Bluetooth or virtual port the list does not
      // show) stays on offer while it exists; a USB probe that was pulled out disappears with its node.
      const lastPort = store.settings.get(OPTICAL_PORT_SETTING);
      if (lastPort && lastPort !== TRAINING_PORT && !list.some((p) => p.path === lastPort) && existsSync(lastPort))
        list.push({ path: lastPort, label: null, training: false });
      return { ports: list, lastPort, reason };
    },
    'optical.read': ({ from, to, ...input }) =>
      exclusive(input.operationId, async (signal) => {
        const started = Date.now();
        try {
          return await readAtUsagePoint(store, actor(), {
            ...input,
            signal,
            // A job's new meter is read into the wizard's form: DLMS saves, so it is not chosen there.
            stopAtModeE: !input.job,
            onProgress: (p) =>
              emit('optical.progress', {
                phase: p.phase,
                attempt: p.attempt,
                bytes: p.bytes,
                baud: p.baud,
                estimatedMsLeft: p.estimatedMsLeft,
              }),
          });
        } catch (error) {
          if (!(error instanceof ModeEOffered)) throw error;
          // The meter offered mode E: the same Read goes on through DLMS/COSEM (issue 22 item 2).
          const { usagePointId, port, operationId } = input;
          const dlms = await readDlmsForScreen(
            store,
            actor(),
            { usagePointId, port, ...(operationId ? { operationId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) },
            signal,
            (p) => emit('optical.progress', dlmsProgressEvent(p)),
            undefined,
            meterKeys,
          );
          return modeERead(error.identification, opticalTarget(store, usagePointId).meterSerial, dlms, Date.now() - started);
        }
      }),
    'optical.dlmsRead': (input) =>
      exclusive(input.operationId, (signal) =>
        readDlmsForScreen(store, actor(), input, signal, (p) => emit('optical.progress', dlmsProgressEvent(p)), undefined, meterKeys),
      ),
    'optical.dlmsObjects': (input) =>
      exclusive(input.operationId, (signal) =>
        dlmsObjectsForScreen(store, input, signal, (p) => emit('optical.progress', dlmsProgressEvent(p)), meterKeys),
      ),
    'optical.program': ({ protocol, ...input }) =>
      exclusive(input.operationId, (signal) =>
        protocol === 'dlms'
          ? (input.operation === 'timeSync' ? dlmsTimeSyncForScreen : dlmsDemandResetForScreen)(store, actor(), input, signal, meterKeys)
          : programAtUsagePoint(store, actor(), {
              ...input,
              signal,
              onStep: (step) =>
                emit('optical.progress', { phase: 'programming', step, attempt: 1, bytes: 0, baud: 0, estimatedMsLeft: null }),
              // Programming a job's new meter is also a step of that work order.
            }),
      ),
    'optical.cancel': ({ operationId }) => {
      if (running && (!operationId || !running.operationId || running.operationId === operationId)) {
        running.controller.abort();
        return { cancelled: true };
      }
      if (operationId) rememberCancel(operationId);
      return { cancelled: operationId !== undefined };
    },
  };
}
