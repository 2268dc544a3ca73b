/**
 * The probe doctor in the meter's history (issue 20 §3): the optical sessions kept at this stop —
 * when, what (read, time sync, demand reset), how it ended — and, opened, the raw conversation:
 * time from the start, direction, the bytes as text with control characters named, and hex.
 * "Save as text file" writes the same text as `fieldmeter probe transcript`.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TranscriptDetail, TranscriptSummary } from '../../../../shared/contract/methods/optical';
import { api, onTopics } from '../../api/client';
import { formatDateTime } from '../../lib/format';

export function ProbeTranscripts({ usagePointId, locale }: { usagePointId: string; locale: string }) {
  const { t } = useTranslation();
  const [list, setList] = useState<TranscriptSummary[]>([]);
  const [open, setOpen] = useState<TranscriptDetail | null>(null);

  // A read or programming at this stop writes a transcript: the list refetches on its topic.
  const load = useCallback(
    () => void api['optical.transcripts']({ usagePointId }).then((r) => r.ok && setList(r.value.transcripts)),
    [usagePointId],
  );
  useEffect(() => {
    load();
    return onTopics(['transcripts'], load);
  }, [load]);

  if (list.length === 0) return null;
  const show = (id: string) => void api['optical.transcript']({ id }).then((r) => r.ok && setOpen(r.value));
  const save = (detail: TranscriptDetail) => {
    const url = URL.createObjectURL(new Blob([detail.text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `probe-${detail.summary.usagePointId}-${detail.summary.startedAt.replace(/[:.]/g, '-')}.txt`;
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="meter-history" aria-labelledby="transcripts-title" data-testid="probe-transcripts">
      <h3 id="transcripts-title" className="section-title">
        {t('transcripts.title')}
      </h3>
      <ul className="profile-list">
        {list.map((s) => (
          <li key={s.id} data-testid="probe-transcript">
            <button type="button" className="button" onClick={() => show(s.id)} aria-expanded={open?.summary.id === s.id}>
              {formatDateTime(s.startedAt, locale)} · {t(`transcripts.kind.${s.kind}`)} ·{' '}
              {s.outcome === 'ok' ? t('transcripts.ok') : t('transcripts.failed', { code: s.outcome })} ·{' '}
              {t('transcripts.bytes', { count: s.bytes })}
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <div data-testid="probe-transcript-detail">
          <button type="button" className="button" onClick={() => save(open)} data-testid="probe-transcript-save">
            {t('transcripts.save')}
          </button>
          {open.summary.truncated && <p className="muted">{t('transcripts.truncated')}</p>}
          <table className="history-table">
            <thead>
              <tr>
                <th scope="col">{t('transcripts.time')}</th>
                <th scope="col">{t('transcripts.direction')}</th>
                <th scope="col">{t('transcripts.text')}</th>
                <th scope="col">{t('transcripts.hex')}</th>
              </tr>
            </thead>
            <tbody>
              {open.lines.map((l, i) => (
                <tr key={i} data-testid="probe-transcript-line" data-direction={l.direction}>
                  <td className="num">{t('transcripts.ms', { ms: l.ms })}</td>
                  <td>{l.direction === 'tx' ? t('transcripts.tx') : t('transcripts.rx')}</td>
                  <td>
                    <code>{l.text}</code>
                  </td>
                  <td>
                    <code>{l.hex}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
