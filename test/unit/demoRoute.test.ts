/**
 * Training that trains (issue 17 §4): every check can be seen on the demo route — the expected
 * range from an average daily use, and a rollover on the meter that stands just below all nines.
 */
import { describe, expect, it } from 'vitest';
import { ROLLOVER_STOP, demoRouteCsv } from '../../electron/services/demo/demoRoute';
import { trainingProfile } from '../../electron/services/optical/trainingMeter';
import { parseRouteCsv } from '../../electron/services/routes/routeCsv';
import { add, registerSpan, subtract } from '../../shared/domain/decimal';
import { checkReading } from '../../shared/domain/readingValidation';

const { rows, problems } = parseRouteCsv(demoRouteCsv());
const DAY_MS = 86_400_000;
/** A fixed "now" 60 days after the rollover stop's last read: the checks do not depend on today's date. */
const rolloverRow = rows.find((r) => r.sequence === ROLLOVER_STOP * 10)!;
const now = new Date(Date.parse(rolloverRow.lastReadAt!) + 60 * DAY_MS).toISOString();
const history = (r: (typeof rows)[number]) => ({
  dials: r.dials,
  kind: 'cumulative' as const,
  readingType: r.readingType,
  multiplier: r.multiplier,
  lastValue: r.lastValue,
  lastReadAt: r.lastReadAt,
  averageDailyUse: r.averageDailyUse,
});

describe('the demo route', () => {
  it('imports without problems, and every register has an average daily use and a name from its ReadingType', () => {
    expect(problems).toEqual([]);
    expect(rows.filter((r) => !(r.averageDailyUse !== null && r.averageDailyUse > 0))).toEqual([]);
    // No label in the file: the importer's default, which the screens show in the user's language.
    expect(new Set(rows.map((r) => r.label))).toEqual(
      new Set(['energy delivered kWh', 'energy delivered kWh T1', 'energy delivered kWh T2', 'volume delivered m³']),
    );
  });

  it('asks about a value far above or below the expected use', () => {
    const r = rows.find((x) => x.usagePointId === 'UP-1001')!;
    const at = new Date(Date.parse(r.lastReadAt!) + 30 * DAY_MS).toISOString();
    const expected = r.averageDailyUse! * 30;
    const high = checkReading(add(r.lastValue!, String(Math.round(expected * 5))), at, history(r));
    const low = checkReading(add(r.lastValue!, String(Math.round(expected / 5))), at, history(r));
    const usual = checkReading(add(r.lastValue!, String(Math.round(expected))), at, history(r));
    expect(high.warnings.map((w) => w.kind)).toEqual(['highUsage']);
    expect(low.warnings.map((w) => w.kind)).toEqual(['lowUsage']);
    expect(usual.warnings).toEqual([]);
  });

  it('has a meter close to rollover: a small value after the nines is a rollover, not an error', () => {
    expect(Number(rolloverRow.lastValue)).toBeGreaterThan(999_000);
    const usage = Math.round(rolloverRow.averageDailyUse! * 60);
    const afterNines = subtract(add(rolloverRow.lastValue!, String(usage)), registerSpan(rolloverRow.dials));
    const check = checkReading(afterNines, now, history(rolloverRow));
    expect(check.warnings.map((w) => w.kind)).toEqual(['rollover']);
    expect(check.needsConfirmation).toBe(false);
  });

  it("lets the training probe read the day's use, wrapped past the nines like the dials", () => {
    const profile = trainingProfile(
      { meterSerial: rolloverRow.meterSerial, registers: [{ ...rolloverRow, decimals: 0 }] },
      Date.parse(now),
    );
    const line = profile.lines.find((l) => l.startsWith('1.8.0('))!;
    const value = String(Number(/\((\d+)\*/.exec(line)![1]));
    expect(Number(value)).toBeLessThan(1000);
    expect(checkReading(value, now, history(rolloverRow)).warnings.map((w) => w.kind)).toEqual(['rollover']);
  });
});
