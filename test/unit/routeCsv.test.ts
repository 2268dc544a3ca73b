import { describe, expect, it } from 'vitest';
import { parseReadDate, parseRouteCsv } from '../../electron/services/routes/routeCsv';
import { csv, HEADER, KWH_T1, KWH_T2, row } from '../support/routeCsv';
import { importWordsDe, importWordsEn, sayImportProblem } from '../../shared/i18n/importWords';

describe('route CSV', () => {
  it('reads valid rows with their line numbers, one register per row', () => {
    const { rows, problems } = parseRouteCsv(
      csv(
        row(),
        row({ seq: '20', up: 'UP-2', serial: 'E200', type: KWH_T1, label: 'Day' }),
        row({ seq: '20', up: 'UP-2', serial: 'E200', type: KWH_T2 }),
      ),
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(rows[0]).toMatchObject({
      routeId: 'R1',
      sequence: 10,
      usagePointId: 'UP-1',
      address: '1 Main St',
      meterSerial: 'E100',
      dials: 6,
      lastValue: '1000',
      lastReadAt: '2026-10-01T00:00:00.000Z',
    });
    expect(rows[0]?.label).toBe('energy delivered kWh');
    expect(rows[1]?.label).toBe('Day');
    expect(rows[2]?.label).toBe('energy delivered kWh T2');
  });

  it('reports every bad row with its line number, column and reason', () => {
    const { rows, problems } = parseRouteCsv(
      csv(
        row(),
        row({ seq: 'ten', up: 'UP-2', serial: 'E2' }),
        row({ seq: '30', up: 'UP-3', serial: 'E3', type: '0.0.1' }),
        row({ seq: '40', up: 'UP-4', serial: 'E4', last: '1234567' }),
        row({ seq: '50', up: 'UP-5', serial: 'E5', date: '2026-02-30' }),
        row({ seq: '60', up: 'UP-6', serial: 'E6', dials: '0' }),
        row({ seq: '70', up: '', serial: 'E7' }),
      ),
    );
    expect(rows).toHaveLength(1);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'sequence'],
      [4, 'reading_type'],
      [5, 'last_read'],
      [6, 'last_read_date'],
      [7, 'dials'],
      [8, 'usage_point_id'],
    ]);
    // A code and its values cross, not a sentence: the words are the catalog's, in either language.
    expect(problems[2]).toMatchObject({ code: 'tooManyDials', details: { value: '1234567', digits: 7, dials: 6 } });
    expect(sayImportProblem(importWordsEn, problems[2]!)).toBe(
      'last_read: 1234567 has 7 digits before the decimal point, but the register has 6 dials.',
    );
    expect(sayImportProblem(importWordsDe, problems[2]!)).toBe(
      'last_read: 1234567 hat 7 Stellen vor dem Komma, das Zählwerk aber 6 Rollen.',
    );
    expect(problems.every((p) => !('reason' in p))).toBe(true);
  });

  it('checks rules across rows: one meter per usage point, one place per meter, one stop per sequence', () => {
    const { rows, problems } = parseRouteCsv(
      csv(
        row(),
        row({ serial: 'E999' }), // UP-1 already has E100
        row({ seq: '20', up: 'UP-2' }), // E100 is already at UP-1
        row({ up: 'UP-3', serial: 'E3' }), // sequence 10 taken
        row(), // same register twice
      ),
    );
    expect(rows).toHaveLength(1);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(problems.map((p) => [p.code, p.details])).toEqual([
      ['usagePointHasMeter', { usagePointId: 'UP-1', meterSerial: 'E100', otherLine: 2 }],
      ['meterElsewhere', { meterSerial: 'E100', usagePointId: 'UP-1', otherLine: 2 }],
      ['sequenceUsed', { sequence: 10, routeId: 'R1', otherLine: 2 }],
      ['readingTypeTwice', { meterSerial: 'E100', readingType: expect.any(String) }],
    ]);
  });

  it('finds a sequence used twice however stops are numbered: small, walk-book numbers, both on one route, apart in the file', () => {
    const rowsOf = (stops: [string, string][]) => stops.map(([seq, up], i) => row({ seq, up, serial: `E${i}`, address: `${i} Main St` }));
    // 1,000 small numbers, then walk-book numbers far beyond them, then the first ones again.
    const small = Array.from({ length: 1000 }, (_, i) => [String(i + 1), `UP-S${i}`] as [string, string]);
    const big = [
      ['4100350', 'UP-B1'],
      ['4100360', 'UP-B2'],
      ['900000000', 'UP-B3'],
      ['70000', 'UP-B4'],
    ] as [string, string][];
    const again = [
      ['500', 'UP-X1'],
      ['4100360', 'UP-X2'],
      ['900000000', 'UP-X3'],
      ['70000', 'UP-X4'],
      ['1001', 'UP-OK'],
    ] as [string, string][];
    const { rows, problems } = parseRouteCsv(csv(...rowsOf([...small, ...big, ...again])));
    expect(problems.map((p) => sayImportProblem(importWordsEn, p))).toEqual([
      'Sequence 500 on route R1 is already used by line 501.',
      'Sequence 4100360 on route R1 is already used by line 1003.',
      'Sequence 900000000 on route R1 is already used by line 1004.',
      'Sequence 70000 on route R1 is already used by line 1005.',
    ]);
    expect(rows.map((r) => r.usagePointId).slice(-5)).toEqual(['UP-B1', 'UP-B2', 'UP-B3', 'UP-B4', 'UP-OK']);
    // The same usage point again at its own sequence, with another register, is one stop.
    const { problems: none } = parseRouteCsv(csv(row({ seq: '4100350' }), row({ seq: '4100350', type: KWH_T1 })));
    expect(none).toEqual([]);
  });

  it('refuses a file without the required columns', () => {
    const { rows, problems } = parseRouteCsv('route,meter\nR1,E1\n');
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ line: 1, code: 'missingColumns', details: { columns: expect.stringContaining('route_id, sequence') } }]);
  });

  it('reports broken CSV quoting with its line instead of throwing', () => {
    const { rows, problems } = parseRouteCsv(`${HEADER}\n${row()}\nR1,x,20,"UP-2,unterminated\n`);
    expect(rows).toEqual([]);
    expect(problems[0]?.code).toBe('notCsv');
    expect(problems[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('reads semicolon-separated files with decimal commas (German spreadsheet export)', () => {
    const text = `${HEADER.replaceAll(',', ';')}\nR1;Route;10;UP-1;"Hauptstraße 1";E1;${KWH_T1};;6;1;1;1234,5;2026-10-01\n`;
    const { rows, problems } = parseRouteCsv(text);
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ address: 'Hauptstraße 1', lastValue: '1234.5', decimals: 1 });
  });

  it('strips a byte-order mark and tolerates blank lines', () => {
    const { rows, problems } = parseRouteCsv(`\uFEFF${csv(row(), '', row({ seq: '20', up: 'UP-2', serial: 'E2' }))}`);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(2);
  });

  it('reads account, access notes, hazards and average daily use, and refuses unknown hazards', () => {
    const { rows, problems } = parseRouteCsv(
      csv(
        row({ account: 'ACC-1', access: 'Key under the mat', hazards: 'Dog|locked_gate|dog', average: '12.5' }),
        row({ seq: '20', up: 'UP-2', serial: 'E2', hazards: 'bees' }),
        row({ seq: '30', up: 'UP-3', serial: 'E3', average: '-1' }),
      ),
    );
    expect(rows[0]).toMatchObject({
      accountId: 'ACC-1',
      accessNotes: 'Key under the mat',
      hazards: ['dog', 'lockedGate'],
      averageDailyUse: 12.5,
    });
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'hazards'],
      [4, 'average_daily_use'],
    ]);
  });

  it('parses read dates strictly', () => {
    expect(parseReadDate('2026-11-01')).toBe('2026-11-01T00:00:00.000Z');
    expect(parseReadDate('2026-11-01T08:30:00+01:00')).toBe('2026-11-01T07:30:00.000Z');
    expect(parseReadDate('2026-11-01 08:30')).toBe('2026-11-01T08:30:00.000Z');
    expect(parseReadDate('01.11.2026')).toBeNull();
    expect(parseReadDate('2026-13-01')).toBeNull();
    expect(parseReadDate('2026-02-29')).toBeNull();
  });
});
