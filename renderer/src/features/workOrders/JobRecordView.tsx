/**
 * What a finished work order or switch order did on site (issue 17 §3), read back from the
 * database through workOrders.record / switching.record: the readings with values and units, the
 * seals taken off and put on, the photos and the PAN devices, in words. The programming of the new
 * meter is listed beside it by ProgrammingList, with each attempt's details.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobRecord } from '../../../../shared/contract/methods/jobRecord';
import { api } from '../../api/client';
import { useLocale } from '../../app/appStore';
import { errorText } from '../../lib/errorText';
import { formatValue } from '../../lib/format';

export type RecordOf = { kind: 'workOrder' | 'switchOrder'; id: string };

const decimalsOf = (value: string) => value.split('.')[1]?.length ?? 0;
/** How a reading reached the app, where it was not typed in. */
const bySource = { optical: 'jobRecord.byProbe', radio: 'jobRecord.byRadio', wired: 'jobRecord.byWire', han: 'jobRecord.byHan' } as const;

export function JobRecordView({
  of,
  version,
}: {
  of: RecordOf;
  /** Refetch when the order changes (its status, its time). */ version: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [record, setRecord] = useState<JobRecord | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    const load =
      of.kind === 'workOrder' ? api['workOrders.record']({ workOrderId: of.id }) : api['switching.record']({ switchOrderId: of.id });
    void load.then((r) => {
      if (!live) return;
      setRecord(r.ok ? r.value : null);
      setProblem(r.ok ? null : errorText(r.error));
    });
    return () => {
      live = false;
    };
  }, [of.kind, of.id, version]);

  if (problem)
    return (
      <p role="alert" className="wo-error">
        {problem}
      </p>
    );
  if (!record) return null;
  const nothing =
    !record.readings.length &&
    !record.sealsRemoved.length &&
    !record.sealsApplied.length &&
    !record.photos &&
    !record.programming.length &&
    !record.panDevices.length;
  return (
    <section className="job-record" data-testid="job-record" aria-labelledby="job-record-title">
      <h3 id="job-record-title">{t('jobRecord.title')}</h3>
      {nothing && <p className="muted">{t('jobRecord.nothing')}</p>}
      {record.readings.length > 0 && (
        <ul data-testid="job-record-readings">
          {record.readings.map((r, i) => (
            <li key={i} data-testid="job-record-reading" data-role={r.role}>
              {t(`jobRecord.role.${r.role}`, { meter: r.meter })} · {r.label}:{' '}
              <strong>{formatValue(r.value, locale, decimalsOf(r.value))}</strong> {r.unit}
              {r.source in bySource ? ` · ${t(bySource[r.source as keyof typeof bySource])}` : ''}
            </li>
          ))}
        </ul>
      )}
      {record.sealsRemoved.length > 0 && (
        <p data-testid="job-record-seals-removed">{t('jobRecord.sealsRemoved', { seals: record.sealsRemoved.join(', ') })}</p>
      )}
      {record.sealsApplied.length > 0 && (
        <p data-testid="job-record-seals-applied">{t('jobRecord.sealsApplied', { seals: record.sealsApplied.join(', ') })}</p>
      )}
      {record.photos > 0 && <p data-testid="job-record-photos">{t('jobRecord.photos', { count: record.photos })}</p>}
      {record.panDevices.map((p, i) => (
        <p key={`pan${i}`} data-testid="job-record-pan">
          {t(`jobRecord.pan.${p.change}`, {
            eui64: p.eui64,
            type: t(`workOrders.pan.types.${p.deviceType}`, { defaultValue: p.deviceType }),
          })}
        </p>
      ))}
    </section>
  );
}
