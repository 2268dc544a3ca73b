/** One visit in the review queue: why it is here, its readings, and the supervisor's three actions. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItem } from '../../../../shared/contract/supervisorEntities';
import { knownText, skipCodeLabel } from '../../i18n/catalog';
import { formatValue, useFormat } from '../../lib/format';
import { useRegisterName } from '../../lib/registerName';
import { useReviewStore } from './reviewStore';

type Mode = 'idle' | 'return' | { editing: number };

export function ReviewCard({ item }: { readonly item: ReviewItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useRegisterName();
  const approve = useReviewStore((s) => s.approve);
  const giveBack = useReviewStore((s) => s.giveBack);
  const edit = useReviewStore((s) => s.edit);
  const [mode, setMode] = useState<Mode>('idle');
  const [comment, setComment] = useState('');
  const [value, setValue] = useState('');
  const editing = typeof mode === 'object' ? mode.editing : null;
  const done = () => {
    setMode('idle');
    setComment('');
    setValue('');
  };
  return (
    <li className="review-item" data-testid="review-item" data-status={item.status} data-id={item.id}>
      <div className="review-item-head">
        <strong>{item.meterSerial}</strong>
        <span>{item.usagePointId}</span>
        <span>{item.route ?? ''}</span>
        <span>{format.dateTime(item.at)}</span>
        <span>{item.technician ?? ''}</span>
        <span className={`review-status ${item.status}`} data-testid="review-status">
          {t(`review.status.${item.status}`)}
        </span>
      </div>
      <p className="review-reasons">
        {item.kind === 'skip' ? t('review.skipped') : t('review.warnings')}:{' '}
        {item.reasons.map((code, i) => (
          <span key={code} data-testid="review-reason" data-code={code}>
            {i > 0 ? ', ' : ''}
            {item.kind === 'skip' ? skipCodeLabel(code, code) : (knownText(`warningKind.${code}`) ?? code)}{' '}
            <small className="code">{code}</small>
          </span>
        ))}
        {item.note ? ` — ${item.note}` : ''}
        {item.comment ? ` — ${t('review.commentLabel')}: ${item.comment}` : ''}
      </p>
      {item.readings.length > 0 && (
        <ul className="review-readings">
          {item.readings.map((r) => (
            <li key={r.id}>
              {nameOf(r.label, r.readingType)}:{' '}
              <span data-testid="review-value" data-value={r.value}>
                {formatValue(r.value, format.locale)}
              </span>
              {r.editedFrom !== null ? ` (${t('review.editedFrom', { id: r.editedFrom })})` : ''}
              {r.editedFrom === null && (
                <button type="button" className="button" data-testid="review-edit" onClick={() => setMode({ editing: r.id })}>
                  {t('review.edit')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="review-actions">
        <button type="button" className="button primary" data-testid="review-approve" onClick={() => void approve(item)}>
          {t('review.approve')}
        </button>
        <button type="button" className="button" data-testid="review-return" onClick={() => setMode('return')}>
          {t('review.return')}
        </button>
      </div>
      {mode !== 'idle' && (
        <form
          className="review-form"
          onSubmit={(e) => {
            e.preventDefault();
            const sent = editing === null ? giveBack(item, comment) : edit(editing, value.trim(), comment);
            void sent.then((ok) => ok && done());
          }}
        >
          {editing !== null && (
            <label>
              {t('review.newValue')}
              <input
                className="review-input"
                data-testid="review-new-value"
                inputMode="decimal"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                autoFocus
              />
            </label>
          )}
          <label>
            {editing === null ? t('review.commentLabel') : t('review.reasonLabel')}
            <input
              className="review-input"
              data-testid="review-comment"
              value={comment}
              maxLength={2000}
              onChange={(e) => setComment(e.target.value)}
              autoFocus={editing === null}
            />
          </label>
          <button type="submit" className="button primary" data-testid="review-submit">
            {editing === null ? t('review.sendBack') : t('review.saveEdit')}
          </button>
          <button type="button" className="button" onClick={done}>
            {t('review.cancel')}
          </button>
        </form>
      )}
    </li>
  );
}
