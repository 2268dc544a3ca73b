/**
 * The command line takes a meter's key or password from the environment or a prompt (issue 22 §5):
 * with neither and no terminal, a coded error names the variable to set; on a terminal (a PTY from
 * util-linux `script`) the key is asked for without echo. The telegram is OMS Vol.2 Annex N.2.1
 * (test/unit/mbus/published.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldmeterBin, fieldmeterInProcess } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';
import { published } from '../../unit/mbus/published';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe('keys and passwords on the command line', () => {
  const tempDir = useTempDir();
  const telegram = () => {
    const path = join(tempDir(), 'oms.hex');
    writeFileSync(path, published.omsMode5.hex);
    return path;
  };

  it('mbus decode of an encrypted telegram without a key and without a terminal names FIELDMETER_MBUS_KEY', async () => {
    const run = await fieldmeterInProcess(['mbus', 'decode', telegram(), '--json'], { FIELDMETER_MBUS_KEY: undefined });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, reason: 'mbus.noKey' });
    expect(run.stderr).toContain('FIELDMETER_MBUS_KEY');
  });

  it('mbus decode takes the key from FIELDMETER_MBUS_KEY', async () => {
    const run = await fieldmeterInProcess(['mbus', 'decode', telegram(), '--json'], { FIELDMETER_MBUS_KEY: published.omsMode5.key });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, decrypted: true });
    expect(run.stdout).not.toContain(published.omsMode5.key);
  });

  it('dlms read with a password client and no password names FIELDMETER_DLMS_PASSWORD before opening the port', async () => {
    const port = join(tempDir(), 'no-such-probe');
    const run = await fieldmeterInProcess(['dlms', 'read', '--port', port, '--client', '32'], { FIELDMETER_DLMS_PASSWORD: undefined });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('FIELDMETER_DLMS_PASSWORD');
    expect(run.stderr).not.toContain('no-such-probe');
  });

  it.skipIf(!hasScript)('on a terminal, mbus decode asks for the key without echoing it', async () => {
    // `script` runs the command on a PTY; what is written to its stdin is typed there.
    const child = spawn(
      'script',
      ['-q', '-e', '-c', `"${process.execPath}" "${fieldmeterBin}" mbus decode "${telegram()}" --json`, '/dev/null'],
      {
        env: { ...process.env, FIELDMETER_MBUS_KEY: '' },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('not shown') && !child.stdin.writableEnded) child.stdin.end(`${published.omsMode5.key}\r`);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(output).toContain('not shown');
    expect(code).toBe(0);
    expect(output).toContain('"decrypted": true');
    expect(output).not.toContain(published.omsMode5.key);
  });
});
