import { expect, openApp, test } from './fixtures';
import { callApi, expectMeterOpen, openSearchedMeter, screenshot, searchMeter } from './pages';

test.use({ demo: true });

test('in German, "1.234,5" is read as 1234.5, stored exactly, and shown back German-formatted', async ({ app: page, host }) => {
  await page.getByTestId('locale-de').click();
  await expect(page.getByTestId('locale-de')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('import-button')).toHaveText('Importieren…');
  await expect(page.getByTestId('meter-count')).toHaveText('50 Zähler');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  // UP-1003 is a gas meter: 5 dials, 3 decimals.
  await searchMeter(page, 'G700003');
  const form = await openSearchedMeter(page, 'UP-1003');
  await expect(form.getByTestId('register-input')).toHaveAttribute('placeholder', '00000,000');
  await page.keyboard.type('1.234,5');
  await page.keyboard.press('Enter');
  // Far below the last reading 6.919,372 (no rollover): the value must be typed again, in German too.
  await expect(form.getByTestId('register-warning')).toHaveText(
    '! 1.234,5 ist niedriger als der letzte Stand 6.919,372 und zu weit darunter für einen Überlauf.',
  );
  await expect(form.getByTestId('register-again')).toBeFocused();
  await page.keyboard.type('1234,5'); // the same value, typed without the group separator
  await expect(form.getByTestId('again-ok')).toBeVisible();
  await page.keyboard.press('Enter');

  // Saved: the next stop opens and says so; back to UP-1003 through the list.
  await expect(form.getByTestId('save-status')).toContainText(/Station 30 gespeichert um \d{2}:\d{2}/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await expectMeterOpen(page, 'UP-1003');
  const last = form.getByTestId('register-last');
  await expect(last).toHaveAttribute('data-value', '1234.5');
  await expect(last).toContainText('Letzter Stand: 1.234,500 m³');
  await screenshot(page, 'reading-form-de');

  const stored = await callApi<{ value: string }[]>(page, host.current.token, 'readings.list', { usagePointId: 'UP-1003' });
  expect(stored.ok).toBe(true);
  expect(stored.value?.map((r) => r.value)).toEqual(['1234.5']);

  // The language is a setting: a new host process on the same database starts in German.
  const restarted = await host.restart();
  await openApp(page, restarted);
  await expect(page.getByTestId('locale-de')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('meter-count')).toHaveText('50 Zähler');
});

test('in German, an English-style "1234.5" is not taken for 12345 silently', async ({ app: page, host }) => {
  await page.getByTestId('locale-de').click();
  await searchMeter(page, 'G700003');
  const form = await openSearchedMeter(page, 'UP-1003');
  await page.keyboard.type('1234.5');
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('register-error')).toContainText('„1234.5“ ist keine Zahl');
  const stored = await callApi(page, host.current.token, 'readings.list', { usagePointId: 'UP-1003' });
  expect(stored).toEqual({ ok: true, value: [] });
});
