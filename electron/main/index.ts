/** Electron main entry: the only file that loads the real 'electron' module. */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { favourSmallHeap } from '../services/heap';
import { startMain } from './app';
import { mainLanguage, systemLanguages } from './language';
import { startFailure } from './startFailure';

favourSmallHeap();

startMain({ app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell }, process.argv, process.env).catch(
  (error: unknown) => {
    process.stderr.write(`Fieldmeter failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    // Started from the desktop there is no terminal: the person sees this box (stderr only, before 'ready' on Linux).
    try {
      const failure = startFailure(error, mainLanguage({ database: 'unavailable', systemLanguages: systemLanguages(app) }));
      dialog.showErrorBox(failure.title, failure.text);
    } finally {
      app.exit(1);
    }
  },
);
