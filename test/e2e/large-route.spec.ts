/** A route of 100,000 stops: the list stays virtualised, keyboard moves and search stay quick. */
import { expect, test } from './fixtures';
import { scaled } from '../support/timeouts';
import { meterRows } from './pages';

const STOPS = 100_000;
const kwh = '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0';

function bigRoute(): Buffer {
  const lines = ['route_id,route_name,sequence,usage_point_id,address,meter_serial,reading_type,dials'];
  for (let i = 1; i <= STOPS; i++) lines.push(`BIG,Big city,${i},UP-${i},${i} Long Road,S${String(i).padStart(7, '0')},${kwh},6`);
  return Buffer.from(lines.join('\n') + '\n');
}

test('100,000 meters: few rows in the DOM, End jumps to the last, search narrows it down', async ({ app: page }) => {
  test.slow();
  await page.getByTestId('import-file-input').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: bigRoute() });
  const panel = page.getByTestId('import-panel');
  await expect(panel).toHaveAttribute('data-import-status', 'done', { timeout: scaled(60_000) });
  await panel.getByTestId('import-close').click();

  const list = page.getByTestId('meter-list');
  await expect(list).toHaveAttribute('data-count', String(STOPS), { timeout: scaled(30_000) });
  expect(await meterRows(page).count()).toBeLessThan(60);

  await list.focus();
  await page.keyboard.press('End');
  await expect(page.locator(`[data-testid="meter-row"][data-usage-point-id="UP-${STOPS}"]`)).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reading-form')).toHaveAttribute('data-usage-point-id', `UP-${STOPS}`);
  expect(await meterRows(page).count()).toBeLessThan(60);

  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.keyboard.type('S0054321');
  await expect(meterRows(page)).toHaveCount(1);
  await expect(meterRows(page).first()).toHaveAttribute('data-usage-point-id', 'UP-54321');
});
