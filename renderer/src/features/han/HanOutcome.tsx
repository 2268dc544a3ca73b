/**
 * What became of the last push, in the user's language (issue 16 §3): the outcome first (values,
 * cannot decrypt, a replay, not understood), then why, in the words the error catalogs keep for
 * each DLMS reason (errors.reason.dlms.*, the words `dlms decode` says too), the code small beside
 * for whoever must quote it. Every reason the Node side can report is a key of the catalogs: the
 * contract types the reason as shared/dlms/errors.ts's list, so a reason without words does not compile.
 */
import { useTranslation } from 'react-i18next';
import type { HanState } from '../../../../shared/contract/methods/han';

type HanLast = NonNullable<HanState['last']>;

export function HanOutcome({ last }: { last: Pick<HanLast, 'outcome' | 'reason'> }) {
  const { t } = useTranslation();
  return (
    <p data-testid="han-outcome" data-reason={last.reason ?? undefined}>
      {t(`han.outcome.${last.outcome}`)}
      {last.reason && (
        <>
          {' '}
          <span data-testid="han-reason">{t(`errors.reason.${last.reason}`)}</span>{' '}
          <small className="code" data-testid="han-reason-code">
            {last.reason}
          </small>
        </>
      )}
    </p>
  );
}
