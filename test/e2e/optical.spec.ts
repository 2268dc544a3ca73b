import { expect, openApp, test } from './fixtures';
import { callApi, signInByApi, openSearchedMeter, screenshot, searchMeter } from './pages';
import { socatSkipReason, startMeter } from '../integration/serial/ptyHarness';
import { csv, row } from '../support/routeCsv';

/** Gas volume, temperature converted (61968-9 commodity 7, kind 58, UnitSymbol 167 m3Compensated), as DSMR 0-n:24.2.1 gives it. */
const GAS_M3 = '0.0.0.1.1.7.58.0.0.0.0.0.0.0.0.0.167.0';

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
  await expect(form.getByTestId('save-status')).toContainText(/saved/i);
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

test.describe('a gas meter on a DSMR meter’s M-Bus channel', () => {
  test.use({ demo: false });

  test('the Read panel shows its volume with unit and capture time, and saves it as the gas meter’s reading', async ({
    app: page,
    host,
  }) => {
    test.skip(socatSkipReason !== null, `SKIPPED: ${socatSkipReason}`);
    const meter = await startMeter('dsmr-gas', { reactionScale: 0.1 });
    try {
      // Read 20 days ago at 1215 m³, about 1 m³ a day: the simulator's 1234.567 m³ is a usual use.
      const day = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
      const content = csv(
        row({ up: 'UP-GAS', serial: 'G0078510012345678', type: GAS_M3, dials: '5', decimals: '3', last: '1215', date: day, average: '1' }),
      );
      expect((await callApi(page, host.current.token, 'routes.import', { fileName: 'gas.csv', content })).ok).toBe(true);
      await openApp(page, host.current);
      await searchMeter(page, 'G0078510012345678');
      const form = await openSearchedMeter(page, 'UP-GAS');
      await form.getByTestId('optical-panel').locator('summary').click();
      await form.getByTestId('optical-port-path').fill(meter.appPath);
      await form.getByTestId('optical-port-path').press('Enter');
      await form.getByTestId('optical-read').click();
      const result = form.getByTestId('optical-result');
      await expect(result).toContainText('0-1:24.2.1');
      await expect(result).toContainText('m3');
      await expect(form.getByTestId('optical-captured')).toContainText('2024');
      await expect(form.getByTestId('optical-serial-mismatch')).toHaveCount(0);
      await form.getByTestId('optical-captured').scrollIntoViewIfNeeded();
      await screenshot(page, 'optical-gas-channel');
      await form.getByTestId('optical-use').click();
      await form.getByTestId('save-reading').click();
      await expect(form.getByTestId('save-status')).toContainText(/saved/i);
      const readings = await callApi<{ source: string; value: string }[]>(page, host.current.token, 'readings.list', {
        usagePointId: 'UP-GAS',
      });
      expect(readings.value?.map((r) => [r.source, r.value])).toEqual([['optical', '1234.567']]);
    } finally {
      await meter.close();
    }
  });
});
