/**
 * The OS save dialog for an export (issue 10), offered in the user's Documents folder with the
 * export's own name and ending. It only asks; services/exports checks the chosen path and copies.
 */
import { extname, join } from 'node:path';
import type { BrowserWindow, SaveDialogOptions } from 'electron';
import type { ElectronMain } from './app';

export function exportSaveDialog(electron: Pick<ElectronMain, 'app' | 'dialog'>, window: () => BrowserWindow | null) {
  return async (suggestedName: string): Promise<string | null> => {
    const ending = extname(suggestedName).slice(1);
    const options: SaveDialogOptions = {
      title: 'Save export',
      defaultPath: join(electron.app.getPath('documents'), suggestedName),
      filters: [{ name: ending.toUpperCase(), extensions: [ending] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const parent = window();
    const result = parent ? await electron.dialog.showSaveDialog(parent, options) : await electron.dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
