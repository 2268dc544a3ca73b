/**
 * A supervisor's list of the meter models on this device (shipped and the utility's own files,
 * docs/METER_MODELS.md) and the meter types each is assigned to; assign a model to a type, or take
 * it away (the type is then read but not programmed). Uses `optical.models` / `optical.models.assign`;
 * the Node side checks the supervisor's right again.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/contract/result';
import { api } from '../../api/client';
import { useProfile } from '../../app/appStore';
import { errorText } from '../../lib/errorText';
import { SettingsField } from './SettingsField';

interface ModelList {
  models: { name: string; description: string; source: string; demandReset: boolean }[];
  refused: { file: string; code: string; field?: string; details?: Record<string, string | number> }[];
  assignments: { manufacturer: string; identPrefix: string; model: string }[];
}

export function MeterModels() {
  const { t } = useTranslation();
  const me = useProfile();
  const [list, setList] = useState<ModelList | null>(null);
  const [manufacturer, setManufacturer] = useState('');
  const [identPrefix, setIdentPrefix] = useState('');
  const [model, setModel] = useState('');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const load = useCallback(() => void api['optical.models']({}).then((r) => r.ok && setList(r.value)), []);
  useEffect(load, [load]);
  if (me?.role !== 'supervisor' || !list) return null;

  async function assign(type: { manufacturer: string; identPrefix: string }, name: string | null) {
    const r = await api['optical.models.assign']({ ...type, model: name });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setList(r.value);
      if (name) [setManufacturer, setIdentPrefix].forEach((set) => set(''));
    }
  }
  const chosen = model || list.models[0]?.name || '';
  const valid = /^[A-Za-z]{3}$/.test(manufacturer) && identPrefix.trim().length > 0 && chosen !== '';

  return (
    <section className="review-card" aria-labelledby="models-title" data-testid="meter-models">
      <h2 id="models-title">{t('models.title')}</h2>
      <p className="muted">{t('models.intro')}</p>
      <ul className="profile-list">
        {list.models.map((m) => {
          const types = list.assignments.filter((a) => a.model === m.name);
          return (
            <li key={m.name} data-testid="meter-model" data-model={m.name}>
              <strong>{m.name}</strong> {m.demandReset && <span className="muted">({t('models.demandReset')})</span>}
              <div className="muted">{m.description}</div>
              <div>
                {types.length === 0 ? (
                  <span className="muted">{t('models.noTypes')}</span>
                ) : (
                  types.map((a) => (
                    <span key={`${a.manufacturer} ${a.identPrefix}`} className="model-type" data-testid="model-type">
                      {t('models.type', { manufacturer: a.manufacturer, ident: a.identPrefix })}{' '}
                      <button type="button" className="button" onClick={() => void assign(a, null)} data-testid="model-unassign">
                        {t('models.unassign')}
                      </button>
                    </span>
                  ))
                )}
              </div>
            </li>
          );
        })}
        {list.assignments
          .filter((a) => !list.models.some((m) => m.name === a.model))
          .map((a) => (
            <li key={`${a.manufacturer} ${a.identPrefix}`} className="review-error">
              {t('models.missing', { manufacturer: a.manufacturer, ident: a.identPrefix, model: a.model })}
            </li>
          ))}
        {list.refused.map((r) => (
          <li key={r.file} className="review-error" data-testid="model-refused">
            {t('models.refused', { file: r.file })}{' '}
            {t(`errors.meterModelProblem.${r.code}` as never, { field: r.field ?? '', ...r.details })}
          </li>
        ))}
      </ul>
      <form
        className="review-actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void assign({ manufacturer, identPrefix: identPrefix.trim() }, chosen);
        }}
      >
        <SettingsField
          label={t('models.manufacturer')}
          value={manufacturer}
          maxLength={3}
          onChange={setManufacturer}
          testId="model-manufacturer"
        />
        <SettingsField label={t('models.identPrefix')} value={identPrefix} maxLength={64} onChange={setIdentPrefix} testId="model-ident" />
        <label>
          {t('models.model')}
          <select className="review-input" value={chosen} onChange={(e) => setModel(e.target.value)} data-testid="model-select">
            {list.models.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button primary" disabled={!valid} data-testid="model-assign">
          {t('models.assign')}
        </button>
      </form>
      {error && (
        <p className="review-error" role="alert">
          {errorText(error)}
        </p>
      )}
    </section>
  );
}
