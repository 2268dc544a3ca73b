import { describe, expect, it } from 'vitest';
import type { MeterListItem } from '../../shared/contract/entities';
import { buildSearchIndex } from '../../shared/domain/meterSearch';
import { visibleStops } from '../../renderer/src/features/meters/visibleStops';

const stop = (n: number, status: MeterListItem['status'], address: string): MeterListItem => ({
  usagePointId: `UP-${n}`,
  sequence: n * 10,
  address,
  accountId: '',
  meterSerial: `E${n}`,
  registerCount: 1,
  lastReadAt: null,
  readToday: status === 'read' || status === 'warning',
  status,
  hazards: [],
});

describe('the meter list shown', () => {
  const index = buildSearchIndex([
    stop(1, 'read', 'Mill Lane'),
    stop(2, 'warning', 'Mill Road'),
    stop(3, 'skipped', 'Oak Road'),
    stop(4, 'unread', 'Oak Lane'),
  ]);
  const ids = (query: string, filter: Parameters<typeof visibleStops>[2]) => visibleStops(index, query, filter).map((m) => m.usagePointId);

  it('applies the search and the status filter together, in route order', () => {
    expect(ids('', 'all')).toEqual(['UP-1', 'UP-2', 'UP-3', 'UP-4']);
    expect(ids('road', 'all')).toEqual(['UP-2', 'UP-3']);
    expect(ids('road', 'warnings')).toEqual(['UP-2']);
    expect(ids('', 'skipped')).toEqual(['UP-3']);
    expect(ids('lane', 'unread')).toEqual(['UP-4']);
    expect(ids('mill', 'skipped')).toEqual([]);
  });
});
