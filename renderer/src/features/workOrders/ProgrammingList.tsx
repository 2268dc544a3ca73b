/** What was programmed on the job's new meter (time sync, demand reset), as recorded with the work order. */
import { useTranslation } from 'react-i18next';
import type { WorkOrderDetail } from './workOrderStore';
import { errorText } from '../../lib/errorText';

export function ProgrammingList({ programming }: { programming: WorkOrderDetail['programming'] }) {
  const { t } = useTranslation();
  return (
    <ul className="wo-values" data-testid="job-programmed">
      {programming.length === 0 && <li>{t('workOrders.job.programmed.none')}</li>}
      {programming.map((p) => {
        const a = p.attributes;
        const text =
          p.result === 'FAILED'
            ? t('workOrders.job.programmed.failed', {
                operation: t(`optical.program.${p.operation}`),
                meter: p.meter,
                error: p.failure ? errorText(p.failure) : '',
              })
            : p.operation === 'timeSync'
              ? t('workOrders.job.programmed.timeSync', {
                  meter: p.meter,
                  before: a['driftBeforeSeconds'] ?? '?',
                  after: a['driftAfterSeconds'] ?? '?',
                })
              : t('workOrders.job.programmed.demandReset', { meter: p.meter, counter: a['resetCounterAfter'] ?? '—' });
        return (
          <li key={`${p.operation}-${p.at}`} className={p.result === 'FAILED' ? 'wo-error' : undefined}>
            {text}
          </li>
        );
      })}
    </ul>
  );
}
