/**
 * Work shows where it belongs the moment it is saved: the views refetch by the topics the Node
 * side derived from what it wrote, so no write can forget to tell the route list.
 */
import { expect, test } from './fixtures';
import { meterRows } from './pages';

test.use({ demo: true });

test('a "Can\'t read" skip shows in the route list and its counters at once, without a reload', async ({ app: page }) => {
  const progress = page.getByTestId('route-progress');
  await expect(progress).toHaveAttribute('data-skipped', '0');
  const row = meterRows(page).first();
  const usagePointId = await row.getAttribute('data-usage-point-id');
  await row.click();
  await expect(page.getByTestId('reading-form')).toHaveAttribute('data-usage-point-id', usagePointId ?? '');

  await page.keyboard.press('Alt+k');
  const dialog = page.getByTestId('skip-dialog');
  await expect(dialog.getByTestId('skip-code')).toBeFocused();
  await dialog.getByTestId('skip-code').selectOption('noAccess');
  await dialog.getByTestId('skip-note').fill('Gate locked');
  await dialog.getByTestId('skip-note').press('Enter');
  await expect(dialog).toBeHidden();

  // No reload and no other save: the skip alone must reach the list and the counters.
  await expect(progress).toHaveAttribute('data-skipped', '1');
  await expect(page.locator(`[data-testid="meter-row"][data-usage-point-id="${usagePointId}"] [data-testid="read-mark"]`)).toHaveAttribute(
    'data-status',
    'skipped',
  );
});
