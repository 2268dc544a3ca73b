import type { Db } from '../database';

export function createSettingsRepository(db: Db) {
  const get = db.prepare('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  return {
    get(key: string): string | null {
      return (get.get(key) as { value: string } | undefined)?.value ?? null;
    },
    set(key: string, value: string) {
      set.run(key, value);
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
