import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { callApi, meterRows, screenshot } from './pages';

const badFile = resolve(import.meta.dirname, '..', 'fixtures', 'route-with-bad-rows.csv');

test('a route file with bad rows is refused with every problem listed; the valid rows go in only when asked', async ({
  app: page,
  host,
}) => {
  await expect(page.getByTestId('welcome')).toBeVisible();
  await page.getByTestId('import-file-input').setInputFiles(badFile);

  const panel = page.getByTestId('import-panel');
  await expect(panel).toHaveAttribute('data-import-status', 'rejected');
  await expect(panel.getByTestId('import-message')).toContainText('Nothing was imported: 2 row problem');
  const problems = panel.getByTestId('import-problem');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toHaveAttribute('data-line', '3');
  await expect(problems.nth(0)).toContainText('Line 3');
  await expect(problems.nth(0)).toContainText('dials');
  await expect(problems.nth(0)).toContainText('“six” must be a whole number from 1 to 12.');
  await expect(problems.nth(1)).toContainText('Line 5');
  await expect(problems.nth(1)).toContainText('reading_type');
  await screenshot(page, 'import-problems');

  // Nothing is on the device yet.
  expect(await callApi(page, host.current.token, 'routes.list', {})).toEqual({ ok: true, value: [] });

  await panel.getByTestId('import-accept-valid').click();
  await expect(panel).toHaveAttribute('data-import-status', 'done');
  await expect(panel.getByTestId('import-summary')).toHaveText('3 meters (3 registers) on route R-NORTH-07.');
  await expect(panel.getByTestId('import-skipped')).toHaveCount(2);
  await panel.getByTestId('import-close').click();
  await expect(panel).toHaveCount(0);

  const route = page.getByTestId('route-item');
  await expect(route).toHaveCount(1);
  await expect(route).toContainText('North 7 (Hillside)');
  await expect(route.getByTestId('training-badge')).toHaveCount(0);
  await expect(page.getByTestId('meter-list')).toHaveAttribute('data-count', '3');
  await expect(meterRows(page)).toHaveText([/UP-7001/, /UP-7003/, /UP-7005/]);
});

test('cancelling a refused import leaves the device unchanged', async ({ app: page, host }) => {
  await page.getByTestId('import-file-input').setInputFiles(badFile);
  const panel = page.getByTestId('import-panel');
  await expect(panel).toHaveAttribute('data-import-status', 'rejected');
  await expect(panel.getByTestId('import-accept-valid')).toHaveText('Import the 3 valid rows');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('welcome')).toBeVisible();
  expect(await callApi(page, host.current.token, 'routes.list', {})).toEqual({ ok: true, value: [] });
});

test.describe('with the demo route loaded', () => {
  test.use({ demo: true });

  test('"Import route…" is always there and adds a second route next to the demo', async ({ app: page }) => {
    await expect(page.getByTestId('import-button')).toBeEnabled();
    await page.getByTestId('import-file-input').setInputFiles({
      name: 'small.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'route_id,route_name,sequence,usage_point_id,address,meter_serial,reading_type,dials\n' +
          'R-S,Small,1,UP-S1,1 Short St,S0001,0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0,6\n',
      ),
    });
    const panel = page.getByTestId('import-panel');
    await expect(panel).toHaveAttribute('data-import-status', 'done');
    await panel.getByTestId('import-close').click();
    await expect(page.getByTestId('route-item')).toHaveCount(2);
    await expect(page.locator('[data-testid="route-item"][aria-current="true"]')).toContainText('Small');
    await expect(page.getByTestId('meter-list')).toHaveAttribute('data-count', '1');
  });
});
