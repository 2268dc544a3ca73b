/** All / Unread / With warnings / Skipped, each with its count from the route's progress. */
import { useTranslation } from 'react-i18next';
import type { RouteSummary } from '../../../../shared/contract/entities';
import { meterFilters, useMetersStore, type MeterFilter } from './metersStore';

export const unreadCount = (r: RouteSummary) => Math.max(0, r.total - r.read - r.skipped);

const countOf = (filter: MeterFilter, r: RouteSummary | undefined): number | null => {
  if (!r) return null;
  return { all: r.total, unread: unreadCount(r), warnings: r.withWarnings, skipped: r.skipped }[filter];
};

export function FilterChips({ route }: { route: RouteSummary | undefined }) {
  const { t } = useTranslation();
  const filter = useMetersStore((s) => s.filter);
  const setFilter = useMetersStore((s) => s.setFilter);
  return (
    <div className="filter-chips" role="group" aria-label={t('filters.label')} data-testid="meter-filters">
      {meterFilters.map((f) => {
        const count = countOf(f, route);
        return (
          <button
            key={f}
            type="button"
            className={`chip${f === filter ? ' selected' : ''}`}
            aria-pressed={f === filter}
            data-testid={`filter-${f}`}
            onClick={() => void setFilter(f)}
          >
            {t(`filters.${f}`)}
            {count !== null && <span className="chip-count">{count}</span>}
          </button>
        );
      })}
    </div>
  );
}
