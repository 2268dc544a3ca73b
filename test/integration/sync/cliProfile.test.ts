/** `fieldmeter sync --profile-file` (issue 19): a refused profile changes nothing; an accepted one is used and kept for later runs. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/services/store';
import { PROFILE_SETTINGS_KEY } from '../../../electron/services/sync/profileFile';
import { startEnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { readAccepted } from '../../../electron/services/sync/simulator/storage';
import { fieldmeterInProcess } from '../../support/cli';
import { seedDemoOutbox } from '../../support/enterpriseSimulator/seed';
import { useTempDir } from '../../support/tempDir';

const storedProfileText = (db: string) => {
  const store = openStore(db);
  try {
    return store.settings.get(PROFILE_SETTINGS_KEY);
  } finally {
    store.close();
  }
};

describe('fieldmeter sync --profile-file', () => {
  const tempDir = useTempDir();

  it('refuses an invalid profile before sending; sends under a valid one to a strict peer and keeps it', async () => {
    const dir = tempDir();
    const db = join(dir, 'fm.db');
    const queued = seedDemoOutbox(db);
    const sim = await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise'), peer: { strictSoapAction: true } });
    try {
      writeFileSync(
        join(dir, 'bad.json'),
        JSON.stringify({ soapAction: 'http://x/{noun}', endpoints: { MeterReadings: 'http://mdm.example.com/' } }),
      );
      const bad = await fieldmeterInProcess([
        'sync',
        '--db',
        db,
        '--endpoint',
        sim.url,
        '--profile-file',
        join(dir, 'bad.json'),
        '--verbose',
      ]);
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toMatch(
        /integration profile .*bad\.json is not valid: soapAction: only the placeholders .*endpoints\.MeterReadings: http:\/\/mdm\.example\.com is neither https nor on this computer/,
      );
      // Each finding also in the operator's words, its place in the file beside it.
      expect(bad.stderr).toContain('\n  Only the placeholders {Noun} {Verb} {verb} {Service} may be used. (soapAction)\n');
      expect(sim.stats.received).toBe(0);
      expect(storedProfileText(db)).toBeNull();

      const profile = { name: 'strict MDM', soapVersion: '1.2', endpoints: { SendMeterReadings: `${sim.url}SendMeterReadings` } };
      writeFileSync(join(dir, 'profile.json'), JSON.stringify(profile));
      const run = await fieldmeterInProcess([
        'sync',
        '--db',
        db,
        '--endpoint',
        sim.url,
        '--profile-file',
        join(dir, 'profile.json'),
        '--json',
      ]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ sent: queued, accepted: queued, rejected: 0, pending: 0 });
      expect(new Set(Object.values(sim.acceptedPaths()))).toEqual(new Set(['/SendMeterReadings', '/']));
      expect(JSON.parse(storedProfileText(db)!)).toMatchObject(profile);
    } finally {
      await sim.close();
    }
    // Two CLI runs, each a child process: generous on a busy machine, nothing depends on speed.
  }, 120_000);

  it('a profile with the EPRI draft namespaces sends every message in them, and the peer accepts them all', async () => {
    const dir = tempDir();
    const db = join(dir, 'fm.db');
    const queued = seedDemoOutbox(db);
    const sim = await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise'), peer: { strictSoapAction: true } });
    try {
      writeFileSync(join(dir, 'draft.json'), JSON.stringify({ name: 'EPRI harness', namespaces: 'epriDraft' }));
      const run = await fieldmeterInProcess([
        'sync',
        '--db',
        db,
        '--endpoint',
        sim.url,
        '--profile-file',
        join(dir, 'draft.json'),
        '--json',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ sent: queued, accepted: queued, rejected: 0, pending: 0 });
      const received = readAccepted(join(dir, 'enterprise')).map((m) => m.xml);
      expect(received.length).toBeGreaterThanOrEqual(queued);
      for (const xml of received) {
        expect(xml).toContain('http://www.iec.ch/TC57/2011/schema/message');
        expect(xml).not.toContain('"http://iec.ch/TC57/2011/schema/message"');
      }
    } finally {
      await sim.close();
    }
  }, 120_000);
});
