/**
 * The endpoint form refuses what the Node side refuses (issue 18), with the reason in the person's
 * language: plain http to another machine, a user and password in the URL. Nothing is saved.
 */
import { expect, test } from './fixtures';
import { callApi } from './pages';

// The endpoint is a supervisor's to set.
test.use({ demo: true, signInAs: 'Sam Supervisor' });

test('the endpoint must be https and carry no credentials; the reason shows in English and German', async ({ app: page, host }) => {
  await page.getByTestId('section-sync').click();
  const message = page.getByTestId('sync-settings-message');
  await page.getByTestId('sync-endpoint').fill('http://mdm.example.com/cim');
  await page.getByTestId('sync-endpoint-save').click();
  await expect(message).toHaveText('The endpoint must be an https:// URL (http:// only for this machine: localhost, 127.0.0.1, ::1).');

  await page.getByTestId('locale-de').click();
  await expect(page.getByTestId('locale-de')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('sync-endpoint').fill('https://crew:Secret-1@mdm.example.com/cim');
  await page.getByTestId('sync-endpoint-save').click();
  await expect(message).toHaveText(
    'Benutzer und Passwort gehören nicht in die URL des Endpunkts; hinterlegen Sie sie unten als Zugangsdaten.',
  );

  // The contract refuses them too, whatever the form does.
  const direct = await callApi(page, host.current.token, 'sync.settings.set', {
    endpoint: 'http://mdm.example.com/cim',
    soapVersion: '1.1',
    caPath: '',
    schemaFolder: '',
  });
  expect(direct.ok).toBe(false);
  const saved = await callApi<{ settings: { endpoint: string } }>(page, host.current.token, 'sync.settings.get', {});
  expect(saved.value?.settings.endpoint).toBe('');
});

test('the supervisor loads the utility integration profile from a file; a file that is not one is refused with the findings, in German', async ({
  app: page,
}) => {
  await page.getByTestId('section-sync').click();
  const profile = page.getByTestId('sync-profile');
  await expect(profile.getByTestId('sync-profile-name')).toHaveText('Default: IEC 61968-100 as published');

  const utility = {
    name: 'Stadtwerke Musterstadt MDM',
    soapAction: 'urn:musterstadt:{Verb}{Noun}',
    endpoints: { SendMeterReadings: 'https://mdm.musterstadt.example/readings' },
  };
  await profile
    .getByTestId('sync-profile-file')
    .setInputFiles({ name: 'musterstadt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(utility)) });
  await expect(profile.getByTestId('sync-profile-message')).toHaveText(
    'The profile “Stadtwerke Musterstadt MDM” is used from the next sync on.',
  );
  await expect(profile.getByTestId('sync-profile-name')).toHaveText('Stadtwerke Musterstadt MDM');
  await expect(profile.getByTestId('sync-profile-soap-action')).toHaveText('urn:musterstadt:{Verb}{Noun}');
  await expect(profile.getByTestId('sync-profile-services')).toHaveText('SendMeterReadings');

  await page.getByTestId('locale-de').click();
  await profile.getByTestId('sync-profile-file').setInputFiles({
    name: 'wrong.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ soapAction: 'urn:{Operation}' })),
  });
  const refusal = profile.getByTestId('sync-profile-message');
  await expect(refusal).toContainText('Diese Datei ist kein gültiges Integrationsprofil.');
  // Each finding in German from the catalogs (not zod's English), its place in the file beside it.
  await expect(refusal.getByTestId('sync-profile-issue')).toHaveText([
    'Nur die Platzhalter {Noun} {Verb} {verb} {Service} dürfen vorkommen. soapAction',
  ]);
  await expect(refusal.getByTestId('sync-profile-issue-place')).toHaveText(['soapAction']);
  // The profile in use stays.
  await expect(profile.getByTestId('sync-profile-name')).toHaveText('Stadtwerke Musterstadt MDM');
  await profile.getByTestId('sync-profile-reset').click();
  await expect(profile.getByTestId('sync-profile-name')).toHaveText('Standard: IEC 61968-100 wie veröffentlicht');
});
