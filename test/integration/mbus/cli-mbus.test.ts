/** `fieldmeter mbus decode` through the real CLI (issue 23 §7); the telegrams and their sources are in test/unit/mbus/published.ts. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hexBytes } from '../../../shared/mbus';
import { fieldmeter } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { published } from '../../unit/mbus/published';

describe('fieldmeter mbus decode', () => {
  const tempDir = useTempDir();
  const file = (name: string, content: string | Uint8Array) => {
    const path = join(tempDir(), name);
    writeFileSync(path, content);
    return path;
  };

  it('decrypts an OMS mode 5 telegram from hex text and prints the issue 23 JSON shape, without the key', async () => {
    // Hex split over lines with spaces, as people paste it.
    const hex = published.omsMode5.hex.replace(/(.{20})/g, '$1 \n');
    const run = await fieldmeter(['mbus', 'decode', file('oms.hex', hex), '--key', published.omsMode5.key, '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual([
      'ok',
      'reason',
      'medium',
      'manufacturer',
      'id',
      'version',
      'deviceType',
      'encryption',
      'decrypted',
      'records',
    ]);
    expect(out).toEqual({
      ok: true,
      reason: null,
      medium: 'wmbus',
      manufacturer: 'ELS',
      id: '12345678',
      version: 51,
      deviceType: 'gas',
      encryption: 'mode5',
      decrypted: true,
      records: [
        { value: '28504.27', unit: 'm3', storage: 0, tariff: 0, subunit: 0, function: 'instantaneous', quantity: 'volume', date: null },
        {
          value: null,
          unit: null,
          storage: 0,
          tariff: 0,
          subunit: 0,
          function: 'instantaneous',
          quantity: 'timePoint',
          date: '2008-05-31T23:50',
        },
        { value: '0', unit: null, storage: 0, tariff: 0, subunit: 0, function: 'instantaneous', quantity: 'errorFlags', date: null },
      ],
    });
    expect(run.stdout + run.stderr).not.toMatch(new RegExp(published.omsMode5.key, 'i'));
  });

  it('reads a wired long frame from a raw binary file and prints a short table without --json', async () => {
    const run = await fieldmeter(['mbus', 'decode', file('waterstar.bin', hexBytes(published.libmbusWaterStar.hex))]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^M-Bus EFE 04990254, version 0, Warm water \(not encrypted\)/);
    expect(run.stdout).toMatch(/Flow\s+2\.070\s+m3\/h\s+maximum/);
  });

  it('exits 1 on a bad CRC and on a wrong key, with the reason and no values', async () => {
    const damaged = hexBytes(published.omsMode5.hex);
    damaged[20] = (damaged[20] ?? 0) ^ 0x10;
    const crc = await fieldmeter(['mbus', 'decode', file('bad.bin', damaged), '--key', published.omsMode5.key, '--json']);
    expect(crc.code).toBe(1);
    expect(JSON.parse(crc.stdout)).toMatchObject({ ok: false, reason: 'mbus.crc', manufacturer: null, records: [] });

    const wrongKey = '0102030405060708090A0B0C0D0E0F12';
    const decrypt = await fieldmeter(['mbus', 'decode', file('oms.hex', published.omsMode5.hex), '--key', wrongKey, '--json', '--verbose']);
    expect(decrypt.code).toBe(1);
    expect(JSON.parse(decrypt.stdout)).toMatchObject({
      ok: false,
      reason: 'mbus.decrypt',
      manufacturer: 'ELS',
      id: '12345678',
      decrypted: false,
      records: [],
    });
    expect(decrypt.stderr).toMatch(/cannot decrypt/);
    expect(decrypt.stdout + decrypt.stderr).not.toMatch(new RegExp(wrongKey, 'i'));
  });

  it('refuses a key that is not 32 hex digits', async () => {
    const run = await fieldmeter(['mbus', 'decode', file('oms.hex', published.omsMode5.hex), '--key', '0102']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/The option --key is not valid/);
  });
});
