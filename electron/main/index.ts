/** Electron main entry: the only file that loads the real 'electron' module. */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { favourSmallHeap } from '../services/heap';
import { startMain } from './app';

favourSmallHeap();

startMain({ app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell }, process.argv, process.env).catch(
  (error: unknown) => {
    process.stderr.write(`Fieldmeter failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    app.exit(1);
  },
);
