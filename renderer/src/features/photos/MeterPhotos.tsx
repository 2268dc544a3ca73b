/** Thumbnails of the photos taken at this meter (photos.list, then photos.get per thumbnail). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoInfo } from '../../../../shared/contract/entities';
import { api } from '../../api/client';
import { formatDateTime } from '../../lib/format';

const SHOWN = 6;

interface Thumb {
  info: PhotoInfo;
  url: string;
}

/** `version` changes when the meter was saved or skipped, so new photos show up. */
export function MeterPhotos({ usagePointId, version, locale }: { usagePointId: string; version: unknown; locale: string }) {
  const { t } = useTranslation();
  const [thumbs, setThumbs] = useState<Thumb[]>([]);

  useEffect(() => {
    let live = true;
    void (async () => {
      const list = await api['photos.list']({ usagePointId });
      if (!list.ok) return;
      const newest = [...list.value].sort((a, b) => b.addedAt.localeCompare(a.addedAt)).slice(0, SHOWN);
      const loaded = await Promise.all(
        newest.map(async (info) => {
          const got = await api['photos.get']({ photoId: info.photoId, size: 'thumbnail' });
          return got.ok ? { info, url: `data:${got.value.mimeType};base64,${got.value.dataBase64}` } : null;
        }),
      );
      if (live) setThumbs(loaded.filter((x): x is Thumb => x !== null));
    })();
    return () => {
      live = false;
    };
  }, [usagePointId, version]);

  if (thumbs.length === 0) return null;
  return (
    <section className="meter-photos" aria-label={t('photos.title')} data-testid="meter-photos" data-count={thumbs.length}>
      <h3 className="section-title">{t('photos.title')}</h3>
      <ul className="photo-thumbs">
        {thumbs.map(({ info, url }) => (
          <li key={info.photoId}>
            <img
              src={url}
              alt={info.fileName}
              title={formatDateTime(info.addedAt, locale)}
              className="photo-thumb"
              data-testid="meter-photo"
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
