/**
 * Counts the transactions committed to a database in WAL mode by reading its `-wal` file, as SQLite
 * writes it (https://www.sqlite.org/fileformat2.html#walformat): a 32-byte header with the page size and
 * two salts, then frames of a 24-byte header and one page; a frame whose "database size after commit"
 * is not 0 ends a transaction. Frames whose salts differ from the header's are left over from before
 * the last reset and are not counted. Turn off the automatic checkpoint (`wal_autocheckpoint = 0`)
 * on the connection that writes, so the file keeps every frame while it is counted.
 */
import { existsSync, readFileSync } from 'node:fs';

export function walCommits(databasePath: string): number {
  const path = `${databasePath}-wal`;
  if (!existsSync(path)) return 0;
  const wal = readFileSync(path);
  if (wal.length < 32) return 0;
  const pageSize = wal.readUInt32BE(8);
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
}
