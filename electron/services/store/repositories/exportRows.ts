/** The rows an export writes (issue 10): one per reading, filtered like the supervisor's screen. */
import type { ExportFilter } from '../../../../shared/contract/supervisorEntities';
import type { Db } from '../database';

export interface ExportRow {
  route: string | null;
  sequence: number | null;
  usagePoint: string;
  address: string;
  meterSerial: string;
  register: string;
  readingType: string;
  value: string;
  readAt: string;
  source: string;
  qualities: string;
  warnings: string;
  stopStatus: string | null;
  reviewStatus: string;
  editedFrom: number | null;
  readingId: number;
}

// Latest decision per reading set computed once (a correlated subquery per row took 1.6 s for 100k).
const LATEST = `
  WITH latest AS (
    SELECT subject_id, decision FROM review_decisions
    WHERE id IN (SELECT max(id) FROM review_decisions WHERE subject_kind = 'reading_set' GROUP BY subject_id))`;
const READING_SETS = `
  FROM readings r
  JOIN reading_sets rs ON rs.id = r.reading_set_id`;
const STOPS = `
  LEFT JOIN route_stops s ON s.usage_point_id = rs.usage_point_id`;
const FROM = `${READING_SETS}
  JOIN registers g ON g.id = r.register_id
  JOIN end_devices d ON d.id = rs.end_device_id
  JOIN usage_points up ON up.id = rs.usage_point_id ${STOPS}
  LEFT JOIN latest ON latest.subject_id = rs.id`;
// A work order's readings carry the time of its steps at the same usage point (workOrders/exchange.ts);
// a route read has no work-order step at that moment.
const WORK_ORDER_AT = `
  SELECT w.kind FROM work_orders w JOIN work_order_steps st ON st.work_order_id = w.id
  WHERE w.usage_point_id = rs.usage_point_id AND st.at = rs.read_at LIMIT 1`;
const WHERE = `
  WHERE (@from IS NULL OR rs.read_at >= @from) AND (@to IS NULL OR rs.read_at < @to)
    AND (@route IS NULL OR s.route_id = @route) AND (@status IS NULL OR s.status = @status)
    AND (@type IS NULL OR coalesce((${WORK_ORDER_AT}), 'read') = @type)`;
const ORDER = 'ORDER BY s.route_id, s.sequence, rs.read_at, r.id';

/**
 * The CSV record of a reading, formatted by SQLite in the documented column order (README "Export
 * columns", exports/columns.ts checks the names): the rows come back as plain arrays, so the
 * export builds no object per row and the CSV library gets them as they are. An empty field stays
 * NULL (csv-stringify writes it empty): a null costs less to hand over than a string.
 */
const CSV_SELECT = `
  SELECT s.route_id AS route, s.sequence, up.id AS usage_point, up.address,
    d.serial_number AS meter_serial, g.label AS register, g.reading_type, r.value, rs.read_at, rs.source,
    -- ReadingQuality codes are dotted numbers: the JSON array becomes a space-separated list by replacing its punctuation.
    replace(replace(replace(replace(r.qualities, '[', ''), ']', ''), '"', ''), ',', ' ') AS qualities,
    CASE r.warnings WHEN '[]' THEN NULL ELSE (SELECT group_concat(w.value ->> '$.kind', ' ' ORDER BY w.key) FROM json_each(r.warnings) w) END AS warnings,
    s.status AS stop_status, coalesce(latest.decision, 'pending') AS review_status, r.edited_from, r.id AS reading_id`;

const ROW_SELECT = `
  SELECT s.route_id AS route, s.sequence, up.id AS usagePoint, up.address, d.serial_number AS meterSerial, g.label AS register,
    g.reading_type AS readingType, r.value, rs.read_at AS readAt, rs.source, r.qualities, r.warnings, s.status AS stopStatus,
    coalesce(latest.decision, 'pending') AS reviewStatus, r.edited_from AS editedFrom, r.id AS readingId`;

