/**
 * One switch order (issue 9): which customer, account and supplier change hands on which date,
 * the window to read in, any cancel or reschedule from the office, and the form for its kind.
 */
import { useTranslation } from 'react-i18next';
import { isReadingKind } from '../../../../shared/domain/switching';
import { api } from '../../api/client';
import { formatDate, formatDateTime } from '../../lib/format';
import { VisitEvidence } from '../evidence/VisitEvidence';
import { JobRecordView } from '../workOrders/JobRecordView';
import { ControlForm } from './ControlForm';
import { SwitchReadForm } from './SwitchReadForm';
import { useSwitchingStore, type SwitchDetail } from './switchingStore';
import '../../styles/switching.css';

function EnterpriseChange({ d }: { d: SwitchDetail }) {
  const { t, i18n } = useTranslation();
  if (!d.enterpriseChange || d.enterpriseChangeSeen) return null;
  const when = formatDateTime(d.enterpriseChangeAt ?? d.dueAt, i18n.language);
  const text =
    d.enterpriseChange === 'rescheduled'
      ? t('switching.rescheduled', { from: formatDate(d.previousDueAt ?? d.dueAt, i18n.language), to: formatDate(d.dueAt, i18n.language) })
      : d.status === 'cancelled'
        ? t('switching.cancelledByEnterprise', { when })
        : t('switching.cancelledAfterWork', { when });
  return (
    <div role="alert" className="wo-error sw-change" data-testid="sw-enterprise-change">
      <p>{text}</p>
      <button
        type="button"
        className="button"
        data-testid="sw-acknowledge"
        onClick={() => void api['switching.acknowledge']({ switchOrderId: d.id }).then(() => useSwitchingStore.getState().refresh())}
      >
        {t('switching.acknowledge')}
      </button>
    </div>
  );
}

function Result({ d }: { d: SwitchDetail }) {
  const { t, i18n } = useTranslation();
  const when = d.finishedAt ? formatDateTime(d.finishedAt, i18n.language) : '';
  if (d.status === 'estimateRequested')
    return (
      <p data-testid="sw-result">
        {t('switching.result.estimate', { reason: t(`skip.codes.${d.notReadReason ?? ''}`, { defaultValue: d.notReadReason ?? '' }) })}
      </p>
    );
  if (d.outcome) {
    return (
      <p data-testid="sw-result">
        {t('switching.result.control', {
          outcome: t(`switching.outcome.${d.outcome}`),
          action: d.action ? t(`switching.actions.${d.action}`) : '',
          result: d.controlResult ? `, ${t('switching.controlResult')}: ${t(`switching.controlResults.${d.controlResult}`)}` : '',
          seal: d.sealNumber ? `, ${t('switching.seal')} ${d.sealNumber}` : '',
        })}
      </p>
    );
  }
  if (d.readingSetId)
    return (
      <p data-testid="sw-result">
        {t('switching.result.read', { when, window: d.readInWindow === false ? t('switching.result.outside') : '' })}
      </p>
    );
  return null;
}

export function SwitchOrderPanel() {
  const { t, i18n } = useTranslation();
  const { detail: d, error } = useSwitchingStore();
  if (error)
    return (
      <p role="alert" className="wo-error" data-testid="sw-error">
        {error}
      </p>
    );
  if (!d) return null;
  const a = d.agreement;
  const p = d.previousAgreement;
  return (
    <div className="sw-order" data-testid="sw-detail">
      <h2 data-testid="sw-title">
        {t(`switching.kind.${d.kind}`)} · {d.usagePointId} · {d.address}
      </h2>
      <p data-testid="sw-status">
        {t(`switching.status.${d.status}`)} · {t('switching.due', { when: formatDateTime(d.dueAt, i18n.language) })}
      </p>
      <p>
        {t('switching.window', { start: formatDateTime(d.windowStart, i18n.language), end: formatDateTime(d.windowEnd, i18n.language) })}
      </p>
      <EnterpriseChange d={d} />
      {a ? (
        <dl className="sw-agreement" data-testid="sw-agreement">
          <dt>{t('switching.customer')}</dt>
          <dd data-testid="sw-customer">{a.customerName || '—'}</dd>
          <dt>{t('switching.account')}</dt>
          <dd data-testid="sw-account">{a.account || '—'}</dd>
          <dt>{t('switching.supplier')}</dt>
          <dd data-testid="sw-supplier">
            {p && p.supplierName !== a.supplierName
              ? t('switching.supplierChange', { from: p.supplierName, to: a.supplierName })
              : a.supplierName || '—'}
          </dd>
          <dt>{t('switching.tariff')}</dt>
          <dd>{a.tariff || '—'}</dd>
          <dt>{t('switching.meter', { serial: '' }).trim()}</dt>
          <dd>
            {d.meterSerial} · {t('switching.agreement', { id: a.id, start: a.startAt ? formatDate(a.startAt, i18n.language) : '—' })}
            {a.endAt ? ` ${t('switching.agreementEnd', { end: formatDate(a.endAt, i18n.language) })}` : ''}
          </dd>
        </dl>
      ) : (
        <p>{t('switching.noAgreement')}</p>
      )}
      <Result d={d} />
      {d.finishedAt && (d.readingSetId || d.outcome) && (
        <VisitEvidence key={`evidence-${d.id}`} visit={{ kind: 'switchOrder', id: d.id }} />
      )}
      {d.finishedAt && <JobRecordView of={{ kind: 'switchOrder', id: d.id }} version={`${d.status}@${d.finishedAt}`} />}
      {d.status === 'assigned' &&
        (isReadingKind(d.kind) ? <SwitchReadForm key={d.id} detail={d} /> : <ControlForm key={d.id} detail={d} />)}
    </div>
  );
}
