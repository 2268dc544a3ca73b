/** The one main window: hardened preferences, shown only once it has painted. */
import type { BrowserWindow } from 'electron';
import { createLogger } from '../services/log';
import { START_URL } from './origin';
import { secureWebPreferences } from './security';

const log = createLogger('window');

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly devTools: boolean;
}

export function createMainWindow(electron: Readonly<{ BrowserWindow: typeof BrowserWindow }>, options: MainWindowOptions): BrowserWindow {
  const window = new electron.BrowserWindow({
    // The field tablets and laptops the crews carry: 1280×800 is the design size.
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Fieldmeter',
    // Avoids a white flash before the first paint.
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath, { devTools: options.devTools }),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(START_URL).catch((error: unknown) => log.error(`could not load ${START_URL}`, error));
  return window;
}
