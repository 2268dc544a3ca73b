/**
 * `fieldmeter probe transcript --visit ID` (the probe doctor's export) and
 * `fieldmeter models list|assign|unassign` (docs/METER_MODELS.md), through the built CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/store';
import { TranscriptRecorder } from '../../../shared/iec62056';
import { fieldmeter } from '../../support/cli';
import { useTempDir } from '../../support/tempDir';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('fieldmeter probe and models', () => {
  const tempDir = useTempDir();

  it('exports a probe transcript as text, by its id or by its visit', async () => {
    const dir = tempDir();
    const db = join(dir, 'fm.db');
    expect((await fieldmeter(['demo', 'seed', '--db', db])).code).toBe(0);
    const store = openStore(db);
    const recorder = new TranscriptRecorder(() => 0);
    recorder.record('tx', bytes('/?!\r\n'));
    recorder.record('rx', bytes('/ISK5MT174-0001\r\n'));
    recorder.record('tx', bytes('\x01P1\x02(12345678)\x03\x50'));
    store.probeTranscripts.insert({
      id: 'T-1',
      usagePointId: 'UP-1001',
      meterSerial: 'E3100001',
      kind: 'timeSync',
      port: '/dev/ttyUSB0',
      startedAt: '2026-12-01T08:00:00.000Z',
      outcome: 'PASSWORD_REJECTED',
      recordedBy: 'Ines',
      ...recorder.finish(),
    });
    store.close();

    // The demo creates profiles: reading a transcript needs one signed in (right "view").
    const tina = { FIELDMETER_USER: 'Tina Technician', FIELDMETER_PIN: '111111' };
    expect((await fieldmeter(['probe', 'transcript', '--visit', 'T-1', '--db', db], { FIELDMETER_USER: undefined })).code).toBe(1);
    const printed = await fieldmeter(['probe', 'transcript', '--visit', 'T-1', '--db', db], tina);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('timeSync on /dev/ttyUSB0, started 2026-12-01T08:00:00.000Z by Ines: PASSWORD_REJECTED');
    expect(printed.stdout).toContain('probe → meter  /?!<CR><LF>');
    expect(printed.stdout).toContain('meter → probe  /ISK5MT174-0001<CR><LF>');
    expect(printed.stdout).toContain('<SOH>P1<STX>(********)<ETX>*');
    expect(printed.stdout).not.toContain('12345678');
    const out = join(dir, 'transcript.txt');
    expect((await fieldmeter(['probe', 'transcript', '--visit', 'T-1', '--out', out, '--db', db], tina)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('2f 3f 21 0d 0a');
    const unknown = await fieldmeter(['probe', 'transcript', '--visit', 'nope', '--db', db], tina);
    expect(unknown.code).toBe(1);
  }, 60_000);

  it('lists models with their meter types, assigns and unassigns one', async () => {
    const db = join(tempDir(), 'fm.db');
    expect((await fieldmeter(['db', 'migrate', '--db', db])).code).toBe(0);
    const listed = JSON.parse((await fieldmeter(['models', 'list', '--db', db, '--json'])).stdout) as {
      models: { name: string }[];
      assignments: unknown[];
    };
    expect(listed.models.map((m) => m.name)).toEqual(expect.arrayContaining(['generic', 'isk-mt', 'lgz-zmd']));
    expect(listed.assignments).toEqual([]);
    const assigned = await fieldmeter(['models', 'assign', '--manufacturer', 'ISK', '--ident', 'MT174', '--model', 'isk-mt', '--db', db]);
    expect(assigned.code).toBe(0);
    expect(assigned.stdout).toMatch(/isk-mt \(demand reset\): .*\n {2}assigned to: ISK MT174/);
    expect(
      (await fieldmeter(['models', 'assign', '--manufacturer', 'ISK', '--ident', 'MT174', '--model', 'nosuch', '--db', db])).code,
    ).toBe(1);
    expect((await fieldmeter(['models', 'unassign', '--manufacturer', 'ISK', '--ident', 'MT174', '--db', db])).code).toBe(0);
    expect(JSON.parse((await fieldmeter(['models', 'list', '--db', db, '--json'])).stdout).assignments).toEqual([]);
  }, 60_000);
});
