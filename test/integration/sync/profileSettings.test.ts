/**
 * Issue 19 item 1: the integration profile is chosen in the Sync settings, not only with
 * `fieldmeter sync --profile-file`: a supervisor loads the utility's JSON, it is checked against the
 * profile schema (refused with a reason and the schema's findings, nothing kept), audited, used by
 * the next run, and can be put back to the default. Nobody else may change it.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/host/dispatch';
import { startFieldmeter, type Fieldmeter } from '../../../electron/services/fieldmeter';
import { storedProfile } from '../../../electron/services/sync/profileFile';
import { DEFAULT_SOAP_ACTION } from '../../../shared/cim/integrationProfile';
import { signInAs } from '../../support/profiles';
import { useTempDir } from '../../support/tempDir';

const utilityProfile = {
  name: 'Stadtwerke Musterstadt MDM',
  soapAction: 'urn:musterstadt:{Verb}{Noun}',
  soapVersion: '1.2',
  endpoints: { SendMeterReadings: 'https://mdm.musterstadt.example/readings' },
};

describe('integration profile in the Sync settings', () => {
  const tempDir = useTempDir();
  let app: Fieldmeter | undefined;
  afterEach(() => app?.close());

  it('a supervisor loads the utility profile, sees it, the next run uses it, and goes back to the default', async () => {
    app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    await signInAs(app, 'supervisor');
    expect(await dispatch(app.handlers, 'sync.profile.get', {})).toMatchObject({
      ok: true,
      value: { isDefault: true, soapAction: DEFAULT_SOAP_ACTION, services: [] },
    });

    const loaded = await dispatch(app.handlers, 'sync.profile.set', { text: JSON.stringify(utilityProfile) });
    expect(loaded).toMatchObject({
      ok: true,
      value: {
        isDefault: false,
        name: utilityProfile.name,
        soapAction: utilityProfile.soapAction,
        soapVersion: '1.2',
        services: ['SendMeterReadings'],
      },
    });
    // What a sync run reads is the same profile.
    expect(storedProfile(app.store)).toMatchObject(utilityProfile);
    const audit = app.store.db.prepare("SELECT details FROM audit_log WHERE action = 'sync.profile' ORDER BY id").pluck().all() as string[];
    expect(audit.map((d) => JSON.parse(d) as unknown)).toEqual([{ name: utilityProfile.name, isDefault: false }]);

    const back = await dispatch(app.handlers, 'sync.profile.set', { text: null });
    expect(back).toMatchObject({ ok: true, value: { isDefault: true, soapAction: DEFAULT_SOAP_ACTION } });
    expect(storedProfile(app.store).soapAction).toBe(DEFAULT_SOAP_ACTION);
  });

  it('refuses a file that is not a profile with a reason and the findings, and keeps the one in use', async () => {
    app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    await signInAs(app, 'supervisor');
    await dispatch(app.handlers, 'sync.profile.set', { text: JSON.stringify(utilityProfile) });

    expect(await dispatch(app.handlers, 'sync.profile.set', { text: '{ "name": ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { reason: 'profileNotJson' } },
    });
    const invalid = await dispatch(app.handlers, 'sync.profile.set', {
      text: JSON.stringify({
        ...utilityProfile,
        soapAction: 'urn:{Operation}',
        endpoints: { SendMeterReadings: 'http://mdm.example/plain' },
      }),
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { reason: 'profileInvalid' } } });
    // Typed issues cross the boundary (said from the catalogs), not zod's English messages.
    const issues = (invalid as { error: { details: { issues: unknown[] } } }).error.details.issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'soapAction', code: 'custom', rule: 'soapActionPlaceholders', value: '{Noun} {Verb} {verb} {Service}' },
        { path: 'endpoints.SendMeterReadings', code: 'custom', rule: 'notHttps', value: 'http://mdm.example' },
      ]),
    );
    expect(storedProfile(app.store).name).toBe(utilityProfile.name);
  });

  it('a technician or installer may read the profile but not change it', async () => {
    app = startFieldmeter({ databasePath: join(tempDir(), 'fm.db'), host: 'web' });
    await signInAs(app, 'installer');
    expect((await dispatch(app.handlers, 'sync.profile.get', {})).ok).toBe(true);
    expect(await dispatch(app.handlers, 'sync.profile.set', { text: null })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', details: { right: 'supervise' } },
    });
  });
});
