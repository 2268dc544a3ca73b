import type { z } from 'zod';
import type { Db } from '../database';

export function createSettingsRepository(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');
  const read = (key: string): string | null => (get.get(key) as { value: string } | undefined)?.value ?? null;
  return {
    get: read,
    set(key: string, value: string) {
      set.run(key, value);
    },
    remove(key: string) {
      remove.run(key);
    },
    /** A JSON setting the utility may configure; the fallback when it is absent or does not match the schema. */
    getJson<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
      const stored = read(key);
      if (stored === null) return fallback;
      try {
        const parsed = schema.safeParse(JSON.parse(stored));
        return parsed.success ? parsed.data : fallback;
      } catch {
        return fallback;
      }
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
