/** `fieldmeter pan check` through the real CLI (issue 8 §6); vector: Silicon Labs AN1089 §3 (see test/unit/shared/installCode.test.ts). */
import { describe, expect, it } from 'vitest';
import { fieldmeter } from '../../support/cli';

describe('fieldmeter pan check', () => {
  it('prints valid, CRC and link key as JSON and exits 0 for a good label', async () => {
    const run = await fieldmeter([
      'pan',
      'check',
      '--eui64',
      '00:0D:6F:00:0A:BC:DE:F0',
      '--install-code',
      '83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5',
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: true,
      reason: null,
      crc: 'C3B5',
      linkKey: '66B6900981E1EE3CA4206B6B861C02BB',
      eui64: '000D6F000ABCDEF0',
    });
  });

  it('exits 1 with the reason for a mistyped install code, and gives no link key', async () => {
    const run = await fieldmeter([
      'pan',
      'check',
      '--eui64',
      '000D6F000ABCDEF0',
      '--install-code',
      '83FED3407A939723A5C639B26916D506C3B5',
      '--json',
      '--verbose',
    ]);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { valid: boolean; reason: string; linkKey: string | null };
    expect(out).toMatchObject({ valid: false, linkKey: null });
    expect(out.reason).toMatch(/mistyped/);
    expect(run.stderr).toMatch(/mistyped/);
  });

  it('exits 1 for a reserved EUI-64 and 2 when an option is missing', async () => {
    const bad = await fieldmeter([
      'pan',
      'check',
      '--eui64',
      'FFFFFFFFFFFFFFFF',
      '--install-code',
      '83FED3407A939723A5C639B26916D505C3B5',
      '--verbose',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/reserved/);
    const usage = await fieldmeter(['pan', 'check', '--eui64', '000D6F000ABCDEF0']);
    expect(usage.code).toBe(2);
  });
});
