import { expect, test } from './fixtures';
import { callApi, signInByApi, openSearchedMeter, screenshot, searchMeter } from './pages';

test.use({ demo: true });

test('a technician reads the training meter through the optical panel and saves the values as the reading', async ({ app: page, host }) => {
  await searchMeter(page, 'E3100004');
  const form = await openSearchedMeter(page, 'UP-1004');
  await form.getByTestId('optical-panel').locator('summary').click();
  // the training meter is offered (and chosen) on the demo route
  await expect(form.getByTestId('optical-port')).toHaveValue('training');
  await form.getByTestId('optical-read').click();
  const result = form.getByTestId('optical-result');
  await expect(result).toBeVisible();
  await expect(result).toContainText('1.8.1');
  await expect(result).toContainText('1.8.2');
  await expect(form.getByTestId('optical-serial-mismatch')).toHaveCount(0);
  await screenshot(page, 'optical-read');
  await form.getByTestId('optical-use').click();
  await expect(form.getByTestId('register-input').first()).not.toHaveValue('');
  await form.getByTestId('save-reading').click();
  await expect(form.getByTestId('save-status')).toContainText(/Stop 40 saved/);

  const readings = await callApi<{ source: string; qualities: string[] }[]>(page, host.current.token, 'readings.list', {
    usagePointId: 'UP-1004',
  });
  expect(readings.value).toHaveLength(2);
  expect(readings.value?.every((r) => r.source === 'optical' && r.qualities[0] === '1.0.0')).toBe(true);
});

test('a meter reporting a fault in its error register F.F shows a warning; the fault goes out with the saved reading', async ({
  app: page,
  host,
}) => {
  await searchMeter(page, 'E3100002');
  const form = await openSearchedMeter(page, 'UP-1002');
  await form.getByTestId('optical-panel').locator('summary').click();
  await form.getByTestId('optical-read').click();
  await expect(form.getByTestId('optical-error-register')).toContainText('error register F.F reads 00000010');
  await screenshot(page, 'optical-error-register');
  await form.getByTestId('optical-use').click();
  await form.getByTestId('save-reading').click();
  await expect(form.getByTestId('save-status')).toContainText(/saved/);
  await signInByApi(page, host.current.token, 'Sam Supervisor'); // the audit is a supervisor's
  const audit = await callApi<{ action: string; entityId: string }[]>(page, host.current.token, 'audit.list', {
    search: 'optical.statusRead',
  });
  expect(audit.value?.map((a) => a.entityId)).toEqual(['E3100002']);
});

test('a healthy meter shows no error-register warning', async ({ app: page }) => {
  await searchMeter(page, 'E3100004');
  const form = await openSearchedMeter(page, 'UP-1004');
  await form.getByTestId('optical-panel').locator('summary').click();
  await form.getByTestId('optical-read').click();
  await expect(form.getByTestId('optical-result')).toBeVisible();
  await expect(form.getByTestId('optical-error-register')).toHaveCount(0);
});