export type CsvRecord = (string | number | null)[];

/**
 * One of two halves of an export in read order: stops before the route stop `at` (and readings on
 * no route, which sort first) or from it on. Two workers each write a half; the halves are joined.
 */
export interface ExportHalf {
  readonly second: boolean;
  readonly at: { readonly route: string; readonly sequence: number };
}
const HALF = `
  AND (@second IS NULL OR CASE @second
    WHEN 0 THEN s.route_id IS NULL OR (s.route_id, s.sequence) < (@atRoute, @atSequence)
    ELSE (s.route_id, s.sequence) >= (@atRoute, @atSequence) END)`;

export function createExportRowsRepository(db: Db) {
  const rows = db.prepare(`${LATEST} ${ROW_SELECT} ${FROM} ${WHERE} ${ORDER}`);
  const csv = db.prepare(`${LATEST} ${CSV_SELECT} ${FROM} ${WHERE} ${HALF} ${ORDER}`).raw(true);
  // The same rows counted, unformatted and unsorted: the progress bar's total before the first row is streamed.
  // Only the joins that filter or repeat a reading: registers, meters and usage points are NOT NULL foreign
  // keys (enforced), one row each, and there is at most one latest decision per reading set.
  const csvCount = db.prepare(`SELECT count(*) ${READING_SETS} ${STOPS} ${WHERE} ${HALF}`).pluck();
  // The middle stop of those the filter's route takes in: an indexed walk over route_stops (route_id, sequence).
  const middle = db.prepare(`
    SELECT route_id AS route, sequence FROM route_stops WHERE @route IS NULL OR route_id = @route ORDER BY route_id, sequence
    LIMIT 1 OFFSET (SELECT count(*) / 2 FROM route_stops WHERE @route IS NULL OR route_id = @route)`);
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const params = (filter: ExportFilter) => ({
    from: filter.from ?? null,
    // "to" is a whole day, inclusive.
    to: filter.to ? nextDay(filter.to) : null,
    route: filter.route ?? null,
    status: filter.status ?? null,
    type: filter.type ?? null,
  });
  const csvParams = (filter: ExportFilter, half?: ExportHalf) => ({
    ...params(filter),
    ...(half
      ? { second: half.second ? 1 : 0, atRoute: half.at.route, atSequence: half.at.sequence }
      : { second: null, atRoute: null, atSequence: null }),
  });
  const readingCount = db.prepare('SELECT count(*) FROM readings').pluck();
  return {
    /** An upper bound of what any filter returns, cheap enough to decide where to write the file. */
    upperBound(): number {
      return readingCount.get() as number;
    },
    /**
     * All rows at once: an iterator would hold the connection busy across the writers' awaits
     * and block every other request (better-sqlite3 allows one open statement per connection).
     */
    list(filter: ExportFilter): ExportRow[] {
      return rows.all(params(filter)) as ExportRow[];
    },
    /** The CSV records at once (same reason as list), or those of one half. */
    csvRecords(filter: ExportFilter, half?: ExportHalf): CsvRecord[] {
      return csv.all(csvParams(filter, half)) as CsvRecord[];
    },
    /**
     * The CSV records one at a time, for a connection of its own (the export worker's): no array of
     * every record is built, so its memory and the garbage collection over it are saved.
     */
    streamCsvRecords(filter: ExportFilter, half?: ExportHalf): { total: number; records: Iterable<CsvRecord> } {
      const values = csvParams(filter, half);
      return { total: csvCount.get(values) as number, records: csv.iterate(values) as IterableIterator<CsvRecord> };
    },
    /** Where to cut the filter's rows into two halves of about as many stops; null when there are no stops. */
    middle(filter: ExportFilter): ExportHalf['at'] | null {
      return (middle.get({ route: filter.route ?? null }) as ExportHalf['at'] | undefined) ?? null;
    },
    /** The CSV query's column names, in order. */
    csvColumns: (): string[] => csv.columns().map((c) => c.name),
  };
}
