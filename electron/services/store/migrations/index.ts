import m001 from './001_initial';
import m002 from './002_sync_tables';
import m003 from './003_route_visits';
import m004 from './004_sync';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** In order; a migration is never edited once released (its hash is stored and checked). */
export const migrations: readonly Migration[] = [m001, m002, m003, m004];
export const latestVersion = migrations.length;
