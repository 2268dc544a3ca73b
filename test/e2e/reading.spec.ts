import { expect, test } from './fixtures';
import { openApp } from './fixtures';
import { callApi, expectMeterOpen, meterRows, openSearchedMeter, screenshot, searchMeter, usualValues } from './pages';

test.use({ demo: true });

test('a reading typed with the keyboard only is saved and is still there after a restart', async ({ app: page, host }) => {
  // UP-1004 has two registers (day T1 / night T2, 6 dials, 1 decimal): Enter moves between them.
  await searchMeter(page, 'E3100004');
  await expect(meterRows(page).first()).toHaveAttribute('data-usage-point-id', 'UP-1004');
  const form = await openSearchedMeter(page, 'UP-1004');
  await expect(form.getByTestId('meter-serial')).toHaveText('E3100004');
  const inputs = form.getByTestId('register-input');
  await expect(inputs).toHaveCount(2);

  // The values the meter shows after its usual use (the demo route checks against an average daily use).
  const [day = '', night = ''] = await usualValues(form);
  const stored = (v: string) => String(Number(v));
  const shown = (v: string) => Number(v).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  await page.keyboard.type(day);
  await page.keyboard.press('Enter');
  await expect(inputs.nth(1)).toBeFocused();
  await page.keyboard.type(night);
  await screenshot(page, 'reading-form');
  await page.keyboard.press('Enter'); // on the last register, Enter saves

  // Saved: the walk moves on to the next stop, which says what was saved.
  await expect(form.getByTestId('save-status')).toContainText(/Stop 40 saved at \d{1,2}:\d{2}/);
  await expect(form).not.toHaveAttribute('data-usage-point-id', 'UP-1004');
  await expect(form.getByTestId('register-input').first()).toBeFocused();
  // Back to it through the list (the search still shows only UP-1004).
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await expectMeterOpen(page, 'UP-1004');
  const last = form.getByTestId('register-last');
  await expect(last.nth(0)).toHaveAttribute('data-value', stored(day));
  await expect(last.nth(0)).toContainText(shown(day));
  await expect(last.nth(1)).toHaveAttribute('data-value', stored(night));
  await expect(inputs.nth(0)).toHaveValue('');
  await expect(meterRows(page).first().getByTestId('read-mark')).toHaveAttribute('data-read-today', 'true');
  await expect(page.getByTestId('route-progress')).toHaveText('1 of 50 done');
  await screenshot(page, 'reading-saved');

  // Restart: a new host process on the same database file, new port and token.
  const restarted = await host.restart();
  await openApp(page, restarted);
  await searchMeter(page, 'UP-1004');
  const again = await openSearchedMeter(page, 'UP-1004');
  await expect(again.getByTestId('register-last').nth(0)).toHaveAttribute('data-value', stored(day));
  await expect(again.getByTestId('register-last').nth(0)).toContainText(shown(day));
  await expect(again.getByTestId('register-last').nth(1)).toContainText(shown(night));

  const list = await callApi<{ value: string; registerId: number }[]>(page, host.current.token, 'readings.list', {
    usagePointId: 'UP-1004',
  });
  expect(list.ok).toBe(true);
  expect(list.value?.map((r) => r.value).sort()).toEqual([stored(day), stored(night)].sort());
});

test('a value with more digits than the register has dials is refused with the numbers, and nothing is saved', async ({
  app: page,
  host,
}) => {
  // UP-1001: one register, 6 dials, no decimals.
  await searchMeter(page, 'UP-1001');
  const form = await openSearchedMeter(page, 'UP-1001');
  await page.keyboard.type('12345678');
  await page.keyboard.press('Enter');

  const error = form.getByTestId('register-error');
  await expect(error).toHaveText(
    '12345678 has 8 digits before the decimal point, but this register has 6 dials. Check the value and type it again.',
  );
  await expect(form.getByTestId('register-input')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByTestId('register-input')).toBeFocused();
  await expect(form.getByTestId('save-status')).toHaveCount(0);

  const stored = await callApi<unknown[]>(page, host.current.token, 'readings.list', { usagePointId: 'UP-1001' });
  expect(stored).toEqual({ ok: true, value: [] });

  // Fixing the value (the meter's usual use since the last read) clears the message and saves.
  await form.getByTestId('register-input').fill((await usualValues(form))[0]!);
  await expect(error).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('save-status')).toContainText('Stop 10 saved');
});

test('Next and Previous move along the route; Escape returns to the list', async ({ app: page }) => {
  await meterRows(page).first().click();
  const form = page.getByTestId('reading-form');
  await expect(form).toHaveAttribute('data-usage-point-id', 'UP-1001');
  await expect(form.getByTestId('previous-meter')).toBeDisabled();
  await form.getByTestId('next-meter').click();
  await expect(form).toHaveAttribute('data-usage-point-id', 'UP-1002');
  await form.getByTestId('previous-meter').click();
  await expect(form).toHaveAttribute('data-usage-point-id', 'UP-1001');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('meter-list')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(form).toHaveAttribute('data-usage-point-id', 'UP-1003');
});
