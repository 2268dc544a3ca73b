/**
 * Register values as exact decimal text. A meter shows a fixed number of dials (digits before
 * the decimal point) and decimals; a value that needs more digits cannot have come off it.
 */
export interface RegisterFormat {
  readonly dials: number;
  readonly decimals: number;
}

export type ValueProblem =
  | { kind: 'notANumber' }
  | { kind: 'tooManyDials'; digits: number; dials: number }
  | { kind: 'tooManyDecimals'; digits: number; decimals: number };

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "007.50" → "7.5"; "12" → "12". Returns null for anything that is not a plain non-negative decimal. */
export function canonicalDecimal(text: string): string | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/** Checks canonical decimal text against the register's dials and decimals. */
export function checkRegisterValue(value: string, format: RegisterFormat): ValueProblem | null {
  const canonical = canonicalDecimal(value);
  if (canonical === null) return { kind: 'notANumber' };
  const [whole = '', fraction = ''] = canonical.split('.');
  const wholeDigits = whole === '0' ? 1 : whole.length;
  if (wholeDigits > format.dials) return { kind: 'tooManyDials', digits: wholeDigits, dials: format.dials };
  if (fraction.length > format.decimals) return { kind: 'tooManyDecimals', digits: fraction.length, decimals: format.decimals };
  return null;
}

/** A clause to follow the value: "12345678 has 8 digits before …". */
export function describeValueProblem(problem: ValueProblem): string {
  switch (problem.kind) {
    case 'notANumber':
      return 'is not a number';
    case 'tooManyDials':
      return `has ${problem.digits} digits before the decimal point, but the register has ${problem.dials} dials`;
    case 'tooManyDecimals':
      return `has ${problem.digits} decimals, but the register shows ${problem.decimals}`;
  }
}
