/**
 * The audit trail in words (issue 17): each action the app records as a short sentence, the
 * record it touched by its kind, and its details as a list of named fields, not JSON. An action
 * or field this version does not know is shown as it was recorded, so nothing is hidden.
 */
import { useTranslation } from 'react-i18next';
import { knownText } from '../../i18n/catalog';
import { useFormat } from '../../lib/format';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const STATUS_FIELDS = new Set(['before', 'after', 'from', 'to', 'status']);

export function useAuditText() {
  useTranslation(); // renders again when the language changes
  const say = (key: string, fallback: string, values?: Record<string, string>) => knownText(key, values) ?? fallback;
  return {
    action: (action: string) => say(`audit.action.${action}`, action),
    record: (entity: string, id: string) => say(`audit.entity.${entity}`, `${entity} ${id}`, { id }),
    role: (role: string) => say(`review.role.${role}`, role),
    field: (key: string) => say(`audit.field.${key}`, key),
  };
}

/** One value of the details in words: dates in the locale, yes/no, warning kinds and roles by name. */
function useValueText() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const text = useAuditText();
  const valueText = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('audit.none');
    if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
    if (typeof value === 'number') return new Intl.NumberFormat(i18n.language).format(value);
    if (typeof value === 'string') {
      if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return format.dateTime(value);
      if (key === 'role') return text.role(value);
      // A status before and after (review, work order, switch order) by its name on the screens.
      if (STATUS_FIELDS.has(key))
        return (
          knownText(`review.status.${value}`) ?? knownText(`workOrders.status.${value}`) ?? knownText(`switching.status.${value}`) ?? value
        );
      if (key === 'warnings') return knownText(`warningKind.${value}`) ?? value;
      return value;
    }
    if (Array.isArray(value)) return value.length === 0 ? t('audit.none') : value.map((v) => valueText(key, v)).join(', ');
    if (typeof value === 'object') {
      return Object.entries(value as Record<string, unknown>)
        .map(([k, v]) => `${text.field(k)}: ${valueText(k, v)}`)
        .join('; ');
    }
    return String(value);
  };
  return valueText;
}

/** The details of one audit row as named fields. */
export function AuditDetails({ json }: { readonly json: string }) {
  const { t } = useTranslation();
  const text = useAuditText();
  const valueText = useValueText();
  let details: unknown;
  try {
    details = JSON.parse(json);
  } catch {
    return <>{json}</>;
  }
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return <>{valueText('', details)}</>;
  const entries = Object.entries(details as Record<string, unknown>);
  if (entries.length === 0) return <span className="muted">{t('audit.noDetails')}</span>;
  return (
    <dl className="audit-details" data-testid="audit-details">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{text.field(key)}</dt>
          <dd>{valueText(key, value)}</dd>
        </div>
      ))}
    </dl>
  );
}
