/** The next stop is the walking order's, not the first gap left behind (issue 24 §4). */
import { describe, expect, it } from 'vitest';
import type { StopStatus } from '../../../shared/contract/entities';
import { nextStop } from '../../../shared/domain/walkOrder';

const walk = (statuses: string) =>
  [...statuses].map((c, i) => ({
    sequence: (i + 1) * 10,
    status: ({ '.': 'unread', r: 'read', w: 'warning', s: 'skipped' } as Record<string, StopStatus>)[c]!,
  }));
const next = (statuses: string) => nextStop(walk(statuses))?.sequence ?? null;

describe('the next stop on a walk', () => {
  it('is the first stop when nothing is done', () => expect(next('.....')).toBe(10));

  it('goes on after the last stop done, past a stop left open behind it', () => {
    // 20 was passed by (no access); 30 and 40 done: the technician stands at 40 and walks on to 50.
    expect(next('r.rr.')).toBe(50);
    // The old rule (first open stop in sequence) would send them back to 20.
    expect(next('r.rr.')).not.toBe(20);
  });

  it('counts a skip and a read with a warning as done', () => {
    expect(next('rs...')).toBe(30);
    expect(next('.w...')).toBe(30);
  });

  it('turns back to the first stop left behind once nothing lies ahead', () => {
    expect(next('r.r.r')).toBe(20);
    expect(next('rrrrr')).toBeNull();
  });

  it('follows the sequence, not the order the stops come in', () => {
    const stops = walk('..r..').reverse();
    expect(nextStop(stops)?.sequence).toBe(40);
  });
});
