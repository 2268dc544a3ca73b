/**
 * The checks around a reading, each on its own: a serial that does not match needs a note, a
 * low value confirmed with a reason, and the server's NEEDS_CONFIRMATION shown like a local one.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, openApp, test } from './fixtures';
import { callApi, expectMeterOpen, meterRows, screenshot, searchMeter, openSearchedMeter } from './pages';

const thirtyDaysAgo = () => `${new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 16)}Z`;
const route = () =>
  readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'route-20.csv'), 'utf8').replaceAll('2026-10-24T08:00Z', thirtyDaysAgo());

interface Saved {
  value: string;
  warnings: { kind: string }[];
  confirmation: unknown;
}

test.beforeEach(async ({ app: page, host }) => {
  const imported = await callApi(page, host.current.token, 'routes.import', { fileName: 'route-20.csv', content: route() });
  expect(imported.ok).toBe(true);
  await openApp(page, host.current);
  await expect(meterRows(page).first()).toBeVisible();
});

test('a serial that does not match the route warns at once and needs a note before the reading is saved', async ({ page, host }) => {
  await searchMeter(page, 'UP-2001');
  const form = await openSearchedMeter(page, 'UP-2001');
  await page.keyboard.press('Shift+Tab'); // the serial field sits above the registers (a scanner types into it)
  await expect(form.getByTestId('observed-serial')).toBeFocused();
  await page.keyboard.type('E5200099');
  await expect(form.getByTestId('serial-warning')).toContainText('The serial on the meter, E5200099, is not the expected E5200001.');
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('register-input')).toBeFocused();
  await page.keyboard.type('11300');
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('visit-note')).toBeFocused();
  await expect(form.getByTestId('note-error')).toBeVisible();
  await screenshot(page, 'checks-serial-mismatch');
  await page.keyboard.type('Meter exchanged, new serial on the door');
  await page.keyboard.press('Enter');
  await expectMeterOpen(page, 'UP-2002');

  const saved = await callApi<Saved[]>(page, host.current.token, 'readings.list', { usagePointId: 'UP-2001' });
  expect(saved.value?.[0]?.warnings.map((w) => w.kind)).toEqual(['serialMismatch']);
});

test('a low value is confirmed with a reason chosen from the list and own words', async ({ page, host }) => {
  await searchMeter(page, 'UP-2002');
  const form = await openSearchedMeter(page, 'UP-2002');
  await page.keyboard.type('12050');
  await expect(form.getByTestId('register-warning')).toHaveText('! Use of 50 kWh over 30 days is below the expected 150–600 kWh.');
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('register-again')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(form.getByTestId('confirm-reason')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(form.getByTestId('confirm-reason')).toHaveValue('vacant');
  await page.keyboard.press('Tab');
  await page.keyboard.type('since October');
  await expect(form.getByTestId('confirm-value')).toHaveAttribute('data-confirmed', 'reason');
  await screenshot(page, 'checks-reason');
  await page.keyboard.press('Enter');
  await expectMeterOpen(page, 'UP-2003');

  const saved = await callApi<Saved[]>(page, host.current.token, 'readings.list', { usagePointId: 'UP-2002' });
  expect(saved.value?.[0]).toMatchObject({ value: '12050', confirmation: { method: 'reason', reason: 'Premises vacant: since October' } });
});

test("the server's NEEDS_CONFIRMATION is shown with its message and asks for the value again", async ({ page }) => {
  await searchMeter(page, 'UP-2003');
  const form = await openSearchedMeter(page, 'UP-2003');
  const registerId = Number(await form.getByTestId('register-input').getAttribute('data-register-id'));
  // The utility's own limits (a setting on the device) can be stricter than the defaults the page checks with.
  let refused = false;
  await page.route('**/api/call/readings.save', async (r) => {
    if (refused) return r.continue();
    refused = true;
    await r.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: {
          code: 'NEEDS_CONFIRMATION',
          message: 'Energy: Use of 300 over 30 days is above the expected 75–250. Type the value again to confirm it, or give a reason.',
          details: {
            registers: [{ registerId, warnings: [{ kind: 'highUsage', usage: '300', days: 30, expectedLow: 75, expectedHigh: 250 }] }],
          },
        },
      }),
    });
  });
  await page.keyboard.type('13300');
  await page.keyboard.press('Enter');
  await expect(form.getByTestId('save-error')).toContainText('Check the value: type it again or give a reason.');
  await expect(form.getByTestId('register-warning')).toHaveText('! Use of 300 kWh over 30 days is above the expected 75–250 kWh.');
  await expect(form.getByTestId('register-again')).toBeFocused();
  await page.keyboard.type('13300');
  await page.keyboard.press('Enter');
  await expectMeterOpen(page, 'UP-2004');
});
