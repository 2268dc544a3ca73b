/** Export of the current filter (issue 10): CSV, 61968-9 XML or PDF, with progress and Cancel. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { stopStatuses } from '../../../../shared/contract/entities';
import { exportFormats, workTypes, type ExportFilter } from '../../../../shared/contract/supervisorEntities';
import { transport } from '../../api/client';
import { DayInput } from './DayInput';
import { useReviewStore } from './reviewStore';
import { useProfile } from '../../app/appStore';

/** Under the minute a prepared export worker waits. */
const PREPARE_EVERY_MS = 45_000;

export function ExportPanel() {
  const { t } = useTranslation();
  const filter = useReviewStore((s) => s.filter);
  const setFilter = useReviewStore((s) => s.setFilter);
  const exporting = useReviewStore((s) => s.exporting);
  const progress = useReviewStore((s) => s.progress);
  const exported = useReviewStore((s) => s.exported);
  const runExport = useReviewStore((s) => s.runExport);
  const cancel = useReviewStore((s) => s.cancelExport);
  const saveExport = useReviewStore((s) => s.saveExport);
  const saved = useReviewStore((s) => s.saved);
  const supervisor = useProfile()?.role === 'supervisor';
  const prepareExport = useReviewStore((s) => s.prepareExport);
  // While the supervisor sets the filter, the Node side gets a worker ready (and keeps it so while the panel is open).
  useEffect(() => {
    if (!supervisor) return;
    prepareExport();
    const timer = setInterval(prepareExport, PREPARE_EVERY_MS);
    return () => clearInterval(timer);
  }, [supervisor, prepareExport]);
  const field = (key: 'from' | 'to' | 'route', value: string) => {
    const next = { ...filter };
    if (value) next[key] = value;
    else delete next[key];
    setFilter(next);
  };
  const choose = <K extends 'status' | 'type'>(key: K, value: ExportFilter[K] | undefined) => {
    const { [key]: _drop, ...rest } = filter;
    setFilter(value === undefined ? rest : { ...rest, [key]: value });
  };
  return (
    <section className="review-card" aria-labelledby="export-title">
      <h2 id="export-title">{t('review.exportTitle')}</h2>
      <div className="review-filter">
        <DayInput label={t('review.from')} testId="export-from" value={filter.from} onChange={(day) => field('from', day)} />
        <DayInput label={t('review.to')} testId="export-to" value={filter.to} onChange={(day) => field('to', day)} />
        <label>
          {t('review.route')}
          <input
            className="review-input"
            data-testid="export-route"
            value={filter.route ?? ''}
            onChange={(e) => field('route', e.target.value)}
          />
        </label>
        <Choice
          label={t('review.stopStatus')}
          testId="export-status"
          value={filter.status}
          options={stopStatuses}
          any={t('review.any')}
          labelOf={(s) => t(`status.${s}`)}
          onChange={(status) => choose('status', status)}
        />
        <Choice
          label={t('review.workType')}
          testId="export-type"
          value={filter.type}
          options={workTypes}
          any={t('review.any')}
          labelOf={(w) => (w === 'read' ? t('review.routeRead') : t(`workOrders.kind.${w}`))}
          onChange={(type) => choose('type', type)}
        />
      </div>
      <div className="review-actions">
        {exportFormats.map((f) => (
          <button
            key={f}
            type="button"
            className="button primary"
            data-testid={`export-${f}`}
            disabled={exporting !== null}
            onClick={() => void runExport(f)}
          >
            {t(`review.export.${f}`)}
          </button>
        ))}
        <button type="button" className="button" data-testid="export-cancel" disabled={exporting === null} onClick={() => void cancel()}>
          {t('review.cancel')}
        </button>
      </div>
      {exporting && (
        <div className="review-progress" role="status" data-testid="export-progress">
          <progress max={Math.max(progress?.total ?? 1, 1)} value={progress?.done ?? 0} />
          <span>{t('review.exportProgress', { done: progress?.done ?? 0, total: progress?.total ?? 0 })}</span>
        </div>
      )}
      {exported && (
        <div className="review-actions">
          <p className="review-exported" role="status" data-testid="export-result">
            {t('review.exported', { count: exported.rows, path: exported.path })}
          </p>
          {/* The browser downloads it with the page's token; the desktop app asks where to save it. */}
          <button type="button" className="button primary" data-testid="export-download" onClick={() => void saveExport()}>
            {transport.download ? t('review.download') : t('review.saveAs')}
          </button>
          {saved && (
            <p role="status" data-testid="export-saved">
              {t('review.saved', { name: saved })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** A filter drop-down over a fixed list of values, "any" when none is chosen. */
function Choice<V extends string>(props: {
  label: string;
  testId: string;
  value: V | undefined;
  options: readonly V[];
  any: string;
  labelOf(value: V): string;
  onChange(value: V | undefined): void;
}) {
  return (
    <label>
      {props.label}
      <select
        className="review-input"
        data-testid={props.testId}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(props.options.find((o) => o === e.target.value))}
      >
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labelOf(o)}
          </option>
        ))}
      </select>
    </label>
  );
}
