/**
 * The Node side of Fieldmeter without any host: opens the store and builds one handler per
 * contract method. The Electron IPC host, the web host and the CLI all start from here.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract/api';
import type { EventSink, Handlers } from '../../shared/contract/handlers';
import { appHandlers } from './handlers/app';
import type { HandlerContext } from './handlers/context';
import { opticalHandlers } from './handlers/optical';
import { readingHandlers } from './handlers/readings';
import { routeHandlers } from './handlers/routes';
import { workOrderHandlers } from './handlers/workOrders';
import { switchingHandlers } from './handlers/switching';
import { evidenceHandlers } from './handlers/evidence';
import { findReceiptFile, type ReceiptFile } from './evidence/receipts';
import { supervisorHandlers } from './handlers/supervisor';
import { syncHandlers } from './handlers/sync';
import { guardHandlers } from './handlers/guard';
import { profileHandlers } from './handlers/profiles';
import { createSession, type SessionService } from './identity/session';
import { AppError } from '../../shared/contract/result';
import { exportsDir, findExportFile, type ExportFile } from './exports/exportFiles';
import { openStore, type OpenOptions, type Store } from './store';
import type { BlobStore, SecretStore } from './sync/secrets';
import { mapHandlers, mapTileUrl } from './handlers/map';
import { contentSecurityPolicyFor } from '../../shared/contract/csp';
import { meterKeyHandlers } from './handlers/meterKeys';
import { listenHandlers } from './handlers/listen';
import { hanHandlers } from './handlers/han';
import { wiredMbusHandlers } from './handlers/wiredMbus';
import { meterKeysOf, type MeterKeys, type MeterKeysOptions } from './meterKeys';
import { envEncryptor } from './meterKeys/encryptors';

export interface FieldmeterOptions extends OpenOptions {
  readonly databasePath: string;
  readonly host: 'electron' | 'web';
  /** The app's version; Electron passes app.getVersion(), other hosts read package.json. */
  readonly version?: string;
  /** Electron: sync credentials kept with safeStorage (issue 7); absent = environment variables only. */
  readonly secrets?: (blobs: BlobStore) => SecretStore;
  /** Electron: meter keys sealed with safeStorage; absent = sealed under FIELDMETER_KEY_SECRET, or not kept at all. */
  readonly meterKeys?: MeterKeysOptions;
  /** Electron: the OS save dialog, for saving an export elsewhere (issue 10). */
  readonly saveDialog?: (suggestedName: string) => Promise<string | null>;
  /** The built export worker (the desktop app's out/main/exportWorker.cjs); without it the source runs through tsx. */
  readonly exportWorker?: string;
}

export interface Fieldmeter {
  readonly store: Store;
  /** Who is signed in (hosts show it; the CLI signs in with --user). */
  readonly session: SessionService;
  /** Every contract method, each behind the check of its declared right. */
  readonly handlers: Handlers;
  /** Meter keys, for the Node side's readers (M-Bus listening, DLMS): never sent to a window. */
  readonly meterKeys: MeterKeys;
  readonly events: EventSink & { on(name: EventName, listener: (payload: unknown) => void): () => void };
  /** An export file the current profile may take off the device (the web host's download), or a coded error. */
  exportFile(name: unknown): ExportFile;
  /** A visit receipt the app made, for any signed-in profile (the web host's download), or a coded error. */
  receiptFile(name: unknown): ReceiptFile;
  /** The page's CSP as the settings make it now: remote images from the configured tile server only. */
  contentSecurityPolicy(): string;
  close(): void;
}

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function createEventBus() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    emit<E extends EventName>(name: E, payload: EventPayload<E>) {
      emitter.emit(name, payload);
    },
    on(name: EventName, listener: (payload: unknown) => void) {
      emitter.on(name, listener);
      return () => emitter.off(name, listener);
    },
  };
}

export { DEMO_PROFILES, describeTrainingProfiles, loadDemoRoute, prepareTraining, seedDemoProfiles, TRAINING_SETUP } from './actor';
/** Hosts run a handler's right check before they parse its input (electron/host/dispatch.ts). */
export { rightCheckOf } from './handlers/guard';

export function startFieldmeter(options: FieldmeterOptions): Fieldmeter {
  const store = openStore(options.databasePath, options);
  const events = createEventBus();
  const version = options.version ?? appVersion();
  // Every write the store makes is announced by topic once per turn, whoever made it (handler, sync, import).
  store.writes.onChange((topics) => events.emit('data.changed', { topics: [...topics] }));
  // Photos sit next to the database, so a backup of the folder keeps both.
  const photoDir = join(dirname(store.path), 'photos');

  const session = createSession(store);
  const actor = () => {
    const signedIn = session.current();
    if (!signedIn) throw new AppError('SIGN_IN_REQUIRED', 'Sign in first.');
    return signedIn;
  };
  const context: HandlerContext = {
    store,
    session,
    actor,
    mutate: (work) => store.mutate(actor(), work),
    host: options.host,
    version,
    photoDir,
    emit: events.emit,
    saveDialog: options.saveDialog,
    exportWorker: { builtWorker: options.exportWorker, nativeBinding: options.nativeBinding },
  };
  const meterKeys = meterKeysOf(store, options.meterKeys ?? { encryptor: envEncryptor() });
  let flushListening = () => {};
  // One map per domain, merged: the Handlers type makes a missing or extra method a type error.
  const handlers: Handlers = {
    ...appHandlers(context),
    ...profileHandlers(context),
    ...routeHandlers(context, meterKeys),
    ...readingHandlers(context),
    ...workOrderHandlers(context),
    ...switchingHandlers(context),
    ...evidenceHandlers(context),
    ...supervisorHandlers(context),
    ...opticalHandlers(context, meterKeys),
    ...mapHandlers(context),
    ...meterKeyHandlers(context, meterKeys),
    ...listenHandlers(context, meterKeys, (flush) => (flushListening = flush)),
    ...hanHandlers(context, meterKeys),
    ...wiredMbusHandlers(context),
    ...syncHandlers(context, { ...(options.secrets ? { secrets: options.secrets } : {}), meterKeys }),
  };

  const exportFile = (name: unknown) => findExportFile(exportsDir(store.path), actor(), name);
  const receiptFile = (name: unknown) => {
    actor();
    return findReceiptFile(store, photoDir, name);
  };
  // Every method's right is checked against the signed-in profile before its handler runs.
  return {
    store,
    session,
    handlers: guardHandlers(handlers, session.current),
    meterKeys,
    events,
    exportFile,
    receiptFile,
    contentSecurityPolicy: () => contentSecurityPolicyFor(mapTileUrl(store)),
    close: () => {
      flushListening(); // meters heard and waiting for their auto-save are saved, not lost with the window
      store.close();
    },
  };
}
