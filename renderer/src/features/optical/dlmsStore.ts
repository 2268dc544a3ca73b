/** A DLMS meter read and saved at a stop (contract `optical.dlmsRead`): the days of load profile, the result, the error. */
import { create } from 'zustand';
import type { DlmsReadResult } from '../../../../shared/contract/methods/dlmsRead';
import { api } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { beginOperation, endOperation } from './operation';

interface DlmsSlice {
  from: string;
  to: string;
  reading: boolean;
  result: DlmsReadResult | null;
  /** The result came from the panel's Read meter: the meter offered mode E, so it was read through DLMS. */
  modeE: boolean;
  error: string | null;
  setPeriod(from: string, to: string): void;
  read(usagePointId: string, port: string): Promise<void>;
  /** A DLMS read that the optical Read made by itself (the meter offered mode E). */
  show(result: DlmsReadResult): void;
  clear(): void;
}

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

export const useDlmsStore = create<DlmsSlice>((set, get) => ({
  from: yesterday(),
  to: yesterday(),
  reading: false,
  result: null,
  modeE: false,
  error: null,
  setPeriod: (from, to) => set({ from, to }),
  async read(usagePointId, port) {
    const { from, to } = get();
    set({ reading: true, result: null, modeE: false, error: null });
    const operationId = beginOperation();
    try {
      const result = await api['optical.dlmsRead']({ usagePointId, port, operationId, ...(from ? { from } : {}), ...(to ? { to } : {}) });
      if (result.ok) set({ result: result.value });
      else set({ error: errorText(result.error) });
    } finally {
      endOperation(operationId);
      set({ reading: false });
    }
  },
  show: (result) => set({ result, modeE: true, error: null }),
  clear: () => set({ result: null, modeE: false, error: null }),
}));
