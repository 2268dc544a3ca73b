/**
 * The verification code of a visit receipt (issue 24 §3): canonical JSON independent of key order,
 * and the code as the RFC 4648 base32 of the SHA-256's first 50 bits. Expected codes were computed
 * outside this code, with Python's hashlib.sha256 and base64.b32encode (first 10 characters).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, groupedCode, receiptCode } from '../../../shared/evidence/canonicalJson';
import { localNumber } from '../../../shared/evidence/receiptText';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest();

describe('receipt verification code', () => {
  it('is the base32 of the first 50 bits of the SHA-256 (test vector "abc", FIPS 180-2)', () => {
    expect(receiptCode(sha('abc'))).toBe('XJ4BNP4PAH');
    expect(groupedCode('XJ4BNP4PAH')).toBe('XJ4BN-P4PAH');
  });

  it('canonical JSON sorts keys at every depth, drops undefined, keeps strings as JSON writes them', () => {
    const a = canonicalJson({ b: [true, null, 'Müller'], a: 1, c: undefined });
    expect(a).toBe('{"a":1,"b":[true,null,"Müller"]}');
    expect(canonicalJson({ a: 1, b: [true, null, 'Müller'] })).toBe(a);
    expect(receiptCode(sha(a))).toBe('7ZTM5RT2QY');
    expect(canonicalJson({ z: { y: 2, x: 1 } })).toBe('{"z":{"x":1,"y":2}}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
  });

  it('register values keep every digit and take the separators of the language', () => {
    expect(localNumber('1234567.0100', 'de')).toBe('1.234.567,0100');
    expect(localNumber('1234567.0100', 'en')).toBe('1,234,567.0100');
    expect(localNumber('12', 'de')).toBe('12');
  });
});
