import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiBytes, concatBytes } from '../../../shared/iec62056';
import { fieldmeter, fieldmeterBin } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { block, modeCData, p1 } from '../../unit/iec62056/fixtures';
import { socatSkipReason } from './ptyHarness';
import { scaled } from '../../support/timeouts';

describe('fieldmeter readout parse', () => {
  const tempDir = useTempDir();
  const file = (name: string, bytes: Uint8Array) => {
    const path = join(tempDir(), name);
    writeFileSync(path, bytes);
    return path;
  };

  it('prints identification, checksum and data sets as JSON, values as exact text', async () => {
    const path = file('c.bin', concatBytes(asciiBytes('/?!\r\n/ISK5MT174-0001\r\n\x06050\r\n'), block(modeCData)));
    const { code, stdout } = await fieldmeter(['readout', 'parse', path, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.identification).toEqual({ manufacturer: 'ISK', baudChar: '5', ident: 'MT174-0001', modeE: false });
    expect(out.checksum).toBe('ok');
    expect(out.dataSets[1]).toEqual({
      obis: '1.8.0',
      values: [{ value: '0012345.678', unit: 'kWh' }],
      readingType: '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0',
    });
    expect(out.dataSets[0]).toEqual({ obis: '0.0.0', values: [{ value: '12345678', unit: null }], readingType: null });
  });

  it('prints what it read but exits 1 when the BCC is bad', async () => {
    const path = file('bad.bin', concatBytes(asciiBytes('/ISK5MT174-0001\r\n'), block(modeCData, { badBcc: true })));
    const { code, stdout, stderr } = await fieldmeter(['readout', 'parse', path, '--json', '--verbose']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      checksum: 'bad',
      dataSets: expect.arrayContaining([expect.objectContaining({ obis: '1.8.0' })]),
    });
    expect(stderr).toMatch(/checksum .* is wrong/);
  });

  it('checks a DSMR P1 telegram CRC and exits 1 on garbage', async () => {
    const ok = await fieldmeter(['readout', 'parse', file('p1.bin', p1(['1-0:1.8.1(000123.456*kWh)'])), '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ checksum: 'ok', identification: { modeE: true } });
    const junk = await fieldmeter(['readout', 'parse', file('junk.bin', asciiBytes('hello world\r\n')), '--json']);
    expect(junk.code).toBe(1);
    expect(JSON.parse(junk.stdout).dataSets).toEqual([]);
    expect((await fieldmeter(['readout', 'parse', join(tempDir(), 'missing.bin')])).code).toBe(1);
  });
});

describe.skipIf(socatSkipReason !== null)(
  `fieldmeter simulate meter + read${socatSkipReason ? ` — SKIPPED: ${socatSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    it(
      'starts socat itself, and `read` reads the simulated meter through it',
      async () => {
        const link = join(tempDir(), 'meter');
        const child = spawn(process.execPath, [fieldmeterBin, 'simulate', 'meter', '--profile', 'mode-c', '--link', link, '--json'], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        try {
          const info = await new Promise<{ appPath: string; startedSocat: boolean }>((resolve, reject) => {
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => {
              out += chunk.toString();
              try {
                resolve(JSON.parse(out));
              } catch {
                // not all of it yet
              }
            });
            child.once('exit', (code) => reject(new Error(`simulator exited ${code}`)));
          });
          expect(info).toMatchObject({ appPath: link, startedSocat: true });
          const read = await fieldmeter(['read', '--port', link, '--address', '12345678', '--json']);
          expect(read.code).toBe(0);
          expect(JSON.parse(read.stdout)).toMatchObject({ mode: 'C', baud: 9600, checksum: 'ok', identification: { manufacturer: 'ISK' } });
          const wrongAddress = await fieldmeter(['read', '--port', link, '--address', '999', '--max-baud', '300', '--json']);
          expect(wrongAddress.code).toBe(1);
          expect(JSON.parse(wrongAddress.stdout).error.code).toBe('NO_RESPONSE');
        } finally {
          child.kill('SIGTERM');
          await new Promise((resolve) => child.once('exit', resolve));
        }
        expect(existsSync(link)).toBe(false);
      },
      scaled(30_000),
    );
  },
);

describe('text from a meter on the terminal', () => {
  const tempDir = useTempDir();

  it('shows control characters a meter sent escaped, never raw (issue 18)', async () => {
    // A value that would recolour the terminal, retitle the window and overwrite the line.
    const data = '0.0.0(12345678)\r\n1.8.0(0012345.678*kWh)\r\n0.2.0(\x1b[31mV1\x1b]0;owned\x07\rX)\r\n!\r\n';
    const path = join(tempDir(), 'esc.bin');
    writeFileSync(path, concatBytes(asciiBytes('/ISK5MT174-0001\r\n'), block(data)));
    const { stdout } = await fieldmeter(['readout', 'parse', path]);
    for (const raw of ['\x1b', '\x07', '\r']) expect(stdout).not.toContain(raw);
    expect(stdout).toContain('\\x1b[31mV1\\x1b]0;owned\\x07');
  });
});
