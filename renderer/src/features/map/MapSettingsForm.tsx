/**
 * The map's settings, for supervisors (map.settings.set needs the right "supervise"; the Node side
 * checks it and the URL again): the tile server and the distance past which a reading is marked.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapSettings } from '../../../../shared/contract/methods/map';
import { tileSource } from '../../../../shared/contract/csp';
import { checkTileUrl } from '../../../../shared/domain/geo';
import { api } from '../../api/client';
import { errorText } from '../../lib/errorText';

export function MapSettingsForm({ settings, onSaved }: { settings: MapSettings; onSaved(settings: MapSettings): void }) {
  const { t } = useTranslation();
  const [tileUrl, setTileUrl] = useState(settings.tileUrl);
  const [distance, setDistance] = useState(String(settings.farDistanceM));
  const [message, setMessage] = useState<{ ok: boolean; text: string; reload?: boolean } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkTileUrl(tileUrl);
    if (!checked.ok) return setMessage({ ok: false, text: t(`map.tileProblem.${checked.reason}`) });
    const r = await api['map.settings.set']({ tileUrl: checked.url, farDistanceM: Math.round(Number(distance)) });
    if (!r.ok) return setMessage({ ok: false, text: errorText(r.error) });
    // The page's CSP admits the tile server's origin from the next load on (shared/contract/csp.ts).
    const reload = tileSource(r.value.tileUrl) !== null && tileSource(r.value.tileUrl) !== tileSource(settings.tileUrl);
    setMessage({ ok: true, text: t(reload ? 'map.savedReload' : 'map.saved'), reload });
    onSaved(r.value);
  };

  return (
    <details className="map-settings" data-testid="map-settings">
      <summary>{t('map.settings')}</summary>
      <form className="wo-wizard" onSubmit={(e) => void submit(e)}>
        <label className="wo-field">
          {t('map.tileUrl')}
          <input
            data-testid="map-tile-url"
            type="url"
            spellCheck={false}
            value={tileUrl}
            onChange={(e) => setTileUrl(e.target.value)}
            aria-describedby="map-tile-hint"
          />
        </label>
        <p id="map-tile-hint" className="muted">
          {t('map.tileUrlHint')}
        </p>
        <label className="wo-field">
          {t('map.farDistance')}
          <input
            data-testid="map-far-distance"
            type="number"
            min={10}
            max={100000}
            step={1}
            required
            value={distance}
            onChange={(e) => setDistance(e.target.value)}
          />
        </label>
        {message && (
          <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'wo-ok' : 'wo-error'}>
            {message.text}
          </p>
        )}
        {message?.reload && (
          <button type="button" className="button" data-testid="map-reload" onClick={() => window.location.reload()}>
            {t('map.reload')}
          </button>
        )}
        <div className="wo-actions">
          <button type="submit" className="button primary" data-testid="map-settings-save">
            {t('map.saveTiles')}
          </button>
        </div>
      </form>
    </details>
  );
}
