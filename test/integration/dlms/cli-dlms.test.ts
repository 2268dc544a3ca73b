/** `fieldmeter dlms decode` through the real CLI (issue 22 item 7). Captures: test/unit/dlms/fixtures.ts (sources cited there). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { nodeAesGcm } from '../../../electron/services/dlms/aesGcm';
import {
  bytesToHex,
  encipherApdu,
  encodeApdu,
  encodeFrame,
  concat,
  obisToBytes,
  structure,
  octets,
  u32,
  i8,
  enumValue,
  array,
  u16,
} from '../../../shared/dlms';
import { fieldmeter } from '../../support/cli';
import { greenBook as gb, kamstrupHanPush } from '../../unit/dlms/fixtures';
import { useTempDir } from '../../support/tempDir';

const tempDir = useTempDir('dlms-cli-');
let dir = '';
beforeEach(() => {
  dir = tempDir();
});

const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** An encrypted HAN-style push in an HDLC UI frame: energy with its scaler_unit, after the list of captured objects. */
function cipheredPushFrame(): Uint8Array {
  const energy = octets(obisToBytes('1-0:1.8.0.255') ?? new Uint8Array(6));
  const body = structure(
    array([structure(u16(3), energy, i8(2), u16(0)), structure(u16(3), energy, i8(3), u16(0))]),
    u32(123456),
    structure(i8(-1), enumValue(30)),
  );
  const push = encodeApdu({ kind: 'data-notification', invokeId: 1, dateTime: null, body });
  const ciphered = encipherApdu(push, {
    gcm: nodeAesGcm,
    encryptionKey: gb.encryptionKey,
    authenticationKey: gb.authenticationKey,
    systemTitle: gb.systemTitle,
    invocationCounter: 77,
    general: true,
  });
  return encodeFrame({
    destination: { upper: 0x10, lower: null, size: 1 },
    source: { upper: 1, lower: 17, size: 2 },
    control: { kind: 'UI', poll: false },
    info: concat(Uint8Array.of(0xe6, 0xe7, 0), ciphered),
  });
}

describe('fieldmeter dlms decode', () => {
  it('prints the published Kamstrup HAN push as JSON from hex text with spaces, newlines and 0x', async () => {
    const hexText = `0x${bytesToHex(kamstrupHanPush)
      .replace(/(.{32})/g, '$1\n')
      .replace(/(..)/g, '$1 ')}`;
    const run = await fieldmeter(['dlms', 'decode', file('kamstrup.hex', hexText), '--json']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ frames: [{ ok: true, reason: null }], apdu: 'data-notification', encrypted: false, decrypted: false });
    expect(out.objects).toContainEqual({ obis: '1-1:1.7.0.255', classId: null, attribute: null, value: '1468', unit: null });
  });

  it('decrypts a ciphered push from a raw binary file and scales it; a wrong key exits 1, says cannot decrypt, prints no values and no key', async () => {
    const path = file('push.bin', cipheredPushFrame());
    const key = bytesToHex(gb.encryptionKey);
    const authKey = bytesToHex(gb.authenticationKey);
    const good = await fieldmeter(['dlms', 'decode', path, '--key', key, '--auth-key', authKey, '--json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toEqual({
      frames: [{ ok: true, reason: null }],
      apdu: 'data-notification',
      encrypted: true,
      decrypted: true,
      objects: [{ obis: '1-0:1.8.0.255', classId: 3, attribute: 2, value: '12345.6', unit: 'Wh' }],
    });
    const fromEnvironment = await fieldmeter(['dlms', 'decode', path, '--json'], {
      FIELDMETER_DLMS_KEY: key,
      FIELDMETER_DLMS_AUTH_KEY: authKey,
    });
    expect(fromEnvironment.code).toBe(0);
    expect(JSON.parse(fromEnvironment.stdout)).toMatchObject({ decrypted: true, objects: [{ value: '12345.6' }] });
    expect(fromEnvironment.stderr).not.toMatch(/visible to other users/);
    const wrongKey = '00112233445566778899AABBCCDDEEFF';
    const bad = await fieldmeter(['dlms', 'decode', path, '--key', wrongKey, '--auth-key', authKey, '--json', '--verbose']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ encrypted: true, decrypted: false, objects: [] });
    expect(bad.stderr).toMatch(/cannot decrypt/);
    // The words come from the DLMS reason, not from a hex check that passed.
    expect(bad.stderr).toMatch(/^error: It cannot be decrypted: the key does not fit this meter/m);
    for (const text of [bad.stdout, bad.stderr, good.stdout]) {
      expect(text).not.toContain(wrongKey);
      expect(text.toUpperCase()).not.toContain(authKey);
    }
  });

  it('exits 1 on a frame whose FCS is wrong, and prints a short table without --json', async () => {
    const broken = kamstrupHanPush.slice();
    broken[60] = (broken[60] ?? 0) ^ 0x10;
    const run = await fieldmeter(['dlms', 'decode', file('broken.hex', bytesToHex(broken)), '--verbose']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/dlms\.fcs/);
    expect(run.stderr).toMatch(/^error: A frame was damaged on the way \(its check sum does not match\)/m);
    const table = await fieldmeter(['dlms', 'decode', file('ok.hex', bytesToHex(kamstrupHanPush))]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/1-1:1\.7\.0\.255\s+1468/);
  });
});
