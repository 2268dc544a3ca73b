import { expect, test } from './fixtures';
import { meterRows, screenshot } from './pages';

test('first run offers the demo route; loading it shows the route and its 50 meters', async ({ app: page }) => {
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByTestId('load-demo')).toBeFocused();
  await screenshot(page, 'welcome');
  // The token left the address bar and lives in this tab's session storage only.
  expect(page.url()).not.toContain('token=');
  expect(await page.evaluate<string | null>("sessionStorage.getItem('fieldmeter.token')")).toBeTruthy();

  await page.getByTestId('load-demo').click();

  const route = page.getByTestId('route-item');
  await expect(route).toHaveCount(1);
  await expect(route).toContainText('Demo route (training)');
  await expect(route.getByTestId('training-badge')).toHaveText('Training');
  await expect(route.getByTestId('route-progress')).toHaveText('0 of 50 done');
  await expect(page.getByTestId('meter-count')).toHaveText('50 meters');
  await expect(page.getByTestId('meter-list')).toHaveAttribute('data-count', '50');
  // Virtualised: far fewer rows in the DOM than in the list.
  const rendered = await meterRows(page).count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(50);
  await expect(meterRows(page).first()).toContainText('UP-1001');

  await screenshot(page, 'route-list');
});

test('a reload keeps the session: the token is remembered for the tab', async ({ app: page }) => {
  await page.reload();
  await expect(page.locator('#root > [data-app-state]')).toHaveAttribute('data-app-state', 'ready');
  await expect(page.getByTestId('welcome')).toBeVisible();
});
