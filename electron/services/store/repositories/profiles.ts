/** Local profiles (issue 18): names, roles, the secret's hash and the lock after wrong tries. */
import type { Profile, Role } from '../../../../shared/contract/supervisorEntities';
import type { Db } from '../database';

export interface ProfileRecord extends Profile {
  readonly id: number;
  readonly secretHash: string;
  readonly failedAttempts: number;
  readonly lockedUntil: string | null;
}

interface Row {
  id: number;
  name: string;
  role: Role;
  secret_hash: string;
  failed_attempts: number;
  locked_until: string | null;
}

const toRecord = (r: Row): ProfileRecord => ({
  id: r.id,
  name: r.name,
  role: r.role,
  secretHash: r.secret_hash,
  failedAttempts: r.failed_attempts,
  lockedUntil: r.locked_until,
});

export function createProfilesRepository(db: Db) {
  const active = 'removed_at IS NULL';
  const byName = db.prepare(`SELECT id, name, role, secret_hash, failed_attempts, locked_until FROM profiles WHERE name = ? AND ${active}`);
  const byId = db.prepare(`SELECT id, name, role, secret_hash, failed_attempts, locked_until FROM profiles WHERE id = ? AND ${active}`);
  const list = db.prepare(`SELECT name, role FROM profiles WHERE ${active} ORDER BY name`);
  const count = db.prepare(`SELECT count(*) FROM profiles WHERE ${active}`).pluck();
  const countRole = db.prepare(`SELECT count(*) FROM profiles WHERE role = ? AND ${active}`).pluck();
  const insert = db.prepare('INSERT INTO profiles (name, role, secret_hash, created_at) VALUES (?, ?, ?, ?)');
  const remove = db.prepare(`UPDATE profiles SET removed_at = ? WHERE id = ? AND ${active}`);
  const setSecret = db.prepare('UPDATE profiles SET secret_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?');
  const failed = db.prepare('UPDATE profiles SET failed_attempts = failed_attempts + 1, locked_until = ? WHERE id = ?');
  const succeeded = db.prepare(
    'UPDATE profiles SET failed_attempts = 0, locked_until = NULL WHERE id = ? AND (failed_attempts > 0 OR locked_until IS NOT NULL)',
  );

  return {
    byName: (name: string): ProfileRecord | null => {
      const row = byName.get(name.trim()) as Row | undefined;
      return row ? toRecord(row) : null;
    },
    byId: (id: number): ProfileRecord | null => {
      const row = byId.get(id) as Row | undefined;
      return row ? toRecord(row) : null;
    },
    list: (): Profile[] => list.all() as Profile[],
    count: (): number => count.get() as number,
    countWithRole: (role: Role): number => countRole.get(role) as number,
    add(profile: Profile, secretHash: string, at: string): number {
      return Number(insert.run(profile.name.trim(), profile.role, secretHash, at).lastInsertRowid);
    },
    remove(id: number, at: string): boolean {
      return remove.run(at, id).changes === 1;
    },
    setSecret(id: number, secretHash: string): void {
      setSecret.run(secretHash, id);
    },
    recordFailure(id: number, lockedUntil: string | null): void {
      failed.run(lockedUntil, id);
    },
    recordSuccess(id: number): void {
      succeeded.run(id);
    },
  };
}
export type ProfilesRepository = ReturnType<typeof createProfilesRepository>;
