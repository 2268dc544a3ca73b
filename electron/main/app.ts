/**
 * The desktop app's start-up, with the Electron module passed in (index.ts passes the real
 * one, the unit test a fake): sandbox and scheme before ready, one instance, the database,
 * the IPC host, the window.
 */
import { join } from 'node:path';
import type * as ElectronModule from 'electron';
import { describeTrainingProfiles, prepareTraining, startFieldmeter, type Fieldmeter } from '../services/fieldmeter';
import { createLogger } from '../services/log';
import { encryptedSecretStore } from '../services/sync/secrets';
import { APP_NAME, resolveDatabasePath } from '../services/paths';
import { parseCliArgs } from './args';
import { databaseRefusal } from './databaseRefusal';
import { mainLanguage, systemLanguages } from './language';
import { mainWordsIn, type MainLanguage } from './mainWords';
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

/** The application menu in the given language (rebuilt by the caller only when the language changes). */
function applicationMenu(electron: ElectronMain, language: MainLanguage) {
  const template = menuTemplate({ isPackaged: electron.app.isPackaged, platform: process.platform, words: mainWordsIn(language).menu });
  return electron.Menu.buildFromTemplate(template);
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

  const databasePath = resolveDatabasePath(args.db, env, app.getPath('userData'), { training: args.demo });
  let fieldmeter: Fieldmeter;
  // The person's choice is in the database (settings.setLocale); until it is open there is none.
  let language = (): MainLanguage => 'en';
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
      saveDialog: exportSaveDialog(
        electron,
        () => (mainWindow === null || mainWindow.isDestroyed() ? null : mainWindow),
        () => mainWordsIn(language()).saveExport,
      ),
    });
  } catch (error) {
    log.error('database refused', error);
    // No database to ask for the person's language: the system's is the best guess.
    const refusal = databaseRefusal(error, databasePath, mainLanguage({ database: 'unavailable', systemLanguages: systemLanguages(app) }));
    dialog.showErrorBox(refusal.title, refusal.text);
    app.exit(EXIT_DATABASE_REFUSED);
    return;
  }
  pagePolicy = () => fieldmeter.contentSecurityPolicy();
  const opened = fieldmeter;
  language = () => mainLanguage({ database: 'open', stored: opened.store.settings.get('locale') });
  // The menu follows a language chosen in the window: rebuilt only when a settings write changed it.
  let menuLanguage = language();
  Menu.setApplicationMenu(applicationMenu(electron, menuLanguage));
  const stopMenuFollowing = fieldmeter.events.on('data.changed', (payload) => {
    const topics = (payload as { topics?: readonly string[] }).topics ?? [];
    if (!topics.includes('settings') || language() === menuLanguage) return;
    menuLanguage = language();
    Menu.setApplicationMenu(applicationMenu(electron, menuLanguage));
  });
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
    stopMenuFollowing();
    fieldmeter.close();
  });
}
