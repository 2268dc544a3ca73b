/** The probe doctor's transcripts (migration 21): one row per optical read or programming session. */
import type { Transcript, TranscriptChunk } from '../../../../shared/iec62056/transcript';
import type { Db } from '../database';

export type TranscriptKind = 'read' | 'timeSync' | 'demandReset';

export interface TranscriptSummary {
  readonly id: string;
  readonly usagePointId: string;
  readonly meterSerial: string;
  readonly kind: TranscriptKind;
  readonly port: string;
  readonly startedAt: string;
  /** `ok`, or the optical error code the session ended with. */
  readonly outcome: string;
  readonly bytes: number;
  readonly truncated: boolean;
  readonly recordedBy: string;
  readonly readingSetId: string | null;
}

export interface StoredTranscript extends TranscriptSummary, Transcript {}

interface Row {
  id: string;
  usage_point_id: string;
  meter_serial: string;
  kind: TranscriptKind;
  port: string;
  started_at: string;
  outcome: string;
  bytes: number;
  truncated: number;
  recorded_by: string;
  reading_set_id: string | null;
}

const SUMMARY = 'id, usage_point_id, meter_serial, kind, port, started_at, outcome, bytes, truncated, recorded_by, reading_set_id';

const toSummary = (r: Row): TranscriptSummary => ({
  id: r.id,
  usagePointId: r.usage_point_id,
  meterSerial: r.meter_serial,
  kind: r.kind,
  port: r.port,
  startedAt: r.started_at,
  outcome: r.outcome,
  bytes: r.bytes,
  truncated: r.truncated === 1,
  recordedBy: r.recorded_by,
  readingSetId: r.reading_set_id,
});

const isChunk = (c: unknown): c is TranscriptChunk =>
  Array.isArray(c) && c.length === 3 && typeof c[0] === 'number' && (c[1] === 'tx' || c[1] === 'rx') && typeof c[2] === 'number';

export function createProbeTranscriptsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO probe_transcripts (${SUMMARY.replace(', reading_set_id', '')}, chunks, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byUsagePoint = db.prepare(
    `SELECT ${SUMMARY} FROM probe_transcripts WHERE usage_point_id = ? ORDER BY started_at DESC, rowid DESC LIMIT ?`,
  );
  const byId = db.prepare(`SELECT ${SUMMARY}, chunks, data FROM probe_transcripts WHERE id = ?`);
  const byReadingSet = db.prepare(
    `SELECT ${SUMMARY}, chunks, data FROM probe_transcripts WHERE reading_set_id = ? ORDER BY started_at, rowid`,
  );
  // The reads of this visit not yet linked: those since the stop's last saved reading.
  const link = db.prepare(
    `UPDATE probe_transcripts SET reading_set_id = ? WHERE usage_point_id = ? AND kind = 'read' AND reading_set_id IS NULL`,
  );
  const full = (row: (Row & { chunks: string; data: Buffer }) | undefined): StoredTranscript | null => {
    if (!row) return null;
    const parsed: unknown = JSON.parse(row.chunks);
    const chunks = Array.isArray(parsed) ? parsed.filter(isChunk) : [];
    return { ...toSummary(row), chunks, data: new Uint8Array(row.data) };
  };
  return {
    insert(t: Omit<TranscriptSummary, 'readingSetId' | 'bytes' | 'truncated'> & Transcript): void {
      insert.run(
        t.id,
        t.usagePointId,
        t.meterSerial,
        t.kind,
        t.port,
        t.startedAt,
        t.outcome,
        t.bytes,
        t.truncated ? 1 : 0,
        t.recordedBy,
        JSON.stringify(t.chunks),
        Buffer.from(t.data),
      );
    },
    list: (usagePointId: string, limit = 50): TranscriptSummary[] => (byUsagePoint.all(usagePointId, limit) as Row[]).map(toSummary),
    get: (id: string): StoredTranscript | null => full(byId.get(id) as (Row & { chunks: string; data: Buffer }) | undefined),
    /** The transcripts of a saved visit (its reading set). */
    ofReadingSet: (readingSetId: string): StoredTranscript[] =>
      (byReadingSet.all(readingSetId) as (Row & { chunks: string; data: Buffer })[]).map((r) => full(r)!),
    /** Links the stop's unlinked reads to the reading set just saved. */
    linkToReadingSet: (usagePointId: string, readingSetId: string) => void link.run(readingSetId, usagePointId),
  };
}
