/** Installer work orders in Chromium (issue 8): a full exchange with manual reads, and a PAN commissioning whose mistyped install code is caught. */
import { expect, test } from './fixtures';
import { screenshot } from './pages';

test.use({ demo: true });

test('a meter exchange from the demo work order, keyboard only', async ({ app: page }) => {
  await page.getByTestId('section-workOrders').click();
  await page.getByTestId('wo-WO-DEMO-EX1').click();
  const title = page.getByTestId('wo-title');
  await expect(title).toContainText('UP-1001');
  const expected = (await page.getByTestId('old-serial').locator('..').textContent())?.match(/expected (\S+)\)/)?.[1] ?? '';
  await page.getByTestId('old-serial').fill('WRONG1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exchange-problem')).toContainText('not the expected one');
  await page.getByTestId('old-serial').fill(expected);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exchange-step-final')).toBeVisible();
  for (const input of await page.locator('[data-testid^="final-"]').all()) await input.fill('99999');
  await page.getByTestId('seals-removed').fill('S-100 S-101');
  await page.keyboard.press('Enter');
  await page.getByTestId('new-serial').fill('NOPE');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exchange-problem')).toContainText('not in the stock');
  await page.getByTestId('new-serial').fill('E9100001');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exchange-step-initial')).toBeVisible();
  for (const input of await page.locator('[data-testid^="initial-"]').all()) await input.fill('0');
  await page.getByTestId('seals-applied').fill('S-200');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exchange-summary')).toContainText('E9100001');
  await screenshot(page, 'work-order-exchange-confirm');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wo-status')).toHaveText('Completed');
  await screenshot(page, 'work-order-exchange-done');
});

test('PAN commissioning catches a mistyped install code', async ({ app: page }) => {
  await page.getByTestId('section-workOrders').click();
  await page.getByTestId('wo-WO-DEMO-PAN1').click();
  await page.getByTestId('pan-eui64').fill('00:0D:6F:00:0A:BC:DE:F0');
  await page.getByTestId('pan-install-code').fill('83FE D340 7A93 9723 A5C6 39B2 6916 D506 C3B5');
  await expect(page.getByTestId('pan-check')).toContainText('mistyped');
  await page.getByTestId('pan-commission').click();
  await expect(page.getByTestId('pan-problem')).toContainText('mistyped');
  await screenshot(page, 'pan-mistyped-install-code');
  await page.getByTestId('pan-install-code').fill('83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5');
  await expect(page.getByTestId('pan-check')).toContainText('C3B5');
  await page.getByTestId('pan-show-key').click();
  await expect(page.getByTestId('pan-link-key')).toContainText('66B6900981E1EE3CA4206B6B861C02BB');
  await page.getByTestId('pan-commission').click();
  await expect(page.getByTestId('wo-status')).toHaveText('Completed');
  await expect(page.getByTestId('wo-pan-devices')).toContainText('000D6F000ABCDEF0');
  await screenshot(page, 'pan-commissioned');
});
