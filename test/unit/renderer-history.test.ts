/** The meter's visits as table rows with the use since the previous visit. */
import { describe, expect, it } from 'vitest';
import type { Reading } from '../../shared/contract/entities';
import { historyRows, usePoints } from '../../renderer/src/features/history/history';

const reading = (
  id: number,
  set: string,
  registerId: number,
  value: string,
  readAt: string,
  warnings: Reading['warnings'] = [],
): Reading => ({
  id,
  readingSetId: set,
  usagePointId: 'UP-1',
  meterSerial: 'M1',
  registerId,
  readingType: '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0',
  value,
  readAt,
  source: 'manual',
  qualities: ['2.4.131'],
  warnings,
  confirmation: null,
});

describe('historyRows', () => {
  it('groups a visit by reading set, newest first, with use from the warning or the previous value', () => {
    const readings = [
      reading(3, 'c', 1, '290', '2026-11-03T10:00:00Z'),
      reading(2, 'b', 1, '200', '2026-11-02T10:00:00Z'),
      reading(1, 'a', 1, '120', '2026-11-01T10:00:00Z', [{ kind: 'rollover', previous: '99850', current: '120', usage: '270', dials: 5 }]),
      reading(4, 'a', 2, '7.5', '2026-11-01T10:00:00Z'),
    ];
    const rows = historyRows(readings, [
      { id: 1, kind: 'cumulative' },
      { id: 2, kind: 'demand' },
    ]);
    expect(rows.map((r) => r.readingSetId)).toEqual(['c', 'b', 'a']);
    expect(rows.map((r) => r.cells[1]?.usage)).toEqual(['90', '80', '270']);
    expect(rows[2]?.cells[2]).toMatchObject({ value: '7.5', usage: null });
  });

  it('gives the use of a CT meter in its unit: the difference times the register multiplier (issue 20 §2)', () => {
    const readings = [reading(2, 'b', 1, '210', '2026-11-02T10:00:00Z'), reading(1, 'a', 1, '200', '2026-11-01T10:00:00Z')];
    const rows = historyRows(readings, [{ id: 1, kind: 'cumulative', multiplier: 40 }]);
    expect(rows[0]?.cells[1]?.usage).toBe('400');
  });

  it('has no use for the first visit without a warning, nor for a drop without a rollover', () => {
    const rows = historyRows(
      [reading(1, 'a', 1, '500', '2026-11-01T10:00:00Z'), reading(2, 'b', 1, '400', '2026-11-02T10:00:00Z')],
      [{ id: 1, kind: 'cumulative' }],
    );
    expect(rows.map((r) => r.cells[1]?.usage)).toEqual([null, null]);
  });

  it('draws no use chart for a single reading (the screen says what there is instead), and one bar from the second', () => {
    const registers = [{ id: 1, kind: 'cumulative' as const }];
    expect(usePoints(historyRows([reading(1, 'a', 1, '500', '2026-11-01T10:00:00Z')], registers), registers)).toBe(0);
    expect(
      usePoints(
        historyRows([reading(1, 'a', 1, '500', '2026-11-01T10:00:00Z'), reading(2, 'b', 1, '540', '2026-11-02T10:00:00Z')], registers),
        registers,
      ),
    ).toBe(1);
  });
});
