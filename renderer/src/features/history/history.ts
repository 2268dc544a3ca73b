/**
 * The meter's last visits as rows (one per reading set, newest first) with the use since the
 * previous visit per register. Use comes from the warning that already carries it (a rollover
 * across the nines, a high or low use) or from the difference to the previous value.
 */
import type { Reading, ReadingWarningShape, Register } from '../../../../shared/contract/entities';
import { compare, multiply, subtract } from '../../../../shared/domain/decimal';

export interface HistoryCell {
  value: string;
  usage: string | null;
  warnings: readonly ReadingWarningShape[];
  confirmed: 'reentered' | 'reason' | null;
  reason: string | null;
}

export interface HistoryRow {
  readingSetId: string;
  readAt: string;
  cells: Readonly<Record<number, HistoryCell>>;
}

/** Use in the register's unit: the warnings carry it with the multiplier applied (readingValidation), so the difference gets it too. */
function usageOf(reading: Reading, previous: Reading | undefined, multiplier: number): string | null {
  for (const w of reading.warnings)
    if ('usage' in w && (w.kind === 'rollover' || w.kind === 'highUsage' || w.kind === 'lowUsage')) return w.usage;
  if (!previous) return null;
  return compare(reading.value, previous.value) >= 0 ? multiply(subtract(reading.value, previous.value), multiplier) : null;
}

type HistoryRegister = Pick<Register, 'id' | 'kind'> & Partial<Pick<Register, 'multiplier'>>;

export function historyRows(readings: readonly Reading[], registers: readonly HistoryRegister[]): HistoryRow[] {
  const cumulative = new Map(registers.filter((r) => r.kind === 'cumulative').map((r) => [r.id, r.multiplier ?? 1]));
  const oldestFirst = [...readings].sort((a, b) => a.readAt.localeCompare(b.readAt) || a.id - b.id);
  const lastByRegister = new Map<number, Reading>();
  const rows = new Map<string, HistoryRow & { cells: Record<number, HistoryCell> }>();
  for (const reading of oldestFirst) {
    const previous = lastByRegister.get(reading.registerId);
    lastByRegister.set(reading.registerId, reading);
    const row = rows.get(reading.readingSetId) ?? { readingSetId: reading.readingSetId, readAt: reading.readAt, cells: {} };
    rows.set(reading.readingSetId, row);
    row.cells[reading.registerId] = {
      value: reading.value,
      usage: cumulative.has(reading.registerId) ? usageOf(reading, previous, cumulative.get(reading.registerId) ?? 1) : null,
      warnings: reading.warnings,
      confirmed: reading.confirmation?.method ?? null,
      reason: reading.confirmation?.method === 'reason' ? reading.confirmation.reason : null,
    };
  }
  return [...rows.values()].reverse();
}

/** How many bars (or points) the use chart would draw: use needs two visits of a cumulative register. */
export function usePoints(rows: readonly HistoryRow[], registers: readonly Pick<Register, 'id' | 'kind'>[]): number {
  const cumulative = registers.filter((r) => r.kind === 'cumulative');
  return rows.reduce((n, row) => n + cumulative.filter((r) => (row.cells[r.id]?.usage ?? null) !== null).length, 0);
}
