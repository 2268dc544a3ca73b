/**
 * The Node side of Fieldmeter without any host: opens the store and builds one handler per
 * contract method. The Electron IPC host, the web host and the CLI all start from here.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { EventName, EventPayload } from '../../shared/contract/api';
import type { EventSink, Handlers } from '../../shared/contract/handlers';
import { AppError } from '../../shared/contract/result';
import { DEMO_FILE_NAME, demoRouteCsv } from './demo/demoRoute';
import { addPhoto, readPhoto } from './readings/photos';
import { saveManualReadings } from './readings/saveReadings';
import { skipCodes, skipVisit } from './readings/skipVisit';
import { validationSettings } from './readings/validationSettings';
import { importRoute } from './routes/importRoute';
import { openStore, type Store } from './store';
import type { OpenOptions } from './store/database';
import type { Actor } from './store/repositories/journal';

export interface FieldmeterOptions extends OpenOptions {
  readonly databasePath: string;
  readonly host: 'electron' | 'web';
  /** The app's version; Electron passes app.getVersion(), other hosts read package.json. */
  readonly version?: string;
}

export interface Fieldmeter {
  readonly store: Store;
  readonly handlers: Handlers;
  readonly events: EventSink & { on(name: EventName, listener: (payload: unknown) => void): () => void };
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

export function currentActor(store: Store): Actor {
  const role = store.settings.get('user.role');
  return {
    name: store.settings.get('user.name') ?? 'field user',
    role: role === 'installer' || role === 'supervisor' ? role : 'technician',
  };
}

export function loadDemoRoute(store: Store) {
  return importRoute(store, currentActor(store), {
    fileName: DEMO_FILE_NAME,
    content: demoRouteCsv(),
    acceptValidRows: false,
    trainingMode: true,
  });
}

export function startFieldmeter(options: FieldmeterOptions): Fieldmeter {
  const store = openStore(options.databasePath, options);
  const events = createEventBus();
  const version = options.version ?? appVersion();
  const changed = (...tables: string[]) => events.emit('data.changed', { tables });
  // Photos sit next to the database, so a backup of the folder keeps both.
  const photoDir = join(dirname(store.path), 'photos');

  const handlers: Handlers = {
    'app.info': () => {
      const locale = store.settings.get('locale');
      return {
        version,
        databasePath: store.path,
        schemaVersion: store.schemaVersion,
        firstRun: store.routes.count() === 0,
        host: options.host,
        locale: locale === 'de' ? 'de' : 'en',
        validation: validationSettings(store),
      };
    },
    'settings.setLocale': ({ locale }) => {
      store.settings.set('locale', locale);
      return { locale };
    },
    'demo.load': () => {
      const summary = loadDemoRoute(store);
      changed('routes', 'usage_points', 'registers');
      return summary;
    },
    'routes.list': () => store.routes.list(),
    'routes.import': (input) => {
      const summary = importRoute(store, currentActor(store), input);
      changed('routes', 'usage_points', 'registers');
      return summary;
    },
    'meters.list': ({ routeId, query, filter }) => store.meters.listForRoute(routeId, query, filter),
    'meters.get': ({ usagePointId }) => {
      const meter = store.meters.get(usagePointId);
      if (!meter) throw new AppError('NOT_FOUND', `Usage point ${usagePointId} is not on any route on this device.`);
      const { deviceId: _deviceId, ...detail } = meter;
      return detail;
    },
    'readings.save': (input) => {
      const saved = saveManualReadings(store, currentActor(store), input, { settings: validationSettings(store), photoDir });
      changed('readings', 'registers', 'route_stops', 'photos', 'outbox');
      return saved;
    },
    'visits.skip': (input) => {
      const skipped = skipVisit(store, currentActor(store), input);
      changed('visit_skips', 'route_stops', 'photos', 'outbox');
      return skipped;
    },
    'skipCodes.list': () => [...skipCodes(store)],
    'photos.add': (input) => {
      const photo = addPhoto(store, currentActor(store), photoDir, input);
      changed('photos');
      return photo;
    },
    'photos.list': ({ usagePointId }) => store.photos.list(usagePointId),
    'photos.get': ({ photoId, size }) => readPhoto(store, photoDir, photoId, size),
    'readings.list': ({ usagePointId, limit }) => store.readings.list({ usagePointId, limit }),
  };

  return { store, handlers, events, close: () => store.close() };
}
