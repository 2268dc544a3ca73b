/** Photo records; the image bytes live in files named by their SHA-256 (electron/services/readings/photos.ts). */
import type { PhotoInfo } from '../../../../shared/contract/entities';
import type { Db } from '../database';

interface PhotoRow {
  id: string;
  usage_point_id: string;
  file_name: string;
  mime_type: PhotoInfo['mimeType'];
  size_bytes: number;
  added_at: string;
  skip_id: string | null;
  reading_set_id: string | null;
}

const toInfo = (row: PhotoRow): PhotoInfo => ({
  photoId: row.id,
  fileName: row.file_name,
  mimeType: row.mime_type,
  sizeBytes: row.size_bytes,
  addedAt: row.added_at,
  skipId: row.skip_id,
  readingSetId: row.reading_set_id,
});

export function createPhotosRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO photos (id, usage_point_id, file_name, mime_type, size_bytes, added_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO NOTHING`,
  );
  const byId = db.prepare('SELECT * FROM photos WHERE id = ?');
  const byUsagePoint = db.prepare('SELECT * FROM photos WHERE usage_point_id = ? ORDER BY added_at DESC');
  const link = db.prepare('UPDATE photos SET reading_set_id = coalesce(?, reading_set_id), skip_id = coalesce(?, skip_id) WHERE id = ?');
  return {
    insert(photo: {
      id: string;
      usagePointId: string;
      fileName: string;
      mimeType: PhotoInfo['mimeType'];
      sizeBytes: number;
      addedAt: string;
    }) {
      insert.run(photo.id, photo.usagePointId, photo.fileName, photo.mimeType, photo.sizeBytes, photo.addedAt);
    },
    get(id: string): (PhotoInfo & { usagePointId: string }) | null {
      const row = byId.get(id) as PhotoRow | undefined;
      return row ? { ...toInfo(row), usagePointId: row.usage_point_id } : null;
    },
    list(usagePointId: string): PhotoInfo[] {
      return (byUsagePoint.all(usagePointId) as PhotoRow[]).map(toInfo);
    },
    link(id: string, target: { readingSetId?: string; skipId?: string }) {
      link.run(target.readingSetId ?? null, target.skipId ?? null, id);
    },
  };
}
export type PhotosRepository = ReturnType<typeof createPhotosRepository>;
