/**
 * Visits in Chromium (issue 17 §3): a saved-stop note belongs to its stop and route, never to a
 * stop opened later from the list; a removal's final readings are checked as a route read is (last
 * reading, unit and dials shown, lower than last → confirmation, Enter never skips the seals);
 * and the finished order shows what was done, read back from the database.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { expectMeterOpen, meterRows, openSearchedMeter, screenshot, searchMeter, switchProfile } from './pages';

test.use({ demo: true });

/** Types each register's last reading again and presses Enter (no use since: a note, never a confirmation). */
async function readLastValues(page: Page, form: Locator) {
  for (const register of await form.getByTestId('register').all()) {
    await expect(register.getByTestId('register-input')).toBeFocused();
    await page.keyboard.type((await register.getByTestId('register-last').getAttribute('data-value')) || '0');
    await page.keyboard.press('Enter');
  }
}

test('the "stop saved" note shows on the stop the walk opened next, and not on a stop opened from the list later', async ({
  app: page,
}) => {
  await searchMeter(page, 'UP-1002');
  const form = await openSearchedMeter(page, 'UP-1002');
  await readLastValues(page, form);
  await expectMeterOpen(page, 'UP-1003');
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-sequence', '20');
  await searchMeter(page, 'UP-1005');
  // The list may still show the last search's single row for a moment: wait for the new one.
  await expect(meterRows(page).first()).toContainText('UP-1005');
  await meterRows(page).first().click(); // opened from the list, not by the walk
  await expect(page.getByTestId('reading-form')).toHaveAttribute('data-usage-point-id', 'UP-1005');
  await expect(page.getByTestId('reading-form').getByTestId('register-last').first()).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveCount(0);
});

test('a removal: final readings checked as a route read, Enter keeps to the step until the seals, and the finished order shows what was done', async ({
  app: page,
}) => {
  await switchProfile(page, 'Ines Installer', 'installer');
  await page.getByTestId('section-workOrders').click();
  await page.getByTestId('wo-WO-DEMO-RM1').click();
  const expected = (await page.getByTestId('old-serial').locator('..').textContent())?.match(/expected (\S+)\)/)?.[1] ?? '';
  await page.getByTestId('old-serial').fill(expected);
  await page.keyboard.press('Enter');

  const step = page.getByTestId('job-step-final');
  const registers = step.getByTestId('register');
  await expect(registers).toHaveCount(2);
  const first = registers.nth(0);
  await expect(first.getByTestId('register-last')).toContainText('kWh');
  await expect(first).toContainText('6 dials');
  await expect(first.getByTestId('register-input')).toBeFocused();
  await page.keyboard.type('1000');
  await expect(first.getByTestId('register-warning')).toHaveAttribute('data-kind', 'lowerThanPrevious');
  await page.keyboard.press('Enter'); // out of range: to "type it again", not to the next step
  await expect(first.getByTestId('register-again')).toBeFocused();
  await page.keyboard.type('1000');
  await screenshot(page, 'visits-removal-final-confirmed');
  await page.keyboard.press('Enter');
  const second = registers.nth(1);
  await expect(second.getByTestId('register-input')).toBeFocused();
  await page.keyboard.type((await second.getByTestId('register-last').getAttribute('data-value')) ?? '0');
  await page.keyboard.press('Enter'); // the last register: on to the seals, still this step
  await expect(step.getByTestId('seals-removed')).toBeFocused();
  await page.keyboard.type('S-900');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('job-step-confirm')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wo-status')).toHaveText('Completed');

  const record = page.getByTestId('job-record');
  const finals = record.locator('[data-testid="job-record-reading"][data-role="final"]');
  await expect(finals).toHaveCount(2);
  await expect(finals.first()).toContainText('1,000');
  await expect(finals.first()).toContainText('kWh');
  await expect(record.getByTestId('job-record-seals-removed')).toContainText('S-900');
  await screenshot(page, 'visits-removal-done');
});
