import { expect, test } from './fixtures';
import { callApi, signInByApi, holdCalls, openSearchedMeter, screenshot, searchMeter } from './pages';

test.use({ demo: true, signInAs: 'Ines Installer' });

test('an installer syncs the training meter clock and resets its demand from the meter screen', async ({ app: page, host }) => {
  await searchMeter(page, 'E3100004');
  const form = await openSearchedMeter(page, 'UP-1004');
  await form.getByTestId('optical-panel').locator('summary').click();
  const panel = form.getByTestId('program-panel');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Training meter password: 00000000');
  await panel.getByTestId('program-password').fill('00000000');
  // Enter in the password field must not submit the reading form
  await panel.getByTestId('program-password').press('Enter');
  await expect(form.getByTestId('save-status')).toHaveCount(0);

  const held = await holdCalls(page, 'optical.program');
  await panel.getByTestId('program-time-sync').click();
  await expect(panel.getByTestId('program-progress')).toBeVisible();
  await expect(form.getByTestId('optical-cancel')).toBeVisible();
  await expect(panel.getByTestId('program-time-sync')).toBeDisabled();
  held.release();
  const result = panel.getByTestId('program-result');
  await expect(result).toContainText(/Clock set\. Before: .* \(drift -9\d(\.\d)? s\)\. After: .* \(drift [+-]?[01](\.\d)? s\)\./);
  await screenshot(page, 'optical-time-sync');

  await panel.getByTestId('program-demand-reset').click();
  await expect(result).toContainText('Demand reset.');
  await expect(result).toContainText('Reset counter 07 → 08.');

  await signInByApi(page, host.current.token, 'Sam Supervisor'); // the audit is a supervisor's

  const audit = await callApi<{ action: string; role: string }[]>(page, host.current.token, 'audit.list', { search: 'optical.' });
  expect(audit.value?.map((a) => [a.action, a.role]).sort()).toEqual([
    ['optical.demandReset', 'installer'],
    ['optical.timeSync', 'installer'],
  ]);
});

test('an installer can cancel a time sync; a wrong password says what to do', async ({ app: page }) => {
  await searchMeter(page, 'E3100004');
  const form = await openSearchedMeter(page, 'UP-1004');
  await form.getByTestId('optical-panel').locator('summary').click();
  const panel = form.getByTestId('program-panel');
  await panel.getByTestId('program-password').fill('12345');
  await panel.getByTestId('program-demand-reset').click();
  await expect(panel.getByTestId('program-error')).toContainText(/refused the password.*Nothing was changed on the meter/);

  // The time sync request is held on its way until the Cancel has been answered: a Cancel that
  // overtakes its operation (two requests, either may arrive first) must still stop it.
  const held = await holdCalls(page, 'optical.program');
  await panel.getByTestId('program-password').fill('00000000');
  await panel.getByTestId('program-time-sync').click();
  await expect(panel.getByTestId('program-progress')).toBeVisible();
  const cancel = page.waitForResponse('**/api/call/optical.cancel');
  await form.getByTestId('optical-cancel').click();
  expect(await (await cancel).json()).toMatchObject({ ok: true, value: { cancelled: true } });
  held.release();
  await expect(panel.getByTestId('program-error')).toContainText(/Cancelled.*Nothing was changed on the meter/);
  await expect(panel.getByTestId('program-result')).toHaveCount(0);
  await expect(form.getByTestId('optical-read')).toBeEnabled();
});

test.describe('as a technician', () => {
  test.use({ signInAs: 'Tina Technician' });

  test('a technician does not see programming and the API refuses it', async ({ app: page, host }) => {
    await searchMeter(page, 'E3100004');
    const form = await openSearchedMeter(page, 'UP-1004');
    await form.getByTestId('optical-panel').locator('summary').click();
    await expect(form.getByTestId('optical-read')).toBeVisible();
    await expect(form.getByTestId('program-panel')).toHaveCount(0);
    const refused = await callApi(page, host.current.token, 'optical.program', {
      usagePointId: 'UP-1004',
      port: 'training',
      operation: 'timeSync',
      password: '00000000',
    });
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', details: { right: 'install', role: 'technician' } });
  });
});
