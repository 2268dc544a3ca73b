/**
 * The meter_keys table (migration 20): sealed keys only. Nothing here ever sees a key in plain
 * text; sealing and opening is the meterKeys service's business (electron/services/meterKeys).
 */
import type { Db } from '../database';

export const meterKeyKinds = ['mbus', 'dlms.encryption', 'dlms.authentication', 'dlms.password'] as const;
export type MeterKeyKind = (typeof meterKeyKinds)[number];

export interface SealedMeterKey {
  /** Three capital letters, or '' for a meter named by its serial alone. */
  readonly manufacturer: string;
  readonly meterId: string;
  readonly kind: MeterKeyKind;
  /** The key as the Encryptor sealed it, base64. */
  readonly sealed: string;
}

export function createMeterKeysRepository(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO meter_keys (manufacturer, meter_id, kind, sealed, imported_at, imported_by) VALUES (@manufacturer, @meterId, @kind, @sealed, @at, @by)
     ON CONFLICT (manufacturer, meter_id, kind) DO UPDATE SET sealed = excluded.sealed, imported_at = excluded.imported_at, imported_by = excluded.imported_by`,
  );
  const exists = db.prepare('SELECT 1 FROM meter_keys WHERE manufacturer = ? AND meter_id = ? AND kind = ?').pluck();
  const countByKind = db.prepare('SELECT kind, count(*) AS n FROM meter_keys GROUP BY kind');
  const ofMeter = db.prepare(
    'SELECT manufacturer, meter_id AS meterId, kind, sealed FROM meter_keys WHERE manufacturer = ? AND meter_id = ?',
  );
  const all = db.prepare('SELECT manufacturer, meter_id AS meterId, kind, sealed FROM meter_keys');
  const removeKind = db.prepare('DELETE FROM meter_keys WHERE manufacturer = ? AND meter_id = ? AND kind = ?');
  const removeMeter = db.prepare('DELETE FROM meter_keys WHERE manufacturer = ? AND meter_id = ?');
  return {
    /** Stores or replaces one key; true when it replaced one. */
    put(key: SealedMeterKey, at: string, by: string): boolean {
      const replaced = exists.get(key.manufacturer, key.meterId, key.kind) !== undefined;
      upsert.run({ ...key, at, by });
      return replaced;
    },
    counts(): Record<MeterKeyKind, number> {
      const counts: Record<MeterKeyKind, number> = { mbus: 0, 'dlms.encryption': 0, 'dlms.authentication': 0, 'dlms.password': 0 };
      for (const row of countByKind.all() as { kind: MeterKeyKind; n: number }[]) counts[row.kind] = row.n;
      return counts;
    },
    ofMeter: (manufacturer: string, meterId: string) => ofMeter.all(manufacturer, meterId) as SealedMeterKey[],
    all: () => all.all() as SealedMeterKey[],
    remove(manufacturer: string, meterId: string, kind?: MeterKeyKind): number {
      return (kind ? removeKind.run(manufacturer, meterId, kind) : removeMeter.run(manufacturer, meterId)).changes;
    },
  };
}
export type MeterKeysRepository = ReturnType<typeof createMeterKeysRepository>;
