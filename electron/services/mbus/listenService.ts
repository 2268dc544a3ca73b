/**
 * The one listening session of this device (issue 23): opens the receiver on the port the Listen
 * screen picked, feeds it to the session, and answers the screen's questions. An unplugged stick
 * ends the session with a reason; the heard list stays until the next start.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/contract/appError';
import type { ListenCursor, ListenState } from '../../../shared/contract/methods/listen';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { validationSettings } from '../readings/validationSettings';
import type { SerialLink } from '../serial/link';
import type { MeterKeys } from '../meterKeys';
import type { RadioMode } from '../../../shared/mbus/receiverMode';
import { createListenSession, type HeardMeter, type ListenSession, type ReceiverKind } from './listen';
import { nodeAes } from './nodeAes';
import { radioStopsOf, type RadioStop } from './radioRoute';

export interface ListenService {
  /** The route decides whether heard meters are saved without a tap (migration 27). */
  start(actor: () => Actor, request: { routeId: string; port: string; receiver: ReceiverKind; mode: RadioMode }): Promise<ListenState>;
  /** With `since` (a cursor this session answered before): only the heard meters changed after it. */
  state(since?: ListenCursor): ListenState;
  routeSetting(routeId: string): { routeId: string; autoSave: boolean };
  setRouteSetting(actor: Actor, routeId: string, autoSave: boolean): { routeId: string; autoSave: boolean };
  session(): ListenSession;
  stop(): Promise<ListenState>;
  /**
   * The app closing: no more bytes reach the session, the receiver is let go, and what waits for its
   * auto-save batch is saved at once, before the store closes.
   */
  flush(): void;
}

/** The serial port module is loaded when a session starts, not with the app. */
const openReceiverLazily = async (port: string, receiver: ReceiverKind, mode: RadioMode) =>
  (await import('./receiverOnPort')).openReceiver(port, receiver, mode);

/** The route's auto-save setting, or a coded refusal for a route not on this device. */
function autoSaveOf(store: Store, routeId: string): boolean {
  const autoSave = store.routes.radioAutoSave(routeId);
  if (autoSave === null) throw new AppError('NOT_FOUND', `Route ${routeId} is not on this device.`, { reason: 'listen.routeUnknown' });
  return autoSave;
}

