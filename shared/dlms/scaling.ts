/**
 * Exact decimal text of a COSEM value: value × 10^scaler (IEC 62056-6-2 §4.3.2 scaler_unit),
 * computed on digits, never through binary floats (a register read 12345.6 stays 12345.6).
 */
import { fromScaled } from '../domain/decimal';
import type { DlmsValue } from './dataTypes';
import { integerOf } from './dataTypes';

/** Shifts the decimal point of plain decimal text by `scaler` places (positive: ×10^n). */
export function shiftDecimal(text: string, scaler: number): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const digits = BigInt(`${whole}${fraction}` || '0');
  const exponent = scaler - fraction.length;
  const units = exponent >= 0 ? digits * 10n ** BigInt(exponent) : digits;
  const out = fromScaled({ units: negative ? -units : units, scale: exponent >= 0 ? 0 : -exponent });
  return out;
}

/** A float's shortest round-trip text in plain notation (no exponent), or null for NaN/Infinity. */
function floatText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const s = String(value);
  if (!/e/i.test(s)) return s;
  const [mantissa = '0', exp = '0'] = s.split(/e/i);
  return shiftDecimal(mantissa, Number(exp));
}

/** A number-like value as exact decimal text scaled by `scaler`, or null when it is not a number. */
export function scaledText(value: DlmsValue | undefined, scaler = 0): string | null {
  const integer = integerOf(value);
  if (integer !== null) return scaler === 0 ? integer.toString() : shiftDecimal(integer.toString(), scaler);
  if (value && (value.type === 'float32' || value.type === 'float64')) {
    const text = floatText(value.value);
    return text === null ? null : shiftDecimal(text, scaler);
  }
  return null;
}
