/**
 * Edit of a rejected reading (issue 7): the corrected values and a reason. The Node side checks
 * each value against its register like any reading, keeps the original, queues a new message and
 * leaves the refused one recorded as rejected.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RejectedItemView } from '../../../../shared/contract/methods/sync';
import { api } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { useRegisterName } from '../../lib/registerName';
import { issuesOf, SettingIssues, type IssueSaid } from './SettingIssues';

export function EditRejected({ item, onDone }: { item: RejectedItemView; onDone: () => void }) {
  const { t } = useTranslation();
  const nameOf = useRegisterName();
  const readings = (item.readings ?? []).filter((r) => r.value !== null);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(readings.map((r) => [r.readingType, r.value ?? ''])),
  );
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ text: string; issues: readonly IssueSaid[] } | null>(null);
  const [saving, setSaving] = useState(false);

  async function save() {
    setSaving(true);
    const changed = readings
      .filter((r) => values[r.readingType] !== r.value)
      .map((r) => ({ readingType: r.readingType, value: values[r.readingType] ?? '' }));
    const result = await api['sync.rejected.edit']({
      messageId: item.messageId,
      values: changed.length > 0 ? changed : readings.map((r) => ({ readingType: r.readingType, value: r.value ?? '' })),
      reason,
    });
    setSaving(false);
    if (result.ok) onDone();
    else setError({ text: errorText(result.error), issues: issuesOf(result.error) });
  }

  return (
    <form
      className="sync-edit"
      data-testid="sync-edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {readings.map((r) => (
        <label key={r.readingType}>
          <span>{nameOf(r.label, r.readingType)}</span>
          <input
            className="sync-input"
            inputMode="decimal"
            data-testid="sync-edit-value"
            data-reading-type={r.readingType}
            value={values[r.readingType] ?? ''}
            onChange={(e) => setValues({ ...values, [r.readingType]: e.target.value.trim() })}
          />
        </label>
      ))}
      <label>
        <span>{t('sync.editReason')}</span>
        <input className="sync-input" data-testid="sync-edit-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {error && (
        <div role="alert">
          <p className="sync-received-error" data-testid="sync-edit-error">
            {error.text}
          </p>
          <SettingIssues issues={error.issues} testId="sync-edit-issue" />
        </div>
      )}
      <div className="sync-edit-actions">
        <button type="submit" className="button primary" data-testid="sync-edit-save" disabled={saving || reason.trim().length < 3}>
          {t('sync.editSave')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('sync.editCancel')}
        </button>
      </div>
    </form>
  );
}
