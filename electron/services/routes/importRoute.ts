/** Imports a route read list: all rows in one transaction, with an audit row per route. */
import type { ImportSummary } from '../../../shared/contract/entities';
import { AppError } from '../../../shared/contract/result';
import type { Store } from '../store';
import type { Actor } from '../store/repositories/journal';
import { parseRouteCsv, type RouteRow } from './routeCsv';

export interface ImportRequest {
  fileName: string;
  content: string;
  acceptValidRows: boolean;
  trainingMode?: boolean;
}

function groupBy<K, V>(items: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function importRoute(store: Store, actor: Actor, request: ImportRequest): ImportSummary {
  const { rows, problems } = parseRouteCsv(request.content);
  if (rows.length === 0 || (problems.length > 0 && !request.acceptValidRows)) {
    const shown = problems.slice(0, 200);
    throw new AppError(
      'IMPORT_REJECTED',
      rows.length === 0
        ? `Nothing was imported from ${request.fileName}: no row is valid (${problems.length} problem(s)).`
        : `Nothing was imported from ${request.fileName}: ${problems.length} row problem(s). Fix them, or import only the ${rows.length} valid row(s).`,
      { problems: shown, validRows: rows.length, totalProblems: problems.length },
    );
  }
  return { ...writeRouteRows(store, actor, rows, { ...request, skippedRows: problems.length }), skippedRows: problems };
}

/** Writes checked rows in one transaction: routes, usage points, meters, registers and read sequence. */
export function writeRouteRows(
  store: Store,
  actor: Actor,
  rows: readonly RouteRow[],
  request: { fileName: string; trainingMode?: boolean | undefined; skippedRows?: number },
): Omit<ImportSummary, 'skippedRows'> {
  const importedAt = new Date().toISOString();
  const byRoute = groupBy(rows, (r) => r.routeId);
  let usagePoints = 0;
  store.transaction(() => {
    for (const [routeId, routeRows] of byRoute) {
      const first = routeRows[0] as RouteRow;
      store.routes.upsert({ id: routeId, name: first.routeName, importedAt, sourceFile: request.fileName, trainingMode: request.trainingMode ?? false });
      const byUsagePoint = groupBy(routeRows, (r) => r.usagePointId);
      const stops: { sequence: number; usagePointId: string }[] = [];
      for (const [usagePointId, registerRows] of byUsagePoint) {
        const head = registerRows[0] as RouteRow;
        store.meters.upsertMeter(
          { id: usagePointId, address: head.address, accountId: head.accountId, accessNotes: head.accessNotes, hazards: head.hazards },
          head.meterSerial,
          // a RouteRow is a RegisterInput with its stop's fields around it
          registerRows,
        );
        stops.push({ sequence: head.sequence, usagePointId });
      }
      store.routes.replaceStops(routeId, stops);
      usagePoints += byUsagePoint.size;
      store.journal.audit(actor, {
        action: 'route.import',
        entity: 'route',
        entityId: routeId,
        details: { fileName: request.fileName, usagePoints: byUsagePoint.size, registers: routeRows.length, skippedRows: request.skippedRows ?? 0 },
      });
    }
  });
  return { routes: [...byRoute.keys()], usagePoints, registers: rows.length };
}
