/**
 * The supervisor's dashboard (issue 10): progress per route, per technician and per day, readings
 * with warnings and the outbox backlog, each one SQL aggregate so a 100,000-stop route stays fast
 * (bench/dashboard.ts). Progress counts route stops by their status (`route_stops` keeps the latest
 * visit's outcome, so a revisited stop counts once); per technician counts visits from the audit
 * log, the one place that records who saved a reading or a skip.
 */
import type { Db } from '../database';
import { REVIEW_QUEUE } from './review';

export interface StopProgress {
  done: number;
  skipped: number;
  toDo: number;
  /** Done stops whose visit was saved with a warning (a part of done). */
  warnings: number;
}

const PROGRESS = `coalesce(sum(s.status IN ('read', 'warning')), 0) AS done, coalesce(sum(s.status = 'skipped'), 0) AS skipped,
  coalesce(sum(s.status = 'unread'), 0) AS toDo, coalesce(sum(s.status = 'warning'), 0) AS warnings`;

export function createDashboardRepository(db: Db) {
  const totals = db.prepare(`SELECT ${PROGRESS} FROM route_stops s`);
  const routes = db.prepare(
    `SELECT r.id AS route, r.name, ${PROGRESS} FROM routes r JOIN route_stops s ON s.route_id = r.id GROUP BY r.id ORDER BY r.id`,
  );
  // Stops visited per UTC day; what was still to do at the end of each day follows from the total.
  const days = db.prepare(`
    WITH visited AS (
      SELECT substr(visited_at, 1, 10) AS day, sum(status IN ('read', 'warning')) AS done, sum(status = 'skipped') AS skipped,
        sum(status = 'warning') AS warnings
      FROM route_stops WHERE status <> 'unread' AND visited_at IS NOT NULL GROUP BY day)
    SELECT day, done, skipped, warnings, (SELECT count(*) FROM route_stops) - sum(done + skipped) OVER (ORDER BY day) AS toDo
    FROM visited ORDER BY day DESC LIMIT @limit`);
  const technicians = db.prepare(`
    SELECT actor AS technician, sum(action = 'readings.save') AS done, sum(action = 'visits.skip') AS skipped,
      sum(action = 'readings.save' AND json_array_length(details, '$.warnings') > 0) AS warnings
    FROM audit_log WHERE action IN ('readings.save', 'visits.skip') GROUP BY actor ORDER BY actor`);
  const warned = db.prepare(`
    SELECT count(*) AS readings, count(DISTINCT reading_set_id) AS visits,
      (SELECT count(*) FROM (${REVIEW_QUEUE}) WHERE status = 'pending') AS toReview
    FROM readings r WHERE r.warnings <> '[]'`);
  return {
    totals: () => totals.get() as StopProgress,
    routes: () => routes.all() as (StopProgress & { route: string; name: string })[],
    /** The last `limit` days with visits, oldest first. */
    days: (limit: number) => (days.all({ limit }) as (Omit<StopProgress, 'toDo'> & { day: string; toDo: number })[]).reverse(),
    technicians: () => technicians.all() as { technician: string; done: number; skipped: number; warnings: number }[],
    /** Saved readings with a warning, their visits, and what waits in the review queue (the same query as the queue's "to review"). */
    warnings: () => warned.get() as { readings: number; visits: number; toReview: number },
  };
}