export function listenService(
  store: Store,
  meterKeys: MeterKeys,
  photoDir: string,
  open: (port: string, receiver: ReceiverKind, mode: RadioMode) => Promise<SerialLink> = openReceiverLazily,
): ListenService {
  let current: {
    session: ListenSession;
    link: SerialLink | null;
    stops: readonly RadioStop[];
    routeId: string;
    receiver: ReceiverKind;
    autoSave: boolean;
    startedAt: string;
  } | null = null;
  let stoppedBecause: 'unplugged' | null = null;
  /** Detaches the running session from its receiver's bytes (the app closing). */
  let stopData: () => void = () => {};
  // Versions for the screen's refresh (issue 23 "Speed"): the session replaces a heard meter's object whenever
  // it changes, so a new object is a change; so is any other change of what is shown (Stop, a count), so two
  // answers with one version say the same. Versions count within a session named by this process's own id
  // and a number: a cursor from an earlier session, or from another process, gets the whole state.
  const processId = randomUUID();
  let sessionNumber = 0;
  let sessionId = `${processId}.0`;
  let version = 0;
  let sessionFrom = 0;
  let lastShown = '';
  type HeardRow = ListenState['heard'][number];
  let shown = new Map<string, { meter: HeardMeter; version: number; row: HeardRow }>();

  const closeLink = async () => {
    const link = current?.link;
    if (current) current.link = null;
    await link?.close().catch(() => undefined);
    // Meters heard first and still waiting for their auto-save batch are saved, not dropped, on Stop.
    current?.session.flush();
  };

  const state = (since?: ListenCursor): ListenState => {
    if (!current)
      return {
        session: sessionId,
        version,
        changedSince: null,
        active: false,
        routeId: null,
        receiver: null,
        autoSave: false,
        startedAt: null,
        stoppedBecause,
        counts: { stops: 0, heard: 0, notHeard: 0, notOnRoute: 0, duplicates: 0, damaged: 0, unreadable: 0 },
        heard: [],
        notHeard: [],
      };
    const byId = new Map(current.stops.map((s) => [s.usagePointId, s]));
    const stopOf = (id: string) => {
      const s = byId.get(id);
      return { usagePointId: id, sequence: s?.sequence ?? 0, address: s?.address ?? '', meterSerial: s?.meterSerial ?? '' };
    };
    const rowOf = (h: HeardMeter): HeardRow => ({
      ...stopOf(h.usagePointId),
      heardAt: h.heardAt,
      values: h.values.map((v) => ({
        ...v,
        readingType: byId.get(h.usagePointId)?.registers.find((r) => r.id === v.registerId)?.readingType ?? '',
      })),
      reason: h.reason,
      readingSetId: h.readingSetId,
      saveProblem: h.saveProblem,
    });
    const heard = current.session.heard();
    for (const h of heard) {
      const known = shown.get(h.usagePointId);
      if (known?.meter !== h) shown.set(h.usagePointId, { meter: h, version: ++version, row: rowOf(h) });
    }
    const active = current.link !== null;
    const counts = current.session.counts();
    const seen = JSON.stringify([active, stoppedBecause, counts]);
    if (seen !== lastShown) {
      lastShown = seen;
      version++;
    }
    const trusted = since !== undefined && since.session === sessionId && since.version >= sessionFrom && since.version <= version;
    const changedSince = trusted ? since.version : null;
    const heardIds = new Set(heard.map((h) => h.usagePointId));
    return {
      session: sessionId,
      version,
      changedSince,
      active,
      routeId: current.routeId,
      receiver: current.receiver,
      autoSave: current.autoSave,
      startedAt: current.startedAt,
      stoppedBecause,
      counts,
      heard: [...shown.values()]
        .filter((h) => changedSince === null || h.version > changedSince)
        .map((h) => h.row)
        .sort((a, b) => a.sequence - b.sequence),
      notHeard: current.stops.filter((s) => !heardIds.has(s.usagePointId)).map((s) => stopOf(s.usagePointId)),
    };
  };

  return {
    async start(actor, request) {
      await closeLink();
      const autoSave = autoSaveOf(store, request.routeId);
      const stops = radioStopsOf(store, request.routeId);
      if (stops.length === 0)
        throw new AppError('VALIDATION', `Route ${request.routeId} has no radio meters.`, { reason: 'listen.noRadioMeters' });
      const session = createListenSession({
        store,
        actor,
        receiver: request.receiver,
        stops,
        keys: meterKeys.radioKeys(),
        aes: nodeAes,
        autoSave,
        settings: validationSettings(store),
        photoDir,
      });
      let link: SerialLink;
      try {
        link = await open(request.port, request.receiver, request.mode);
      } catch (error) {
        const mode = (error as { reason?: unknown }).reason;
        // A stick that opens but refuses the mode, or never confirms it, is told apart from a missing one.
        throw new AppError('VALIDATION', `Cannot open the receiver on ${request.port}: ${(error as Error).message}`, {
          reason: mode === 'refused' ? 'listen.modeRefused' : mode === 'noAnswer' ? 'listen.modeNotConfirmed' : 'listen.portUnavailable',
        });
      }
      stoppedBecause = null;
      sessionId = `${processId}.${++sessionNumber}`;
      sessionFrom = version + 1; // the first answer of the session moves the version to it
      lastShown = '';
      shown = new Map();
      current = {
        session,
        link,
        stops,
        routeId: request.routeId,
        receiver: request.receiver,
        autoSave,
        startedAt: new Date().toISOString(),
      };
      const mine = current;
      stopData = link.onData((bytes) => mine.session.feed(bytes));
      link.onClose((unexpected) => {
        if (!unexpected || current !== mine) return;
        mine.link = null;
        stoppedBecause = 'unplugged';
        mine.session.flush(); // what was heard before the stick went away is saved
      });
      return state();
    },
    state,
    routeSetting: (routeId) => ({ routeId, autoSave: autoSaveOf(store, routeId) }),
    setRouteSetting(actor, routeId, autoSave) {
      autoSaveOf(store, routeId);
      store.mutate(actor, (change) => {
        store.routes.setRadioAutoSave(routeId, autoSave);
        change.audit({ action: 'listen.routeSetting', entity: 'route', entityId: routeId, details: { autoSave } });
      });
      return { routeId, autoSave };
    },
    session() {
      if (!current) throw new AppError('VALIDATION', 'Nothing is being listened to. Press Listen first.', { reason: 'listen.notStarted' });
      return current.session;
    },
    async stop() {
      await closeLink();
      return state();
    },
    flush() {
      stopData();
      const link = current?.link;
      if (current) current.link = null;
      void link?.close().catch(() => undefined);
      current?.session.flush();
    },
  };
}
