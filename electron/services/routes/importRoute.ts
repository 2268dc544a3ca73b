/** Imports a route read list: all rows in one transaction, with an audit row per route. */
import type { ImportSummary } from '../../../shared/contract/entities';
import { AppError } from '../../../shared/contract/result';
import { mayDo } from '../../../shared/contract/rights';
import type { ArrivingKey, MeterKeys } from '../meterKeys';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import type { Change } from '../store/mutation';
import { RouteCsvReader, type RouteRow } from './routeCsv';

export interface ImportRequest {
  fileName: string;
  content: string;
  acceptValidRows: boolean;
  trainingMode?: boolean;
  /** Where a file's key columns go (routeKeys.ts); absent: a file that carries keys is refused. */
  meterKeys?: Pick<MeterKeys, 'keepWithin'> | undefined;
}

function refusal(fileName: string, reader: RouteCsvReader): AppError {
  const { problems, validRows } = reader;
  const rows = reader.unreadable ? 0 : validRows;
  return new AppError(
    'IMPORT_REJECTED',
    rows === 0
      ? `Nothing was imported from ${fileName}: no row is valid (${problems.length} problem(s)).`
      : `Nothing was imported from ${fileName}: ${problems.length} row problem(s). Fix them, or import only the ${rows} valid row(s).`,
    { reason: 'routeRows', problems: problems.slice(0, 200), validRows: rows, totalProblems: problems.length },
  );
}

/** Rows read and checked before they are written (see importRoute). */
const IMPORT_CHUNK_ROWS = 4096;

/**
 * Reads and writes in one pass inside the transaction: rows are written a chunk at a time as they
 * pass their checks, and nothing holds the whole file's rows (issue 11). A file that must be refused —
 * unreadable, no valid row, or a bad row without `acceptValidRows` — stops writing at its first
 * problem, is read to the end for the full list of problems, and the transaction rolls back.
 */
export function importRoute(store: Store, actor: Actor, request: ImportRequest): ImportSummary {
  const reader = new RouteCsvReader(request.content);
  const refused = () => reader.unreadable || reader.validRows === 0 || (reader.problems.length > 0 && !request.acceptValidRows);
  // Taken a chunk at a time: reading and checking, then writing, each with its own data warm in
  // the processor's caches for a few thousand rows rather than taking turns row by row (bench/run.ts:
  // an import of 100,000 meters ~10 % faster). A chunk is small against the meters (issue 11).
  function* rowsToWrite(): Generator<RouteRow> {
    const chunk: RouteRow[] = [];
    for (const row of reader.rows()) {
      if (request.acceptValidRows || reader.problems.length === 0) chunk.push(row);
      if (chunk.length === IMPORT_CHUNK_ROWS) {
        yield* chunk;
        chunk.length = 0;
      }
    }
    yield* chunk;
  }
  return store.mutate(actor, (change) => {
    const written = writeRows(store, change, rowsToWrite(), { ...request, skippedRows: () => reader.problems.length });
    if (refused()) throw refusal(request.fileName, reader);
    return { ...written, skippedRows: reader.problems };
  });
}

interface RouteWrite {
  readonly id: string;
  /** One stop per usage point, at the sequence of its first row. */
  readonly stops: { sequence: number; usagePointId: string }[];
  /** The usage points among `stops`, made when a usage point comes back (rows not next to each other). */
  onRoute: Set<string> | null;
  registers: number;
}

/** Writes checked rows in one transaction: routes, usage points, meters, registers and read sequence. */
export function writeRouteRows(
  store: Store,
  actor: Actor,
  rows: Iterable<RouteRow>,
  request: WriteRequest,
): Omit<ImportSummary, 'skippedRows'> {
  return store.mutate(actor, (change) => writeRows(store, change, rows, request));
}

interface WriteRequest {
  fileName: string;
  trainingMode?: boolean | undefined;
  skippedRows?: () => number;
  meterKeys?: Pick<MeterKeys, 'keepWithin'> | undefined;
}

/**
 * Keys travel to the supervisor alone (README "Meter keys": technicians never see a key), so a
 * route file that carries keys takes the key file's right: a technician or installer importing it
 * is refused as a whole, rather than the route going in without the keys it needs.
 */
