/**
 * A supervisor's meter keys (issue 23 §5): import the utility's key file, see how many keys the
 * device holds, delete one meter's keys. A key is never shown or sent back: the Node side answers
 * with counts and, for a refused file, each line and what is wrong with it (keyFile.ts). The Node
 * side checks the supervisor's right again; technicians never see this card.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeterKeyCounts } from '../../../../shared/contract/methods/meterKeys';
import type { AppErrorShape } from '../../../../shared/contract/result';
import { api } from '../../api/client';
import { useProfile } from '../../app/appStore';
import { errorText } from '../../lib/errorText';
import { SettingsField } from './SettingsField';

type Outcome =
  | { kind: 'imported'; file: string; added: number; replaced: number }
  | { kind: 'refused'; file: string; lines: { line: number; column: string }[]; total: number }
  | { kind: 'deleted'; meter: string; count: number };

const columns = ['manufacturer', 'id', 'kind', 'key', 'header', 'duplicate', 'syntax'] as const;
const columnOf = (column: string): (typeof columns)[number] => columns.find((c) => c === column) ?? 'syntax';

/** The refused lines a `meterKeys.badFile` error carries, or null for any other error. */
function refusedLines(error: AppErrorShape): { line: number; column: string }[] | null {
  const details = error.details as { reason?: string; problems?: unknown[] } | undefined;
  if (details?.reason !== 'meterKeys.badFile' || !Array.isArray(details.problems)) return null;
  return details.problems.flatMap((p) => {
    const { line, column } = (p ?? {}) as { line?: unknown; column?: unknown };
    return typeof line === 'number' && typeof column === 'string' ? [{ line, column }] : [];
  });
}

export function MeterKeys() {
  const { t } = useTranslation();
  const me = useProfile();
  const supervisor = me?.role === 'supervisor';
  const [counts, setCounts] = useState<MeterKeyCounts | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [manufacturer, setManufacturer] = useState('');
  const [meterId, setMeterId] = useState('');
  const load = useCallback(() => void api['meterKeys.count']({}).then((r) => r.ok && setCounts(r.value)), []);
  useEffect(() => {
    if (supervisor) load();
  }, [supervisor, load]);
  if (!supervisor || !counts) return null;

  async function importFile(file: File) {
    const r = await api['meterKeys.import']({ fileName: file.name, content: await file.text() });
    const lines = r.ok ? null : refusedLines(r.error);
    if (r.ok) setOutcome({ kind: 'imported', file: file.name, added: r.value.imported - r.value.replaced, replaced: r.value.replaced });
    else if (lines) {
      const total = (r.error.details as { totalProblems?: number }).totalProblems ?? lines.length;
      setOutcome({ kind: 'refused', file: file.name, lines, total });
    } else setOutcome(null);
    setError(r.ok || lines ? null : r.error);
    load();
  }

  async function remove() {
    const r = await api['meterKeys.delete']({ manufacturer, id: meterId.trim() });
    setError(r.ok ? null : r.error);
    if (r.ok) {
      setOutcome({ kind: 'deleted', meter: `${manufacturer.toUpperCase()} ${meterId.trim()}`, count: r.value.deleted });
      [setManufacturer, setMeterId].forEach((set) => set(''));
    }
    load();
  }
  const validMeter = /^([A-Za-z]{3})?$/.test(manufacturer) && meterId.trim().length > 0;

  return (
    <section className="review-card" aria-labelledby="meter-keys-title" data-testid="meter-keys">
      <h2 id="meter-keys-title">{t('meterKeys.title')}</h2>
      <p className="muted">{t('meterKeys.intro')}</p>
      <p data-testid="meter-keys-count">
        {t('meterKeys.count', {
          count: counts.total,
          mbus: counts.mbus,
          encryption: counts['dlms.encryption'],
          authentication: counts['dlms.authentication'],
          password: counts['dlms.password'],
        })}
      </p>
      <label className="button">
        {t('meterKeys.import')}
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          className="visually-hidden"
          data-testid="meter-keys-file"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = ''; // the same file chosen again imports again
            if (file) void importFile(file);
          }}
        />
      </label>
      {outcome?.kind === 'imported' && (
        <p role="status" data-testid="meter-keys-outcome">
          {t('meterKeys.imported', { file: outcome.file, added: outcome.added, replaced: outcome.replaced })}
        </p>
      )}
      {outcome?.kind === 'refused' && (
        <div role="alert" className="review-error" data-testid="meter-keys-outcome">
          <p>{t('meterKeys.refused', { file: outcome.file, count: outcome.total })}</p>
          <ul>
            {outcome.lines.map((l) => (
              <li key={`${l.line}:${l.column}`} data-testid="meter-keys-refused-line">
                {t('meterKeys.line', {
                  line: l.line,
                  reason: t(`meterKeys.column.${columnOf(l.column)}`),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.kind === 'deleted' && (
        <p role="status" data-testid="meter-keys-outcome">
          {t('meterKeys.deleted', { count: outcome.count, meter: outcome.meter })}
        </p>
      )}
      <form
        className="review-actions"
        aria-label={t('meterKeys.deleteTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          if (validMeter) void remove();
        }}
      >
        <SettingsField
          label={t('meterKeys.manufacturer')}
          value={manufacturer}
          maxLength={3}
          onChange={setManufacturer}
          testId="meter-keys-manufacturer"
        />
        <SettingsField label={t('meterKeys.meterId')} value={meterId} maxLength={64} onChange={setMeterId} testId="meter-keys-id" />
        <button type="submit" className="button" disabled={!validMeter} data-testid="meter-keys-delete">
          {t('meterKeys.delete')}
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
