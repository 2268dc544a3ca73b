import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchStops } from '../../../shared/domain/meterSearch';

const stops = [
  { usagePointId: 'UP-1001', address: '31 Mill Lane', meterSerial: 'E3100001', accountId: 'ACC-9' },
  { usagePointId: 'UP-1002', address: '4 Station Road', meterSerial: 'G700002', accountId: '' },
  { usagePointId: 'UP-1003', address: '100% Oak Road', meterSerial: 'W500003', accountId: 'ACC-10' },
];

describe('route search', () => {
  const index = buildSearchIndex(stops);
  const ids = (q: string) => searchStops(index, q).map((s) => s.usagePointId);

  it('matches serial, address, usage point and account, ignoring case and outer spaces', () => {
    expect(ids('e31')).toEqual(['UP-1001']);
    expect(ids(' MILL ')).toEqual(['UP-1001']);
    expect(ids('up-1002')).toEqual(['UP-1002']);
    expect(ids('acc-1')).toEqual(['UP-1003']);
    expect(ids('road')).toEqual(['UP-1002', 'UP-1003']);
  });

  it('treats every character literally and never matches across fields', () => {
    expect(ids('100%')).toEqual(['UP-1003']);
    expect(ids('.*')).toEqual([]);
    expect(ids('lane3')).toEqual([]);
  });

  it('returns everything, in route order, for an empty query', () => {
    expect(ids('')).toEqual(['UP-1001', 'UP-1002', 'UP-1003']);
  });
});
