/** Routes and their stops (read sequence and where each stop stands today). */
import type { RouteSummary, StopStatus } from '../../../../shared/contract/entities';
import type { Db } from '../database';

interface RouteRow {
  id: string;
  name: string;
  imported_at: string;
  training_mode: number;
  total: number;
  read: number;
  skipped: number;
  with_warnings: number;
}

export function createRoutesRepository(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO routes (id, name, imported_at, source_file, training_mode) VALUES (@id, @name, @importedAt, @sourceFile, @trainingMode)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, imported_at = excluded.imported_at,
       source_file = excluded.source_file, training_mode = excluded.training_mode`,
  );
  // A re-import keeps what was already done today at the stops that stay on the route.
  const upsertStop = db.prepare(
    `INSERT INTO route_stops (route_id, sequence, usage_point_id) VALUES (?, ?, ?)
     ON CONFLICT(route_id, usage_point_id) DO UPDATE SET sequence = excluded.sequence`,
  );
  const parkSequences = db.prepare('UPDATE route_stops SET sequence = -sequence - 1 WHERE route_id = ?');
  const dropParked = db.prepare('DELETE FROM route_stops WHERE route_id = ? AND sequence < 0');
  const list = db.prepare(`
    SELECT r.id, r.name, r.imported_at, r.training_mode,
      count(s.usage_point_id) AS total,
      count(*) FILTER (WHERE s.status IN ('read', 'warning')) AS read,
      count(*) FILTER (WHERE s.status = 'skipped') AS skipped,
      count(*) FILTER (WHERE s.status = 'warning') AS with_warnings
    FROM routes r LEFT JOIN route_stops s ON s.route_id = r.id
    GROUP BY r.id ORDER BY r.name, r.id`);
  const count = db.prepare('SELECT count(*) AS n FROM routes');
  const setStatus = db.prepare('UPDATE route_stops SET status = ?, visited_at = ? WHERE usage_point_id = ?');
  const radioAutoSave = db.prepare('SELECT radio_auto_save FROM routes WHERE id = ?').pluck();
  const setRadioAutoSave = db.prepare('UPDATE routes SET radio_auto_save = ? WHERE id = ?');

  return {
    upsert(route: { id: string; name: string; importedAt: string; sourceFile: string; trainingMode: boolean }) {
      upsert.run({ ...route, trainingMode: route.trainingMode ? 1 : 0 });
    },
    /** Sets the read sequence of a route to the enterprise's new order; stops not in it leave the route. */
    replaceStops(routeId: string, stops: readonly { sequence: number; usagePointId: string }[]) {
      // Park the old sequence numbers out of the way so the new order can reuse them.
      parkSequences.run(routeId);
      for (const stop of stops) upsertStop.run(routeId, stop.sequence, stop.usagePointId);
      dropParked.run(routeId);
    },
    /** Records today's visit at every stop of this usage point; call inside the visit's transaction. */
    markVisited(usagePointId: string, status: Exclude<StopStatus, 'unread'>, at: string) {
      setStatus.run(status, at, usagePointId);
    },
    list(): RouteSummary[] {
      return (list.all() as RouteRow[]).map((row) => ({
        id: row.id,
        name: row.name,
        importedAt: row.imported_at,
        trainingMode: row.training_mode === 1,
        total: row.total,
        read: row.read,
        skipped: row.skipped,
        withWarnings: row.with_warnings,
      }));
    },
    /** Whether heard radio meters are saved without a tap on this route (migration 27); null for an unknown route. */
    radioAutoSave(routeId: string): boolean | null {
      const value = radioAutoSave.get(routeId) as number | undefined;
      return value === undefined ? null : value === 1;
    },
    /** False when there is no such route. */
    setRadioAutoSave(routeId: string, on: boolean): boolean {
      return setRadioAutoSave.run(on ? 1 : 0, routeId).changes === 1;
    },
    count(): number {
      return (count.get() as { n: number }).n;
    },
  };
}
export type RoutesRepository = ReturnType<typeof createRoutesRepository>;
