import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsvRecords } from '../../electron/services/routes/csvRecords';

/** Writes records as RFC 4180 CSV, quoting a field when it needs it (or at random). */
function write(records: string[][], delimiter: string, eol: string, quoteAll: boolean): string {
  const field = (f: string) => (quoteAll || /[",;\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f);
  return records.map((r) => r.map(field).join(delimiter)).join(eol) + eol;
}

const fieldText = fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', '"', ',', ';', '\n', '\r\n', 'ä', '€', '.'), maxLength: 12 });

describe('CSV records', () => {
  it('reads what an RFC 4180 writer wrote, exactly as csv-parse does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fieldText, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (records, delimiter, eol, quoteAll) => {
          const text = write(records, delimiter, eol, quoteAll);
          const ours = readCsvRecords(text, delimiter as ',' | ';').map((r) => r.fields);
          const theirs = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
          expect(ours).toEqual(theirs);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the line each record starts on, counting line breaks inside quotes', () => {
    const records = readCsvRecords('a,b\n"x\ny",2\n\nlast,3\r\n', ',');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', '2'] },
      { line: 5, fields: ['last', '3'] },
    ]);
  });

  it('strips a byte-order mark and reads a last line without a line break', () => {
    expect(readCsvRecords('\uFEFFa;b\n1;2', ';').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it.each([
    ['a,"open\nnever closed', 1, 'never closed'],
    ['a,b\nx,"q"junk\n', 2, 'after a closing quote'],
    ['a,b\nx,ab"c\n', 2, 'quote inside an unquoted field'],
  ])('refuses broken quoting with the line: %j', (text, line, message) => {
    let error: unknown;
    try {
      readCsvRecords(text, ',');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(line);
    expect((error as Error).message).toContain(message);
  });

  it('never throws anything but CsvSyntaxError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          readCsvRecords(text, ',');
        } catch (error) {
          expect(error).toBeInstanceOf(CsvSyntaxError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