function mayKeepKeys(change: Change, request: WriteRequest): Pick<MeterKeys, 'keepWithin'> {
  if (!mayDo(change.actor.role, 'supervise'))
    throw new AppError('FORBIDDEN', `${request.fileName} carries meter keys; only a supervisor may import it.`, {
      reason: 'meterKeys.needSupervisor',
    });
  if (!request.meterKeys)
    throw new AppError('VALIDATION', 'This device cannot keep meter keys safely; nothing was imported.', {
      reason: 'meterKeys.storageUnavailable',
      problem: 'unavailable',
    });
  return request.meterKeys;
}

/** A RouteRow is a RegisterInput with its stop's fields around it: the usage point's part. */
const usagePointOf = (row: RouteRow) => ({
  id: row.usagePointId,
  address: row.address,
  accountId: row.accountId,
  accessNotes: row.accessNotes,
  hazards: row.hazards,
  latitude: row.latitude,
  longitude: row.longitude,
});

/**
 * Writes rows as they are taken, inside the caller's transaction (not a nested one: a savepoint
 * would copy every page it changes to a sub-journal). The registers of a usage point are written
 * together when its rows are adjacent (as read lists have them), and added to its meter when not.
 */
function writeRows(store: Store, change: Change, rows: Iterable<RouteRow>, request: WriteRequest): Omit<ImportSummary, 'skippedRows'> {
  const importedAt = new Date().toISOString();
  const routes = new Map<string, RouteWrite>();
  const deviceOf = new Map<string, number>();
  let registers = 0;
  let pending: RouteRow[] = [];
  const keys: ArrivingKey[] = [];
  let keeper: Pick<MeterKeys, 'keepWithin'> | undefined;

  function addStop(route: RouteWrite, head: RouteRow, newToImport: boolean) {
    if (!newToImport) {
      route.onRoute ??= new Set(route.stops.map((s) => s.usagePointId));
      if (route.onRoute.has(head.usagePointId)) return;
    }
    route.onRoute?.add(head.usagePointId);
    route.stops.push({ sequence: head.sequence, usagePointId: head.usagePointId });
  }

  function flush(route: RouteWrite) {
    const head = pending[0];
    if (!head) return;
    if (head.firstOfUsagePoint) {
      // The reader says these are the usage point's first rows in the file: nothing to look up.
      store.meters.upsertMeter(usagePointOf(head), head.meterSerial, pending);
      addStop(route, head, true);
    } else {
      // Its meter was written above in this import: the map knows it, or (for a usage point the
      // reader marked) the meter is found at it. Otherwise it is written as a new one.
      const deviceId =
        deviceOf.get(head.usagePointId) ??
        (head.firstOfUsagePoint === false ? store.meters.deviceIdAt(head.meterSerial, head.usagePointId) : undefined);
      if (deviceId === undefined) deviceOf.set(head.usagePointId, store.meters.upsertMeter(usagePointOf(head), head.meterSerial, pending));
      else store.meters.upsertRegisters(deviceId, pending);
      addStop(route, head, false);
    }
    pending = [];
  }

  let current: RouteWrite | undefined;
  for (const row of rows) {
    if (current && (current.id !== row.routeId || pending[0]?.usagePointId !== row.usagePointId)) flush(current);
    let route = current?.id === row.routeId ? current : routes.get(row.routeId);
    if (!route) {
      store.routes.upsert({
        id: row.routeId,
        name: row.routeName,
        importedAt,
        sourceFile: request.fileName,
        trainingMode: request.trainingMode ?? false,
      });
      routes.set(row.routeId, (route = { id: row.routeId, stops: [], onRoute: null, registers: 0 }));
    }
    current = route;
    if (row.keys) {
      keeper ??= mayKeepKeys(change, request);
      keys.push(...row.keys);
      delete row.keys;
    }
    pending.push(row);
    route.registers++;
    registers++;
  }
  if (current) flush(current);
  for (const route of routes.values()) {
    store.routes.replaceStops(route.id, route.stops);
    change.audit({
      action: 'route.import',
      entity: 'route',
      entityId: route.id,
      details: {
        fileName: request.fileName,
        usagePoints: route.stops.length,
        registers: route.registers,
        skippedRows: request.skippedRows?.() ?? 0,
      },
    });
  }
  const kept = keeper?.keepWithin(change, keys, { from: 'routeFile', name: request.fileName });
  return {
    routes: [...routes.keys()],
    usagePoints: [...routes.values()].reduce((n, r) => n + r.stops.length, 0),
    registers,
    ...(kept ? { meterKeys: kept.kept } : {}),
  };
}
