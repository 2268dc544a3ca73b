/**
 * Importing a route file (routes.import). A file with bad rows is refused as a whole
 * (IMPORT_REJECTED); the person sees every problem and may then import only the valid rows.
 */
import { create } from 'zustand';
import { z } from 'zod';
import { importProblem, type ImportProblem, type ImportSummary } from '../../../../shared/contract/entities';
import { api } from '../../api/client';
import { useAppStore } from '../../app/appStore';
import { useNavStore } from '../../app/navStore';
import { useRoutesStore } from '../routes/routesStore';
import { errorText } from '../../lib/errorText';

const rejectionDetails = z.object({
  problems: z.array(importProblem),
  validRows: z.number().int(),
  totalProblems: z.number().int(),
});

type ImportStatus = 'idle' | 'importing' | 'rejected' | 'done' | 'failed';

interface ImportSlice {
  status: ImportStatus;
  fileName: string;
  content: string;
  message: string | null;
  problems: ImportProblem[];
  validRows: number;
  totalProblems: number;
  summary: ImportSummary | null;
  importFile(file: File): Promise<void>;
  importValidRows(): Promise<void>;
  dismiss(): void;
}

export const useImportStore = create<ImportSlice>((set, get) => {
  async function send(acceptValidRows: boolean) {
    const { fileName, content } = get();
    set({ status: 'importing', message: null });
    const result = await api['routes.import']({ fileName, content, acceptValidRows });
    if (result.ok) {
      set({ status: 'done', summary: result.value, content: '' });
      await Promise.all([useAppStore.getState().refreshInfo(), useRoutesStore.getState().load()]);
      const first = result.value.routes[0];
      if (first) useNavStore.getState().selectRoute(first);
      return;
    }
    const details = rejectionDetails.safeParse(result.error.details);
    if (result.error.code === 'IMPORT_REJECTED' && details.success) {
      set({ status: 'rejected', message: errorText(result.error), ...details.data });
    } else {
      set({ status: 'failed', message: errorText(result.error), content: '' });
    }
  }

  return {
    status: 'idle',
    fileName: '',
    content: '',
    message: null,
    problems: [],
    validRows: 0,
    totalProblems: 0,
    summary: null,

    async importFile(file) {
      set({ status: 'importing', fileName: file.name, message: null, problems: [], summary: null });
      let content: string;
      try {
        content = await file.text();
      } catch {
        set({ status: 'failed', message: null });
        return;
      }
      set({ content });
      await send(false);
    },
    importValidRows: () => send(true),
    dismiss: () => set({ status: 'idle', content: '', problems: [], summary: null, message: null }),
  };
});
