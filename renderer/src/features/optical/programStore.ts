/**
 * Programming the meter through the probe (installers): who may (the local profile's role), the
 * time sync or demand reset running with its current command, the outcome. The port and Cancel
 * are the Read panel's (one probe, one conversation at a time).
 */
import { create } from 'zustand';
import type { Role } from '../../../../shared/contract/supervisorEntities';
import type { JobMeter, OpticalProgramResult, ProgramOperation } from '../../../../shared/contract/methods/optical';
import { api, subscribe, transport } from '../../api/client';
import { beginOperation, endOperation } from './operation';
import { useAppStore } from '../../app/appStore';
import { errorText } from '../../lib/errorText';

interface ProgramSlice {
  role: Role | null;
  running: ProgramOperation | null;
  step: string | null;
  result: OpticalProgramResult | null;
  error: string | null;
  /** The last attempt was refused because the meter at the probe is not the expected one: it may be confirmed. */
  mismatch: ProgramRequest | null;
  loadRole(): Promise<void>;
  run(request: ProgramRequest): Promise<void>;
  clear(): void;
}

type ProgramRequest = {
  usagePointId: string;
  port: string;
  operation: ProgramOperation;
  password: string;
  job?: JobMeter;
  confirmSerialMismatch?: boolean;
  /** The meter speaks DLMS (read through mode E here): the clock set goes as a COSEM SET. */
  protocol?: 'iec62056-21' | 'dlms';
};

const refusedForSerial = (details: unknown) =>
  typeof details === 'object' && details !== null && (details as { code?: unknown }).code === 'SERIAL_MISMATCH';

export const useProgramStore = create<ProgramSlice>((set) => ({
  role: null,
  running: null,
  step: null,
  result: null,
  error: null,
  mismatch: null,
  async loadRole() {
    set({ role: useAppStore.getState().session?.profile?.role ?? null });
  },
  async run(request) {
    set({ running: request.operation, step: null, result: null, error: null, mismatch: null });
    const off = subscribe(transport, 'optical.progress', (p) => p.step && set({ step: p.step }));
    const operationId = beginOperation();
    try {
      const result = await api['optical.program']({ ...request, operationId });
      set(
        result.ok
          ? { result: result.value }
          : { error: errorText(result.error), mismatch: refusedForSerial(result.error.details) ? { ...request, password: '' } : null },
      );
    } finally {
      off();
      endOperation(operationId);
      set({ running: null, step: null });
    }
  },
  clear: () => set({ result: null, error: null, step: null, mismatch: null }),
}));
