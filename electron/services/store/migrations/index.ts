import m001 from './001_initial';
import m002 from './002_sync_tables';
import m003 from './003_route_visits';
import m004 from './004_sync';
import m005 from './005_sync_runs';
import m006 from './006_work_orders';
import m007 from './007_review';
import m008 from './008_switching';
import m010 from './010_meter_status_reads';
import m011 from './011_read_requests';
import m012 from './012_control_requests';
import m013 from './013_outbox_kind';
import m014 from './014_audit_chain';
import m015 from './015_profiles';
import m016 from './016_inbox_reply_routing';
import m017 from './017_visit_evidence';
import m018 from './018_stop_coordinates';
import m020 from './020_meter_keys';
import m021 from './021_probe_transcripts';
import m025 from './025_reading_source_radio';
import m026 from './026_enterprise_readings';
import m027 from './027_route_radio_auto_save';
import m028 from './028_meter_key_dlms_password';
import m029 from './029_reading_source_wired';
import m032 from './032_dlms_push_counters';
import m033 from './033_reading_source_han';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /**
   * The migration rebuilds a table (SQLite cannot alter a constraint): it runs with foreign keys
   * off, as the rebuild procedure requires, and every reference is checked before the commit.
   */
  readonly rebuildsTables?: boolean;
}

/** In order; a migration is never edited once released (its hash is stored and checked). */
export const migrations: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m010,
  m011,
  m012,
  m013,
  m014,
  m015,
  m016,
  m017,
  m018,
  m020,
  m021,
  m025,
  m026,
  m027,
  m028,
  m029,
  m032,
  m033,
];
// The highest number, not the count: migrations land from parallel branches (issue 10 took 7).
export const latestVersion = Math.max(0, ...migrations.map((m) => m.version));
