/**
 * The sync handlers (issue 7) against a real store and the real enterprise simulator: a run in
 * the background with progress and finished events, status and last success, a PARTIAL reply
 * listed with the enterprise's code and retried with the same MessageID, the endpoint settings,
 * and credentials that never reach the disk (or the renderer) in plain text.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract/api';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { encryptedSecretStore } from '../../../electron/services/sync/secrets';
import { startEnterpriseSimulator, type EnterpriseSimulator } from '../../../electron/services/sync/simulator/server';
import { seedDemoOutbox } from '../../support/enterpriseSimulator/seed';
import { useTempDir } from '../../support/tempDir';
import { cimDir, messageXsd, xsdSkipReason } from '../../support/xsd';
import { xorEncryptor } from '../../support/encryptor';
import { signInAs } from '../../support/profiles';

function nextEvent(app: Fieldmeter, name: EventName): Promise<unknown> {
  return new Promise((resolve) => {
    const off = app.events.on(name, (payload) => {
      off();
      resolve(payload);
    });
  });
}

describe('sync handlers', () => {
  const tempDir = useTempDir();
  const opened: { apps: Fieldmeter[]; sims: EnterpriseSimulator[] } = { apps: [], sims: [] };
  afterEach(async () => {
    for (const a of opened.apps.splice(0)) a.close();
    for (const s of opened.sims.splice(0)) await s.close();
  });

  async function setup(fault?: 'partial') {
    const dir = tempDir();
    const databasePath = join(dir, 'fm.db');
    const queued = seedDemoOutbox(databasePath, 10);
    const sim = await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise'), fault: fault ? { kind: fault, rate: 1 } : undefined });
    const app = startFieldmeter({ databasePath, host: 'web' });
    await signInAs(app, 'supervisor');
    opened.apps.push(app);
    opened.sims.push(sim);
    return { dir, app, sim, queued, h: app.handlers };
  }

  it('refuses to run without an endpoint, then runs in the background and reports progress, the summary and last success', async () => {
    const { app, sim, queued, h } = await setup();
    expect(h['sync.status']({})).toMatchObject({ pending: queued, configured: false, running: false, lastSuccessAt: null });
    expect(() => h['sync.run']({ trigger: 'user' })).toThrow(/No enterprise endpoint/);

    expect(await h['sync.settings.set']({ endpoint: sim.url, soapVersion: '1.1', caPath: '', schemaFolder: '' })).toMatchObject({
      endpoint: sim.url,
    });
    const progress: unknown[] = [];
    const offProgress = app.events.on('sync.progress', (p) => progress.push(p));
    const finished = nextEvent(app, 'sync.finished');
    const started = await h['sync.run']({ trigger: 'user' });
    expect(started.alreadyRunning).toBe(false);
    // A second press while it runs does not start another run.
    expect(await h['sync.run']({ trigger: 'background' })).toEqual({ runId: started.runId, alreadyRunning: true });
    expect((await h['sync.status']({})).running).toBe(true);

    expect(await finished).toMatchObject({ runId: started.runId, stopped: null, summary: { accepted: queued, rejected: 0, pending: 0 } });
    offProgress();
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ runId: started.runId, pending: 0 });
    const status = await h['sync.status']({});
    expect(status).toMatchObject({ pending: 0, sent: queued, rejected: 0, running: false, online: true, lastStop: null });
    expect(Date.parse(status.lastSuccessAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(sim.acceptedIds()).toHaveLength(queued);
  });

  it('a run that cannot reach the enterprise stops with the reason and is not a success', async () => {
    const { app, sim, h } = await setup();
    const url = sim.url;
    await sim.close();
    await h['sync.settings.set']({ endpoint: url, soapVersion: '1.1', caPath: '', schemaFolder: '' });
    const finished = nextEvent(app, 'sync.finished');
    await h['sync.run']({ trigger: 'background' });
    expect(await finished).toMatchObject({ stopped: { code: 'UNREACHABLE' } });
    expect(h['sync.status']({})).toMatchObject({ online: false, lastSuccessAt: null, lastStop: { code: 'UNREACHABLE' } });
  }, 60_000);

  it('lists what a PARTIAL reply rejected with the enterprise code and retries it with the same MessageID', async () => {
    const { dir, app, sim, h } = await setup('partial');
    await h['sync.settings.set']({ endpoint: sim.url, soapVersion: '1.1', caPath: '', schemaFolder: '' });
    let finished = nextEvent(app, 'sync.finished');
    await h['sync.run']({ trigger: 'user' });
    await finished;
    const rejected = await h['sync.rejected.list']({});
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected[0]).toMatchObject({ noun: 'MeterReadings', errorCode: '2.4', attempts: 1 });
    expect(rejected[0]!.errorText).toBeTruthy();

    const good = await startEnterpriseSimulator({ storeDir: join(dir, 'enterprise-ok') });
    opened.sims.push(good);
    await h['sync.settings.set']({ endpoint: good.url, soapVersion: '1.2', caPath: '', schemaFolder: '' });
    expect(await h['sync.rejected.retry']({ messageId: rejected[0]!.messageId })).toEqual({ requeued: true });
    await expect(async () => h['sync.rejected.retry']({ messageId: rejected[0]!.messageId })).rejects.toThrow(/not rejected/);
    finished = nextEvent(app, 'sync.finished');
    await h['sync.run']({ trigger: 'user' });
    await finished;
    expect(good.acceptedIds()).toContain(rejected[0]!.messageId);
    expect((await h['sync.rejected.list']({})).map((r) => r.messageId)).not.toContain(rejected[0]!.messageId);
    const audit = app.store.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'sync.retry'").pluck().all();
    expect(audit).toEqual([rejected[0]!.messageId]);
  });

  it('in the web host credentials come from the environment only and are refused with what to set', async () => {
    const { h } = await setup();
    expect((await h['sync.settings.get']({})).credentials).toEqual({ kind: 'none', source: 'environment', canStore: false });
    expect(() => h['sync.credentials.set']({ kind: 'bearer', token: 'secret-token' })).toThrow(
      /set FIELDMETER_SYNC_USER .*FIELDMETER_SYNC_TOKEN, on this machine/,
    );
  });

  it('with secure storage credentials are kept encrypted, never in plain text on disk, and never returned', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'fm.db');
    const app = startFieldmeter({ databasePath, host: 'electron', secrets: (blobs) => encryptedSecretStore(xorEncryptor, blobs) });
    await signInAs(app, 'supervisor');
    opened.apps.push(app);
    const h = app.handlers;
    // Credentials are bound to the endpoint's origin, so the endpoint comes first (issue 18).
    await h['sync.settings.set']({ endpoint: 'https://mdm.example.com/cim', soapVersion: '1.1', caPath: '', schemaFolder: '' });
    const info = await h['sync.credentials.set']({ kind: 'basic', user: 'crew7', password: 'Very-Secret-Pw-123' });
    expect(info).toEqual({ kind: 'basic', source: 'secureStorage', canStore: true });
    expect(JSON.stringify(h['sync.settings.get']({}))).not.toContain('Very-Secret-Pw-123');
    app.store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(databasePath).includes('Very-Secret-Pw-123')).toBe(false);
    expect(app.store.syncState.get('secret.sync.password')).toBeTruthy();
    expect((await h['sync.credentials.set']({ kind: 'bearer', token: 'tok' })).kind).toBe('bearer');
    expect(app.store.syncState.get('secret.sync.password')).toBeNull();
    expect(await h['sync.credentials.clear']({})).toMatchObject({ kind: 'none' });
  });

  it.skipIf(xsdSkipReason !== null)(
    `the utility's schema folder: checked when set; a message its schemas refuse is rejected here with the errors, never sent${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
    async () => {
      const { dir, app, sim, queued, h } = await setup();
      const settings = (schemaFolder: string) =>
        h['sync.settings.set']({ endpoint: sim.url, soapVersion: '1.1', caPath: '', schemaFolder });
      await expect(settings(join(dir, 'nowhere'))).rejects.toThrow(/Cannot read the schema folder/);
      await expect(settings(dir)).rejects.toThrow(/has no Message\.xsd/);
      expect((await h['sync.settings.get']({})).settings.schemaFolder).toBe('');

      // Stands in for a utility profile stricter than the reference: it allows no content in MeterReadings.
      const profile = join(dir, 'profile');
      mkdirSync(profile);
      copyFileSync(messageXsd, join(profile, 'Message.xsd'));
      writeFileSync(
        join(profile, 'MeterReadings.xsd'),
        `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://iec.ch/TC57/2011/MeterReadings#" elementFormDefault="qualified">
  <xs:element name="MeterReadings"><xs:complexType/></xs:element>
</xs:schema>\n`,
      );
      expect(await settings(profile)).toMatchObject({ schemaFolder: profile });
      let finished = nextEvent(app, 'sync.finished');
      await h['sync.run']({ trigger: 'user' });
      expect(await finished).toMatchObject({ stopped: null, summary: { sent: 0, accepted: 0, rejected: expect.any(Number) } });
      expect(sim.acceptedIds()).toEqual([]);
      const rejected = await h['sync.rejected.list']({});
      expect(rejected.length).toBeGreaterThan(0);
      expect(rejected.length).toBeLessThanOrEqual(queued); // one per usage point: the rest wait behind it
      for (const r of rejected) {
        expect(r).toMatchObject({ noun: 'MeterReadings', errorCode: 'FIELDMETER_SCHEMA' });
        expect(r.errorText).toMatch(
          /^Not valid against the utility's schemas, so it was not sent: payload MeterReadings: line \d+: .*Element content is not allowed, because the content type is empty\.$/,
        );
      }

      // With the reference schemas as the utility's folder, the same messages pass and are sent.
      await settings(cimDir);
      for (const r of rejected) await h['sync.rejected.retry']({ messageId: r.messageId });
      finished = nextEvent(app, 'sync.finished');
      await h['sync.run']({ trigger: 'user' });
      expect(await finished).toMatchObject({ stopped: null, summary: { rejected: 0, pending: 0 } });
      expect(sim.acceptedIds()).toHaveLength(queued);
    },
    60_000,
  );
});
