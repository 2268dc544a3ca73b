import type { supervisorMethods } from '../../../shared/contract/methods/supervisor';
import { AppError } from '../../../shared/contract/result';
import { basename } from 'node:path';
import { exportsDir, findExportFile, saveExportAs } from '../exports/exportFiles';
import { prepareExportWorker } from '../exports/exportInWorker';
import { defaultExportPath, runExport } from '../exports/runExport';
import { approve, editReading, returnToTechnician } from '../review/decide';
import type { DomainHandlers, HandlerContext } from './context';

export function supervisorHandlers({
  store,
  actor,
  emit,
  saveDialog,
  exportWorker,
}: HandlerContext): DomainHandlers<keyof typeof supervisorMethods> {
  // One export at a time per window set; its controller lets "Cancel" stop it.
  let running: AbortController | null = null;
  return {
    'review.list': ({ status, limit }) => store.review.list({ status, limit }),
    'review.approve': ({ kind, id }) => {
      const item = approve(store, actor(), kind, id);
      return item;
    },
    'review.return': ({ kind, id, comment }) => {
      const item = returnToTechnician(store, actor(), kind, id, comment);
      return item;
    },
    'review.edit': ({ readingId, value, reason }) => {
      const item = editReading(store, actor(), readingId, value, reason);
      return item;
    },
    'dashboard.get': ({ days }) => {
      const { pending, rejected, sent } = store.outbox.counts();
      const { dashboard } = store;
      return {
        at: new Date().toISOString(),
        totals: dashboard.totals(),
        routes: dashboard.routes(),
        technicians: dashboard.technicians(),
        days: dashboard.days(days),
        warnings: dashboard.warnings(),
        outbox: { pending, rejected, sent },
      };
    },
    'audit.list': ({ search, limit }) => store.review.audit(search.trim(), limit),
    'export.run': async ({ format, filter, language }) => {
      if (running)
        throw new AppError('VALIDATION', 'An export is already running. Wait for it or cancel it first.', { reason: 'exportRunning' });
      const controller = new AbortController();
      running = controller;
      try {
        const result = await runExport(store, actor(), format, filter, defaultExportPath(store, format), {
          ...exportWorker,
          signal: controller.signal,
          language,
          onProgress: (done, total) => emit('export.progress', { format, done, total }),
        });
        return { ...result, fileName: basename(result.path) };
      } finally {
        running = null;
      }
    },
    'export.saveAs': async ({ fileName }) => {
      const dir = exportsDir(store.path);
      const file = findExportFile(dir, actor(), fileName);
      if (!saveDialog)
        throw new AppError('VALIDATION', 'Saving with a dialog needs the desktop app; in the browser use Download.', {
          reason: 'desktopOnly',
        });
      const target = await saveDialog(file.name);
      return { path: target === null ? null : await saveExportAs(file, target, dir) };
    },
    'export.prepare': async () => {
      if (actor().role !== 'supervisor') return { ready: false };
      return {
        ready: await prepareExportWorker({ databasePath: store.path, expected: store.exportRows.upperBound() }, exportWorker ?? {}),
      };
    },
    'export.cancel': () => {
      const wasRunning = running !== null;
      running?.abort();
      return { cancelled: wasRunning };
    },
  };
}
