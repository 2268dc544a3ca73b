/** Routes and their stops (read sequence). */
import type { RouteSummary } from '../../../../shared/contract/entities';
import type { Db } from '../database';

interface RouteRow {
  id: string;
  name: string;
  imported_at: string;
  training_mode: number;
  total: number;
  read: number;
}

export function createRoutesRepository(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO routes (id, name, imported_at, source_file, training_mode) VALUES (@id, @name, @importedAt, @sourceFile, @trainingMode)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, imported_at = excluded.imported_at,
       source_file = excluded.source_file, training_mode = excluded.training_mode`,
  );
  const upsertStop = db.prepare(
    `INSERT INTO route_stops (route_id, sequence, usage_point_id) VALUES (?, ?, ?)
     ON CONFLICT(route_id, usage_point_id) DO UPDATE SET sequence = excluded.sequence`,
  );
  const clearStops = db.prepare('DELETE FROM route_stops WHERE route_id = ?');
  // "read" = a stop whose usage point has a reading set since the route was imported.
  const list = db.prepare(`
    SELECT r.id, r.name, r.imported_at, r.training_mode,
      (SELECT count(*) FROM route_stops s WHERE s.route_id = r.id) AS total,
      (SELECT count(*) FROM route_stops s WHERE s.route_id = r.id AND EXISTS (
         SELECT 1 FROM reading_sets rs WHERE rs.usage_point_id = s.usage_point_id AND rs.created_at >= r.imported_at)) AS read
    FROM routes r ORDER BY r.name, r.id`);
  const count = db.prepare('SELECT count(*) AS n FROM routes');

  return {
    upsert(route: { id: string; name: string; importedAt: string; sourceFile: string; trainingMode: boolean }) {
      upsert.run({ ...route, trainingMode: route.trainingMode ? 1 : 0 });
    },
    /** Replaces the read sequence of a route (a re-import is the enterprise's new order). */
    replaceStops(routeId: string, stops: readonly { sequence: number; usagePointId: string }[]) {
      clearStops.run(routeId);
      for (const stop of stops) upsertStop.run(routeId, stop.sequence, stop.usagePointId);
    },
    list(): RouteSummary[] {
      return (list.all() as RouteRow[]).map((row) => ({
        id: row.id,
        name: row.name,
        importedAt: row.imported_at,
        trainingMode: row.training_mode === 1,
        total: row.total,
        read: row.read,
      }));
    },
    count(): number {
      return (count.get() as { n: number }).n;
    },
  };
}
export type RoutesRepository = ReturnType<typeof createRoutesRepository>;
