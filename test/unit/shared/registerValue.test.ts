import { describe, expect, it } from 'vitest';
import { canonicalDecimal, checkRegisterValue, describeValueProblem } from '../../../shared/domain/registerValue';

describe('canonicalDecimal', () => {
  it.each([
    ['007.50', '7.5'],
    ['12', '12'],
    ['0', '0'],
    ['0.000', '0'],
    ['000123', '123'],
    [' 42.10 ', '42.1'],
  ])('%s → %s', (input, expected) => expect(canonicalDecimal(input)).toBe(expected));

  it.each(['', '-1', '1e5', '1,5', '1.2.3', 'abc', '.5', '5.'])('rejects %j', (input) => expect(canonicalDecimal(input)).toBeNull());
});

describe('checkRegisterValue', () => {
  const fiveDials = { dials: 5, decimals: 1 };
  it('accepts a value that fits the dials and decimals', () => {
    expect(checkRegisterValue('99999.9', fiveDials)).toBeNull();
    expect(checkRegisterValue('0', fiveDials)).toBeNull();
    expect(checkRegisterValue('00120', fiveDials)).toBeNull();
  });
  it('refuses more digits than dials, with the numbers', () => {
    const problem = checkRegisterValue('123456', fiveDials);
    expect(problem).toEqual({ kind: 'tooManyDials', digits: 6, dials: 5 });
    expect(describeValueProblem(problem!)).toBe('has 6 digits before the decimal point, but the register has 5 dials');
  });
  it('refuses more decimals than the register shows', () => {
    expect(checkRegisterValue('1.25', fiveDials)).toEqual({ kind: 'tooManyDecimals', digits: 2, decimals: 1 });
  });
  it('refuses text that is not a number', () => {
    expect(checkRegisterValue('12a', fiveDials)).toEqual({ kind: 'notANumber' });
  });
});
