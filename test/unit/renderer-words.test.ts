/**
 * Plain words instead of identifiers (issue 17 §2): register names from the ReadingType, the
 * meter's clock, OBIS rows without a meaning, and a sentence for every audit action the app writes.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultRegisterLabel } from '../../shared/cim/readingType';
import { programOperations } from '../../shared/contract/methods/optical';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { formatDay, formatMeterClock } from '../../renderer/src/lib/format';
import { registerName, readingTypeName } from '../../renderer/src/lib/registerName';
import { obisMeaningText, obisValueText } from '../../renderer/src/features/optical/obisText';

const kwh = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';
const kwhT1 = '0.0.0.1.1.1.12.0.0.0.0.1.0.0.0.3.72.0';
const gasM3 = '0.0.0.1.1.7.58.0.0.0.0.0.0.0.0.0.42.0';
const exportKwh = '0.0.0.1.19.1.12.0.0.0.0.0.0.0.0.3.72.0';

describe('register names', () => {
  it('translate the label the importer made when the route gave none', () => {
    expect(defaultRegisterLabel(kwh)).toBe('energy delivered kWh');
    expect(registerName(defaultRegisterLabel(kwh), kwh, de.registerName)).toBe('Bezogene Energie');
    expect(registerName(defaultRegisterLabel(kwh), kwh, en.registerName)).toBe('Energy delivered');
    expect(registerName(defaultRegisterLabel(kwhT1), kwhT1, de.registerName)).toBe('Bezogene Energie T1');
    expect(registerName('', exportKwh, de.registerName)).toBe('Eingespeiste Energie');
    expect(registerName('', gasM3, de.registerName)).toBe('Gasvolumen');
    // A kvarh register is reactive energy, not "Energy delivered" (IEC 61968-9 UnitSymbol 73, varh).
    const kvarhImport = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.73.0';
    expect(registerName('', kvarhImport, de.registerName)).toBe('Blindenergie, Bezug');
    expect(registerName('', kvarhImport, en.registerName)).toBe('Reactive energy, delivered');
    expect(registerName('', '0.0.0.1.19.1.12.0.0.0.0.0.0.0.0.3.71.0', en.registerName)).toBe('Apparent energy, fed in');
  });

  it("keep the route's own label", () => {
    expect(registerName('Energy day (T1)', kwhT1, de.registerName)).toBe('Energy day (T1)');
  });

  it('say "unknown register" for a code that names nothing', () => {
    expect(readingTypeName('1.2.3', de.registerName)).toBe('Unbekanntes Register');
    expect(readingTypeName(null, en.registerName)).toBe('Unknown register');
  });
});

describe('dates and the meter clock in the locale', () => {
  it('shows a chosen day without shifting it by the time zone', () => {
    expect(formatDay('2026-12-06', 'de')).toBe('06.12.2026');
    expect(formatDay('2026-12-06', 'en')).toBe('Dec 6, 2026');
  });

  it("shows the meter's YY-MM-DD hh:mm:ss as the meter has it", () => {
    expect(formatMeterClock('26-12-06 22:34:05', 'de')).toBe('06.12.2026, 22:34:05');
    expect(formatMeterClock('26-12-06 22:34:05', 'en')).toMatch(/^Dec 6, 2026, 10:34:05\sPM$/);
    expect(formatMeterClock('no clock', 'de')).toBe('no clock');
    expect(formatMeterClock('26-02-30 10:00:00', 'de')).toBe('26-02-30 10:00:00');
  });
});

describe('OBIS rows of an optical read', () => {
  it('name registers from their ReadingType and the abstract data sets of IEC 62056-61', () => {
    expect(obisMeaningText('1.8.0', kwh, de)).toBe('Bezogene Energie');
    expect(obisMeaningText('C.1.0', null, de)).toBe('Zählernummer');
    expect(obisMeaningText('F.F', null, en)).toBe('Error register');
    expect(obisMeaningText('0.9.1', null, de)).toBe('Uhrzeit im Zähler');
  });

  it('call a register without a meaning unknown, in words', () => {
    expect(obisMeaningText('1-0:32.7.0', null, de)).toBe('Unbekanntes Register');
    expect(obisMeaningText('not obis', null, en)).toBe('Unknown register');
  });

  it('show the clock registers as a date and a time', () => {
    expect(obisValueText('0.9.2', '261206', 'de')).toBe('06.12.2026');
    expect(obisValueText('0.9.1', '223405', 'de')).toBe('22:34:05');
    expect(obisValueText('1.8.0', '261206', 'de')).toBe('261206');
  });
});

/** Every `action: '…'` the Node side writes to the audit log, found in its source. */
function auditActions(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk(join(__dirname, '../../electron/services'));
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // The `action` of an audit row: the first field of the entry given to `journal.audit(actor, {…})` or `change.audit({…})`.
    const auditCall =
      /\.audit\((?:[^{}()]*?(?:\{[^{}]*\})?[^{}()]*?, )?\{\s*action: ((?:cancelling \? )?'[a-zA-Z.]+'(?: : '[a-zA-Z.]+')?|`[^`]+`)/g;
    for (const m of text.matchAll(auditCall)) {
      const expr = m[1]!;
      if (expr.startsWith('`')) {
        // The two actions built from a list: optical.<operation>, workOrder.<event>.
        if (expr === '`optical.${request.operation}`') for (const op of programOperations) found.add(`optical.${op}`);
        else if (expr === '`workOrder.${event.type}`')
          for (const ev of ['start', 'complete', 'unable', 'cancel']) found.add(`workOrder.${ev}`);
        else if (!expr.includes('"')) found.add(expr); // an unknown template: fails below until it has words
      } else for (const literal of expr.matchAll(/'([^']+)'/g)) found.add(literal[1]!);
    }
  }
  return [...found].sort();
}

const at = (tree: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), tree);

describe('the audit trail in words', () => {
  it('has a sentence in both languages for every action the app writes', () => {
    const actions = auditActions();
    expect(actions).toContain('readings.save');
    expect(actions).toContain('switching.cancelledByEnterprise');
    expect(actions.length).toBeGreaterThanOrEqual(45);
    expect(actions.filter((a) => typeof at(en.audit.action, a) !== 'string' || typeof at(de.audit.action, a) !== 'string')).toEqual([]);
  });
});
