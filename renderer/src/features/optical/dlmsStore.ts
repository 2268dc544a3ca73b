/**
 * A DLMS meter read and saved at a stop (contract `optical.dlmsRead`): the days of load profile,
 * the progress with Cancel, the result, the error; and what the meter offers (its object list,
 * from `optical.dlmsObjects` or the last read), which decides whether a load profile is offered.
 */
import { create } from 'zustand';
import type { DlmsReadResult } from '../../../../shared/contract/methods/dlmsRead';
import type { OpticalProgress } from '../../../../shared/contract/methods/optical';
import type { OfferedObject } from '../../../../shared/dlms/objectList';
import { api, subscribe, transport } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { beginOperation, currentOperation, endOperation } from './operation';

interface DlmsSlice {
  from: string;
  to: string;
  /** What the probe is doing for this panel: a read and save, or the object list only. */
  running: 'read' | 'objects' | null;
  progress: OpticalProgress | null;
  result: DlmsReadResult | null;
  /** The meter's object list when known (null: not read yet, or the meter would not give it). */
  objects: OfferedObject[] | null;
  /** The result came from the panel's Read meter: the meter offered mode E, so it was read through DLMS. */
  modeE: boolean;
  error: string | null;
  setPeriod(from: string, to: string): void;
  /** Without a period when the meter lists no load profile. */
  read(usagePointId: string, port: string, withProfile: boolean): Promise<void>;
  listObjects(usagePointId: string, port: string): Promise<void>;
  cancel(): Promise<void>;
  /** A DLMS read that the optical Read made by itself (the meter offered mode E). */
  show(result: DlmsReadResult): void;
  clear(): void;
}

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

export const useDlmsStore = create<DlmsSlice>((set, get) => {
  /** Runs one probe operation with its progress pushed to the panel; the error said in words. */
  async function run<T>(kind: 'read' | 'objects', call: (operationId: string) => Promise<T | null>): Promise<void> {
    set({ running: kind, progress: null, error: null, ...(kind === 'read' ? { result: null, modeE: false } : {}) });
    const off = subscribe(transport, 'optical.progress', (p) => set({ progress: p }));
    const operationId = beginOperation();
    try {
      await call(operationId);
    } finally {
      off();
      endOperation(operationId);
      set({ running: null, progress: null });
    }
  }
  return {
    from: yesterday(),
    to: yesterday(),
    running: null,
    progress: null,
    result: null,
    objects: null,
    modeE: false,
    error: null,
    setPeriod: (from, to) => set({ from, to }),
    read: (usagePointId, port, withProfile) =>
      run('read', async (operationId) => {
        const { from, to } = get();
        const period = withProfile && from && to ? { from, to } : {};
        const result = await api['optical.dlmsRead']({ usagePointId, port, operationId, ...period });
        if (!result.ok) return set({ error: errorText(result.error) });
        set({ result: result.value, ...(result.value.objects ? { objects: result.value.objects } : {}) });
      }),
    listObjects: (usagePointId, port) =>
      run('objects', async (operationId) => {
        const result = await api['optical.dlmsObjects']({ usagePointId, port, operationId });
        if (!result.ok) return set({ error: errorText(result.error) });
        set({ objects: result.value.objects });
      }),
    async cancel() {
      const operationId = currentOperation();
      await api['optical.cancel'](operationId ? { operationId } : {});
    },
    show: (result) => set({ result, modeE: true, error: null, ...(result.objects ? { objects: result.objects } : {}) }),
    clear: () => set({ result: null, objects: null, modeE: false, error: null }),
  };
});
