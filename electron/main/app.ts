/**
 * The desktop app's start-up, with the Electron module passed in (index.ts passes the real
 * one, the unit test a fake): sandbox and scheme before ready, one instance, the database,
 * the IPC host, the window.
 */
import { join } from 'node:path';
import type * as ElectronModule from 'electron';
import { AppError } from '../../shared/contract/result';
import { describeTrainingProfiles, prepareTraining, startFieldmeter, type Fieldmeter } from '../services/fieldmeter';
import { createLogger } from '../services/log';
import { encryptedSecretStore } from '../services/sync/secrets';
import { APP_NAME, resolveDatabasePath } from '../services/paths';
import { parseCliArgs } from './args';
import { registerIpc } from './ipc';
import { safeStorageProblem } from './secretStorage';
import { menuTemplate } from './menu';
import { appScheme, registerAppProtocol } from './protocol';
import { exportSaveDialog } from './saveDialog';
import { hardenApp, hardenSession } from './security';
import { contentSecurityPolicy } from '../../shared/contract/csp';
import { createMainWindow } from './window';

const log = createLogger('main');

export type ElectronMain = Pick<
  typeof ElectronModule,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'protocol' | 'session' | 'shell'
> &
  Partial<Pick<typeof ElectronModule, 'safeStorage'>>;

/** Exit code when the database was refused: scripts/start.mjs must not mistake it for "Electron cannot run". */
export const EXIT_DATABASE_REFUSED = 3;

/** Paths inside the app (a folder in development, app.asar when packaged). */
export function appFiles(appPath: string) {
  return {
    preload: join(appPath, 'out', 'preload', 'index.cjs'),
    renderer: join(appPath, 'out', 'renderer'),
    exportWorker: join(appPath, 'out', 'main', 'exportWorker.cjs'),
  };
}

/** The better-sqlite3 build for Electron's ABI in development; the packaged app ships its own. */
export function nativeBindingFor(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  if (isPackaged) return undefined;
  return env.FIELDMETER_SQLITE_BINDING || undefined;
}

export function databaseErrorMessage(error: unknown, databasePath: string): string {
  if (error instanceof AppError) return error.message;
  const reason = error instanceof Error ? error.message : String(error);
  return `Fieldmeter cannot open its database ${databasePath}: ${reason}`;
}

export async function startMain(electron: ElectronMain, argv: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { app, BrowserWindow, dialog, Menu, safeStorage } = electron;
  const args = parseCliArgs(argv.slice(1));

  // Both must happen before 'ready'.
  electron.protocol.registerSchemesAsPrivileged([appScheme]);
  hardenApp(app, electron.shell);

  // The same folder the web host and CLI use (services/paths), and the key of the single-instance lock.
  app.setName(APP_NAME);
  app.setPath('userData', join(app.getPath('appData'), APP_NAME));
  if (!app.requestSingleInstanceLock()) {
    // Another Fieldmeter owns the database; it gets focused through 'second-instance'.
    app.quit();
    return;
  }

  let mainWindow: ElectronModule.BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (mainWindow === null || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  await app.whenReady();
  const files = appFiles(app.getAppPath());
  // The policy follows the map's tile setting once the database is open; until then no remote image at all.
  let pagePolicy = () => contentSecurityPolicy;
  registerAppProtocol(electron.protocol, files.renderer, () => pagePolicy());
  hardenSession(electron.session.defaultSession, () => pagePolicy());
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isPackaged: app.isPackaged, platform: process.platform })));

  const databasePath = resolveDatabasePath(args.db, env, app.getPath('userData'), { training: args.demo });
  let fieldmeter: Fieldmeter;
  try {
    fieldmeter = startFieldmeter({
      databasePath,
      host: 'electron',
      version: app.getVersion(),
      nativeBinding: nativeBindingFor(app.isPackaged, env),
      // Sync credentials through the OS keychain, never plain text (issue 7, Transport).
      // Refused where safeStorage would use its well-known key (Linux without a keyring, issue 18).
      secrets: safeStorage
        ? (blobs) => encryptedSecretStore(safeStorage, blobs, () => safeStorageProblem(safeStorage, process.platform))
        : undefined,
      // Meter keys sealed the same way, and refused where sync credentials would be (issue 23 §5).
      meterKeys: safeStorage
        ? { encryptor: safeStorage, storageProblem: () => safeStorageProblem(safeStorage, process.platform) }
        : { encryptor: undefined },
      // Saving an export elsewhere asks here, in the main process; services check the path and copy (issue 10).
      exportWorker: files.exportWorker,
      saveDialog: exportSaveDialog(electron, () => (mainWindow === null || mainWindow.isDestroyed() ? null : mainWindow)),
    });
  } catch (error) {
    log.error('database refused', error);
    dialog.showErrorBox('Fieldmeter cannot open its database', databaseErrorMessage(error, databasePath));
    app.exit(EXIT_DATABASE_REFUSED);
    return;
  }
  pagePolicy = () => fieldmeter.contentSecurityPolicy();
  if (args.demo) {
    try {
      const seeded = await prepareTraining(fieldmeter.store);
      if (seeded.length) log.info(describeTrainingProfiles(seeded));
    } catch (error) {
      log.error('could not load the demo route', error);
    }
  }

  const disposeIpc = registerIpc(electron.ipcMain, fieldmeter, () => BrowserWindow.getAllWindows());
  const openWindow = () => {
    mainWindow = createMainWindow(electron, { preloadPath: files.preload, devTools: !app.isPackaged });
  };
  openWindow();

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // A field app has nothing to do without its window, on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    disposeIpc();
    fieldmeter.close();
  });
}
