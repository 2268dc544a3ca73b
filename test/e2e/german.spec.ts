import { expect, openApp, test } from './fixtures';
import { callApi, openSearchedMeter, screenshot, searchMeter } from './pages';

test.use({ demo: true });

test('in German, "1.234,5" is read as 1234.5, stored exactly, and shown back German-formatted', async ({ app: page, host }) => {
  await page.getByTestId('locale-de').click();
  await expect(page.getByTestId('locale-de')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('import-button')).toHaveText('Route importieren…');
  await expect(page.getByTestId('meter-count')).toHaveText('50 Zähler');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  // UP-1003 is a gas meter: 5 dials, 3 decimals.
  await searchMeter(page, 'G700003');
  const form = await openSearchedMeter(page, 'UP-1003');
  await expect(form.getByTestId('register-input')).toHaveAttribute('placeholder', '00000,000');
  await page.keyboard.type('1.234,5');
  await page.keyboard.press('Enter');

  await expect(form.getByTestId('save-status')).toContainText(/Gespeichert um \d{2}:\d{2}/);
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
