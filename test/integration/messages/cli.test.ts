/** `fieldmeter messages validate|samples`, run as a child process like a supervisor would. */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir';
import { cimDir, xsdSkipReason } from '../../support/xsd';
import { fieldmeterInProcess } from '../../support/cli';
import { openStore } from '../../../electron/services/store';
import { parseProfileText, storeProfile } from '../../../electron/services/sync/profileFile';
import { scaled } from '../../support/timeouts';

describe('fieldmeter messages', () => {
  const tempDir = useTempDir();

  it('samples: writes one <Verb><Noun>.<kind>.xml per outbox kind and verb, and the enterprise requests, built from the database', async () => {
    const dir = tempDir();
    const db = join(dir, 'fm.db');
    expect((await fieldmeterInProcess(['demo', 'seed', '--db', db])).code).toBe(0);
    const out = join(dir, 'out');
    const result = await fieldmeterInProcess(['messages', 'samples', '--db', db, '--out', out, '--json']);
    expect(result.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(JSON.parse(result.stdout).files.sort()).toEqual(files);
    expect(files).toEqual(
      [
        'ChangeEndDeviceConfig.panConfig',
        'ChangeMeterConfig.meterConfig',
        'ChangeUsagePointConfig',
        'ChangedMeterServiceRequests.serviceReport',
        'CloseMasterDataLinkageConfig.linkage',
        'CreateEndDeviceConfig.panConfig',
        'CreateEndDeviceControls',
        'CreateEndDeviceControls.panPairing',
        'CreateMasterDataLinkageConfig.linkage',
        'CreateMeterConfig',
        'CreatedEndDeviceControls.opticalControl',
        'CreatedEndDeviceControls.switchControl',
        'CreatedEndDeviceEvents.meterStatusEvents',
        'CreatedEndDeviceEvents.skipEvent',
        'CreatedEndDeviceEvents.switchEvent',
        'CreatedMeterReadings.loadProfile',
        'CreatedMeterReadings.meterReadings',
        'CreatedMeterServiceRequests.serviceReport',
        // A visit receipt: an EventMessage with the PDF, Noun Document (no 61968-9 typed root).
        'EventMessage-created-Document.visitReceipt',
        'GetMeterReadings',
      ]
        .map((n) => `${n}.xml`)
        .sort(),
    );
    // built from the demo route's first meter; nothing is queued yet, so the file says it was synthesised
    const readings = readFileSync(join(out, 'CreatedMeterReadings.meterReadings.xml'), 'utf8');
    expect(readings).toContain('<m:mRID>UP-1001</m:mRID>');
    expect(readings).toMatch(/<!-- Outbox kind meterReadings \(created MeterReadings\): synthesised from the demo data/);
  });

  it('samples: in the namespace set of the integration profile this device keeps (iec2017), as sync sends them', async () => {
    const dir = tempDir();
    const db = join(dir, 'fm.db');
    expect((await fieldmeterInProcess(['demo', 'seed', '--db', db])).code).toBe(0);
    const samples = async (out: string) => {
      expect((await fieldmeterInProcess(['messages', 'samples', '--db', db, '--out', join(dir, out)])).code).toBe(0);
      return readFileSync(join(dir, out, 'CreatedMeterReadings.meterReadings.xml'), 'utf8');
    };
    expect(await samples('default')).not.toContain('http://iec.ch/TC57/2017/');
    const store = openStore(db);
    try {
      storeProfile(store, parseProfileText(JSON.stringify({ namespaces: 'iec2017' }), 'profile.json'));
    } finally {
      store.close();
    }
    expect(await samples('iec2017')).toContain('http://iec.ch/TC57/2017/');
  });

  it('samples: exit 1 with advice on an empty database', async () => {
    const dir = tempDir();
    const result = await fieldmeterInProcess(['messages', 'samples', '--db', join(dir, 'empty.db'), '--out', join(dir, 'out')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/There is no meter to build messages from/);
  });

  it('validate: exit 2 without a file, exit 1 without a schema folder', async () => {
    expect((await fieldmeterInProcess(['messages', 'validate'])).code).toBe(2);
    const file = join(tempDir(), 'm.xml');
    writeFileSync(file, '<x/>');
    const result = await fieldmeterInProcess(['messages', 'validate', file], { FIELDMETER_CIM_XSD_DIR: undefined });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--xsd-dir/);
  });

  describe.skipIf(xsdSkipReason !== null)(
    `validate against the reference XSDs${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
    () => {
      it(
        'exit 0 for every sample, exit 1 with line-numbered errors for a broken one',
        async () => {
          const dir = tempDir();
          const db = join(dir, 'fm.db');
          await fieldmeterInProcess(['demo', 'seed', '--db', db]);
          const out = join(dir, 'out');
          await fieldmeterInProcess(['messages', 'samples', '--db', db, '--out', out]);
          // Every sample is schema-checked in-process by xsd.test.ts; here the command itself, on two of them.
          for (const file of ['CreatedMeterReadings.meterReadings.xml', 'GetMeterReadings.xml']) {
            const result = await fieldmeterInProcess(['messages', 'validate', join(out, file), '--xsd-dir', cimDir]);
            expect(result.stderr, file).toBe('');
            expect(result.code, file).toBe(0);
          }
          const bad = join(dir, 'bad.xml');
          writeFileSync(
            bad,
            readFileSync(join(out, 'CreateEndDeviceControls.xml'), 'utf8').replace('>create</msg:Verb>', '>update</msg:Verb>'),
          );
          const result = await fieldmeterInProcess(['messages', 'validate', bad, '--xsd-dir', cimDir]);
          expect(result.code).toBe(1);
          expect(result.stderr).toMatch(/line 4: .*'update' is not an element of the set/);
        },
        scaled(60_000),
      );
    },
  );
});
