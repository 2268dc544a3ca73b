/**
 * A probe on a port the list does not show (here a socat pseudo-terminal with the meter simulator on
 * the other end): the installer types its path, reads the meter, and programming refuses the meter
 * at the probe until the installer confirms it, because its serial is not the stop's meter.
 */
import type { Page } from '@playwright/test';
import { expect, test, type HostHandle } from './fixtures';
import { callApi, signInByApi, openSearchedMeter, screenshot, searchMeter } from './pages';
import { socatSkipReason, startMeter, type Harness } from '../integration/serial/ptyHarness';

test.use({ demo: true, signInAs: 'Ines Installer' });

let harness: Harness | undefined;
test.afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/**
 * The simulated meter on a PTY with the Iskra MT174 model assigned by the utility's supervisor
 * (issue 20: a model is never picked by the manufacturer letters alone), and the installer at stop
 * UP-1002 with the probe's port typed in.
 */
async function installerAtTypedPort(page: Page, host: HostHandle, profile: string) {
  const meter = await startMeter(profile, { reactionScale: 0.1 });
  harness = meter;
  await signInByApi(page, host.current.token, 'Sam Supervisor');
  const assigned = await callApi(page, host.current.token, 'optical.models.assign', {
    manufacturer: 'ISK',
    identPrefix: 'MT174',
    model: 'isk-mt',
  });
  expect(assigned.ok, JSON.stringify(assigned)).toBe(true);
  await signInByApi(page, host.current.token, 'Ines Installer');
  await searchMeter(page, 'E3100002');
  const form = await openSearchedMeter(page, 'UP-1002');
  await form.getByTestId('optical-panel').locator('summary').click();
  await form.getByTestId('optical-port-path').fill(meter.appPath);
  await form.getByTestId('optical-port-path').press('Enter');
  await expect(form.getByTestId('save-status')).toHaveCount(0); // Enter chose the port, it did not submit the form
  await expect(form.getByTestId('optical-port')).toHaveValue(meter.appPath);
  return { form, meter };
}

test('a typed port is read and remembered; programming another meter needs the installer to confirm it', async ({ app: page, host }) => {
  test.skip(socatSkipReason !== null, `SKIPPED: ${socatSkipReason}`);
  const started = await installerAtTypedPort(page, host, 'program-isk');
  const meter = started.meter;
  let form = started.form;

  await form.getByTestId('optical-read').click();
  await expect(form.getByTestId('optical-serial-mismatch')).toContainText('The meter reports serial 12345678, not the expected E3100002.');

  const panel = form.getByTestId('program-panel');
  await panel.getByTestId('program-password').fill('00000000');
  await panel.getByTestId('program-time-sync').click();
  await expect(panel.getByTestId('program-error')).toContainText(
    /reports serial 12345678, not E3100002: nothing was written.*Nothing was changed on the meter/,
  );
  expect(meter.simulator.programming?.commands.filter((c) => c.startsWith('W1'))).toEqual([]);
  await panel.getByTestId('program-anyway').click();
  await expect(panel.getByTestId('program-result')).toContainText(/Clock set\. Before: .* \(drift -9\d(\.\d)? s\)/);
  await expect(panel.getByTestId('program-mismatch-confirmed')).toContainText('the meter reports serial 12345678');
  await expect(panel.getByTestId('program-anyway')).toHaveCount(0);
  await screenshot(page, 'optical-typed-port-confirmed');

  await signInByApi(page, host.current.token, 'Sam Supervisor'); // the audit is a supervisor's

  const audit = await callApi<{ action: string; details: string }[]>(page, host.current.token, 'audit.list', {
    search: 'optical.timeSync',
  });
  expect(
    audit.value
      ?.map((a) => JSON.parse(a.details) as { result: string; wroteToMeter: boolean; error: { code: string } | null })
      .map((d) => [d.result, d.wroteToMeter, d.error?.code ?? null]),
  ).toEqual([
    ['OK', true, null],
    ['FAILED', false, 'SERIAL_MISMATCH'],
  ]);

  // After a restart of the window, another meter's screen offers the typed port again, chosen.
  await page.reload();
  await searchMeter(page, 'E3100005');
  form = await openSearchedMeter(page, 'UP-1005');
  await form.getByTestId('optical-panel').locator('summary').click();
  await expect(form.getByTestId('optical-port')).toHaveValue(meter.appPath);
});

test('a wrong password is sent once and never repeated, so a meter that locks after three stays open', async ({ app: page, host }) => {
  test.skip(socatSkipReason !== null, `SKIPPED: ${socatSkipReason}`);
  // IEC 62056-21 meters count wrong passwords and lock the optical port (the simulator's
  // program-lock: after three). The app tries each password the installer typed exactly once.
  const { form, meter } = await installerAtTypedPort(page, host, 'program-lock');

  const panel = form.getByTestId('program-panel');
  await panel.getByTestId('program-password').fill('99999999');
  await panel.getByTestId('program-time-sync').click();
  await expect(panel.getByTestId('program-error')).toContainText(/refused the password.*Nothing was changed on the meter/);
  expect(meter.simulator.passwordLock.wrong).toBe(1);

  // The meter still talks: with the right password it gets as far as checking its serial.
  await panel.getByTestId('program-password').fill('00000000');
  await panel.getByTestId('program-time-sync').click();
  await expect(panel.getByTestId('program-error')).toContainText(/reports serial \d+, not E3100002: nothing was written/);
  expect(meter.simulator.passwordLock.wrong).toBe(1);
});
