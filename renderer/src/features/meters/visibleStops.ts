/** Which stops the list shows: the search text and the status chip applied to the route in memory. */
import type { MeterListItem, StopStatus } from '../../../../shared/contract/entities';
import { searchStops, type SearchIndex } from '../../../../shared/domain/meterSearch';

export const meterFilters = ['all', 'unread', 'warnings', 'skipped'] as const;
export type MeterFilter = (typeof meterFilters)[number];

const filterStatus: Readonly<Record<Exclude<MeterFilter, 'all'>, StopStatus>> = {
  unread: 'unread',
  warnings: 'warning',
  skipped: 'skipped',
};

export function visibleStops(index: SearchIndex<MeterListItem>, query: string, filter: MeterFilter): MeterListItem[] {
  const found = searchStops(index, query);
  return filter === 'all' ? [...found] : found.filter((m) => m.status === filterStatus[filter]);
}
