/**
 * Exact arithmetic on decimal text ("12345.6") through scaled BigInts. Meter values must
 * never pass through binary floats: 0.1 + 0.2 is not a reading anyone typed.
 */
export interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

export function toScaled(text: string, scale: number): Scaled {
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length > scale) throw new RangeError(`${text} has more than ${scale} decimals`);
  return { units: BigInt(whole + fraction.padEnd(scale, '0')), scale };
}

export function fromScaled({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = scale ? digits.slice(-scale).replace(/0+$/, '') : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

export const decimalsOf = (text: string) => text.split('.')[1]?.length ?? 0;

/** a − b as decimal text. */
export function subtract(a: string, b: string): string {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  return fromScaled({ units: toScaled(a, scale).units - toScaled(b, scale).units, scale });
}

export function compare(a: string, b: string): -1 | 0 | 1 {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  const d = toScaled(a, scale).units - toScaled(b, scale).units;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** 10^dials, the value at which a register with that many dials wraps to zero. */
export const registerSpan = (dials: number) => `1${'0'.repeat(dials)}`;

export function add(a: string, b: string): string {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  return fromScaled({ units: toScaled(a, scale).units + toScaled(b, scale).units, scale });
}

/**
 * a × factor as decimal text, exactly: the factor is a register's multiplier (a CT/VT ratio such
 * as 40 or 0.5), written in plain decimal notation (no exponent) by `String` for such numbers.
 */
export function multiply(a: string, factor: number): string {
  if (factor === 1) return a;
  const f = String(factor);
  if (!/^\d+(\.\d+)?$/.test(f)) throw new RangeError(`multiplier ${f} is not a plain decimal`);
  const product = toScaled(a, decimalsOf(a)).units * toScaled(f, decimalsOf(f)).units;
  return fromScaled({ units: product, scale: decimalsOf(a) + decimalsOf(f) });
}
