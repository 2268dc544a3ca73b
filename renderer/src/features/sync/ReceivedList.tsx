/**
 * What the office sent this device (issue 7, "the user sees what changed"): each message with
 * what applying it changed — including master data left alone because a field visit is newer —
 * or why it was refused, in the user's words with the refusal's code beside them.
 */
import { useTranslation } from 'react-i18next';
import type { ReceivedItemView } from '../../../../shared/contract/methods/sync';
import { formatDateTime } from '../../lib/format';
import { inboundRefusalText, refusalTag, schemaFindingsSaid } from './refusalText';
import { useSyncStore } from './syncStore';

const KNOWN_CHANGES = [
  'metersAdded',
  'metersUpdated',
  'metersUnchanged',
  'metersKeptFieldData',
  'meterKeysSet',
  'readRequestsAdded',
  'readRequestsKnown',
  'controlRequestsAdded',
  'controlRequestsKnown',
  'controlRequestsCancelled',
  'controlRequestsAlreadyClosed',
  'workOrdersCreated',
  'usagePointsCreated',
  'usagePointsUpdated',
  'linked',
  'unlinked',
  'meterEventsStored',
  'readingsStored',
  'readingsKnown',
  'readingsNotImported',
] as const;
type KnownChange = (typeof KNOWN_CHANGES)[number];
const isKnown = (key: string): key is KnownChange => (KNOWN_CHANGES as readonly string[]).includes(key);

function Changes({ item }: { item: ReceivedItemView }) {
  const { t } = useTranslation();
  const entries = Object.entries(item.changes);
  if (entries.length === 0) return null;
  return (
    <ul className="sync-changes" data-testid="sync-received-changes">
      {entries.map(([key, count]) => (
        <li key={key} data-change={key} className={key === 'metersKeptFieldData' ? 'sync-change-kept' : undefined}>
          {isKnown(key) ? t(`sync.changes.${key}`, { count }) : `${key}: ${count}`}
        </li>
      ))}
    </ul>
  );
}

export function ReceivedList() {
  const { t, i18n } = useTranslation();
  const received = useSyncStore((s) => s.received);
  return (
    <section className="sync-card" aria-labelledby="sync-received-title">
      <h2 id="sync-received-title">{t('sync.receivedTitle')}</h2>
      {received.length === 0 ? (
        <p className="sync-muted" data-testid="sync-received-none">
          {t('sync.receivedNone')}
        </p>
      ) : (
        <ul className="sync-received" data-testid="sync-received-list">
          {received.map((r) => (
            <li key={r.messageId} data-testid="sync-received-item" data-message-id={r.messageId} data-status={r.status}>
              <div className="sync-received-what">
                <strong>
                  {r.verb} {r.noun}
                </strong>
                <span className="sync-received-status">
                  {r.status === 'failed' ? t('sync.receivedRefused') : t('sync.receivedApplied')}
                </span>
                <span className="sync-muted">{formatDateTime(r.receivedAt, i18n.language)}</span>
                {r.correlationId && <span className="sync-muted">{t('sync.receivedAnswers', { id: r.correlationId })}</span>}
              </div>
              {r.refusal && (
                <p className="sync-received-error" data-testid="sync-received-refusal" data-code={r.refusal.code}>
                  {inboundRefusalText(r.refusal)} <small className="sync-muted">{refusalTag(r.refusal)}</small>
                </p>
              )}
              {r.refusal && <SchemaFindings findings={schemaFindingsSaid(r.refusal)} />}
              <Changes item={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The schema check's findings in words, each with the checker's line small beneath. */
function SchemaFindings({ findings }: { findings: readonly { words: string; text: string }[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="sync-received-findings" data-testid="sync-received-findings">
      {findings.map((f, i) => (
        <li key={i} data-testid="sync-received-finding">
          {f.words}
          {f.text && (
            <small className="sync-muted">
              <code>{f.text}</code>
            </small>
          )}
        </li>
      ))}
    </ul>
  );
}
