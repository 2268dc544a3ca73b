/** The optical probe on the meter screen: ports (the last one remembered), a read with progress, cancel. */
import { create } from 'zustand';
import type { JobMeter, OpticalProgress, OpticalReadResult } from '../../../../shared/contract/methods/optical';
import { api, subscribe, transport } from '../../api/client';
import { beginOperation, currentOperation, endOperation } from './operation';
import { errorText } from '../../lib/errorText';
import { choosePort, mergePorts, type Port } from './portChoice';
import { useDlmsStore } from './dlmsStore';

export type Progress = OpticalProgress;

interface OpticalSlice {
  ports: Port[];
  /** Paths the user typed this session: kept in the list whatever the Node side lists. */
  typed: string[];
  port: string;
  portsReason: string | null;
  reading: boolean;
  progress: Progress | null;
  result: OpticalReadResult | null;
  error: string | null;
  loadPorts(usagePointId: string): Promise<void>;
  setPort(port: string): void;
  /** A port the list does not show (a built-in or virtual port), typed by its path; remembered after a read. */
  usePort(path: string): void;
  /** With a job: the new meter of that install or exchange, not the one installed. */
  read(usagePointId: string, job?: JobMeter): Promise<OpticalReadResult | null>;
  cancel(): Promise<void>;
  clear(): void;
}

/** Only the newest port list is applied: an older answer arriving late is dropped. */
let portsRequest = 0;

export const useOpticalStore = create<OpticalSlice>((set, get) => ({
  ports: [],
  typed: [],
  port: '',
  portsReason: null,
  reading: false,
  progress: null,
  result: null,
  error: null,
  async loadPorts(usagePointId) {
    const request = ++portsRequest;
    const result = await api['optical.ports']({ usagePointId });
    if (request !== portsRequest) return;
    if (!result.ok) return set({ error: errorText(result.error) });
    const { lastPort, reason } = result.value;
    const ports = mergePorts(result.value.ports, get().typed);
    set({ ports, portsReason: reason, port: choosePort(ports, get().port, lastPort) });
  },
  setPort: (port) => set({ port }),
  usePort(path) {
    const port = path.trim();
    if (!port) return;
    set((s) => {
      const typed = s.typed.includes(port) ? s.typed : [...s.typed, port];
      return { port, typed, ports: mergePorts(s.ports, typed) };
    });
  },
  async read(usagePointId, job) {
    const { port } = get();
    if (!port) return null;
    set({ reading: true, progress: null, result: null, error: null });
    // Should the meter offer mode E, the Read goes on through DLMS with the DLMS panel's days of profile.
    const { from, to } = useDlmsStore.getState();
    const period = !job && from && to ? { from, to } : {};
    useDlmsStore.getState().clear();
    const off = subscribe(transport, 'optical.progress', (p) => set({ progress: p }));
    const operationId = beginOperation();
    try {
      const result = await api['optical.read']({ usagePointId, port, operationId, ...(job ? { job } : {}), ...period });
      if (!result.ok) {
        set({ error: errorText(result.error) });
        return null;
      }
      if (result.value.dlms) useDlmsStore.getState().show(result.value.dlms);
      else set({ result: result.value });
      return result.value;
    } finally {
      off();
      endOperation(operationId);
      set({ reading: false });
    }
  },
  async cancel() {
    const operationId = currentOperation();
    await api['optical.cancel'](operationId ? { operationId } : {});
  },
  clear: () => set({ result: null, error: null, progress: null }),
}));
