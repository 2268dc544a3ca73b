/**
 * The OS save dialog for an export (issue 10), offered in the user's Documents folder with the
 * export's own name and ending, titled in the person's language. It only asks; services/exports
 * checks the chosen path and copies.
 */
import { extname, join } from 'node:path';
import type { BrowserWindow, SaveDialogOptions } from 'electron';
import type { ElectronMain } from './app';
import { fillWords, type MainWords } from './mainWords';

export function exportSaveOptions(words: MainWords['saveExport'], documents: string, suggestedName: string): SaveDialogOptions {
  const ending = extname(suggestedName).slice(1);
  return {
    title: words.title,
    defaultPath: join(documents, suggestedName),
    filters: [{ name: fillWords(words.fileKind, { ending: ending.toUpperCase() }), extensions: [ending] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}

export function exportSaveDialog(
  electron: Pick<ElectronMain, 'app' | 'dialog'>,
  window: () => BrowserWindow | null,
  // Asked at each save, so a language changed since the start is the one used.
  words: () => MainWords['saveExport'],
) {
  return async (suggestedName: string): Promise<string | null> => {
    const options = exportSaveOptions(words(), electron.app.getPath('documents'), suggestedName);
    const parent = window();
    const result = parent ? await electron.dialog.showSaveDialog(parent, options) : await electron.dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
