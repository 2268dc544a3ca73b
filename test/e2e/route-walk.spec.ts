/**
 * The user story end to end: open today's route, read all 20 meters in sequence with the
 * keyboard alone, be warned with the numbers when a reading looks wrong, re-enter it, skip a
 * meter with a reason and a photo, and see the progress; then filter, and restart the host.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { resolve } from 'node:path';
import { expect, openApp, test } from './fixtures';
import { scaled } from '../support/timeouts';
import { chooseFilter, expectMeterOpen, meterRows, openSearchedMeter, screenshot, searchMeter, typeRegisters } from './pages';

const fixtures = resolve(import.meta.dirname, '..', 'fixtures');
const photo = resolve(fixtures, 'meter-photo.png');
const FILE_DATE = '2026-10-24T08:00Z';

/**
 * The fixture's last reads are all dated FILE_DATE; they are moved to 30 days before now so
 * the expected ranges (average × days × ½…2) are the same whenever the test runs.
 */
function routeFile() {
  const thirtyDaysAgo = `${new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 16)}Z`;
  const text = readFileSync(resolve(fixtures, 'route-20.csv'), 'utf8').replaceAll(FILE_DATE, thirtyDaysAgo);
  return { name: 'route-20.csv', mimeType: 'text/csv', buffer: Buffer.from(text) };
}

const id = (stop: number) => `UP-20${String(stop).padStart(2, '0')}`;
/** Last read 10000 + stop × 1000, 10 kWh a day: 300 more is inside the expected 150–600. */
const normal = (stop: number) => String(10_000 + stop * 1000 + 300);

test.setTimeout(scaled(120_000));

test('a technician reads a 20-meter route with the keyboard only: warnings, re-entry, rollover, skip with photo, progress kept over a restart', async ({
  app: page,
  host,
}) => {
  await page.getByTestId('import-file-input').setInputFiles(routeFile());
  const panel = page.getByTestId('import-panel');
  await expect(panel).toHaveAttribute('data-import-status', 'done');
  await expect(panel.getByTestId('import-close')).toBeFocused();
  // From here on: keyboard only.
  await page.keyboard.press('Enter');
  await expect(panel).toHaveCount(0);
  await expect(page.getByTestId('route-progress')).toHaveText('0 of 20 done');
  await expect(page.getByTestId('meter-search')).toHaveAttribute('placeholder', 'Serial, address, account or usage point');
  await page.keyboard.press('/');
  await page.keyboard.press('Tab'); // the filter chips come after the search
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab'); // and then the list
  await expect(page.getByTestId('meter-list')).toBeFocused();
  await page.keyboard.press('Enter');

  for (let stop = 1; stop <= 20; stop++) {
    const form = await expectMeterOpen(page, id(stop));
    if (stop === 3) {
      await page.keyboard.type('13900');
      const warning = form.getByTestId('register-warning');
      await expect(warning).toHaveAttribute('data-kind', 'highUsage');
      await expect(warning).toHaveText('! Use of 900 kWh over 30 days is above the expected 150–600 kWh.');
      await screenshot(page, 'walk-1-warning-high-usage');
      await page.keyboard.press('Enter'); // not saved: the value must be typed again
      await expect(form.getByTestId('register-again')).toBeFocused();
      await page.keyboard.type('13990');
      await expect(form.getByTestId('again-error')).toContainText('The two values differ');
      await page.keyboard.press('Enter');
      await expect(form.getByTestId('register-again')).toBeFocused();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('13900');
      await expect(form.getByTestId('again-ok')).toBeVisible();
      await expect(form.getByTestId('confirm-value')).toHaveAttribute('data-confirmed', 'reentered');
      await screenshot(page, 'walk-2-reentry-confirmed');
      await page.keyboard.press('Enter');
    } else if (stop === 5) {
      const banner = form.getByTestId('access-banner');
      await expect(banner.getByTestId('hazard')).toHaveText(['Dog', 'Key required']);
      await expect(banner.getByTestId('access-notes')).toHaveText('Access: Dog in the back yard; key with the neighbour at no. 12');
      await screenshot(page, 'walk-3-hazards');
      await typeRegisters(page, [normal(stop)]);
    } else if (stop === 7) {
      await page.keyboard.type('120'); // 5 dials: 99850 → 00120 went round the nines
      const warning = form.getByTestId('register-warning');
      await expect(warning).toHaveAttribute('data-kind', 'rollover');
      await expect(warning).toContainText('counted as a rollover of the 5 dials, use 270 kWh');
      await expect(form.getByTestId('confirm-value')).toHaveCount(0); // a note, nothing to confirm
      await screenshot(page, 'walk-4-rollover');
      await page.keyboard.press('Enter');
    } else if (stop === 9) {
      await typeRegisters(page, ['19240', '5060']); // two registers: Enter moves from day to night
    } else if (stop === 12) {
      await page.keyboard.press('Alt+k');
      const dialog = page.getByTestId('skip-dialog');
      await expect(dialog.getByTestId('skip-code')).toBeFocused();
      await expect(dialog.getByTestId('skip-code').locator('option')).toHaveCount(10);
      await page.keyboard.press('ArrowDown');
      await expect(dialog.getByTestId('skip-code')).toHaveValue('noAccess');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Gate locked, nobody home');
      await page.keyboard.press('Tab');
      await expect(dialog.getByTestId('skip-photo')).toBeFocused();
      await dialog.getByTestId('skip-photo').setInputFiles(photo);
      await expect(dialog.getByTestId('photo-draft-thumb')).toHaveCount(1);
      await screenshot(page, 'walk-5-skip-dialog');
      await page.keyboard.press('Shift+Tab');
      await expect(dialog.getByTestId('skip-note')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dialog).toBeHidden();
    } else {
      await typeRegisters(page, [normal(stop)]);
    }
  }

  const form = page.getByTestId('reading-form');
  await expect(form).toHaveAttribute('data-usage-point-id', id(20));
  await expect(form.getByTestId('save-status')).toContainText(/Saved at \d{1,2}:\d{2}/);
  await expect(form).toHaveAttribute('data-status', 'read');
  const progress = page.getByTestId('route-progress');
  await expect(progress).toHaveText('20 of 20 done');
  await expect(progress).toHaveAttribute('data-read', '19');
  await expect(progress).toHaveAttribute('data-skipped', '1');
  await expect(progress).toHaveAttribute('data-remaining', '0');
  await expect(progress).toHaveAttribute('data-warnings', '2');
  await expect(page.getByTestId('route-counts')).toHaveText(/19 read.*1 skipped.*0 to go.*2 with warnings/);
  await screenshot(page, 'walk-6-route-finished');

  await expectFilters(page);

  // A new host process on the same database: progress and statuses are kept.
  await openApp(page, await host.restart());
  await expect(progress).toHaveAttribute('data-read', '19');
  await expect(progress).toHaveAttribute('data-skipped', '1');
  await expectFilters(page);
  await searchMeter(page, 'ACC-70012'); // search by account
  await expect(meterRows(page)).toHaveText([/UP-2012/]);
  const skipped = await openSearchedMeter(page, id(12));
  await expect(skipped.getByTestId('meter-status')).toHaveText('Skipped');
  await expect(skipped.getByTestId('last-skip')).toContainText('Skipped last time: No access');
  await expect(skipped.getByTestId('last-skip')).toContainText('Gate locked, nobody home');
  await expect(skipped.getByTestId('meter-photo')).toHaveCount(1);
  await screenshot(page, 'walk-7-skipped-meter-after-restart');

  // History: the rollover meter read twice more (its status becomes plain "read"), then its visits as a table and a chart.
  await searchMeter(page, id(7));
  await expect(meterRows(page)).toHaveText([/UP-2007/]); // not the previous search's one row
  await openSearchedMeter(page, id(7));
  for (const value of ['200', '290']) {
    await typeRegisters(page, [value]);
    await expectMeterOpen(page, id(8));
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await expectMeterOpen(page, id(7));
  }
  const history = page.getByTestId('meter-history');
  await expect(history.getByTestId('history-row')).toHaveCount(3);
  await expect(history.getByTestId('history-use')).toHaveText(['+90', '+80', '+270']);
  await expect(history.getByTestId('history-mark')).toHaveAttribute('data-kinds', 'rollover');
  await expect(history.getByTestId('consumption-chart')).toHaveAttribute('data-points', '3');
  await expect(history.getByTestId('consumption-chart').locator('canvas')).toBeVisible();
  await history.scrollIntoViewIfNeeded();
  await screenshot(page, 'walk-8-history-chart');
});

async function expectFilters(page: Page) {
  const list = page.getByTestId('meter-list');
  await chooseFilter(page, 'warnings');
  await expect(list).toHaveAttribute('data-count', '2');
  await expect(meterRows(page)).toHaveText([/UP-2003/, /UP-2007/]);
  for (const row of await meterRows(page).all()) await expect(row.getByTestId('read-mark')).toHaveAttribute('data-status', 'warning');
  await chooseFilter(page, 'skipped');
  await expect(meterRows(page)).toHaveText([/UP-2012/]);
  await expect(meterRows(page).getByTestId('read-mark')).toHaveAttribute('data-status', 'skipped');
  await chooseFilter(page, 'unread');
  await expect(list).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('filter-empty')).toBeVisible();
  await chooseFilter(page, 'all');
  await expect(list).toHaveAttribute('data-count', '20');
  await expect(meterRows(page).first().getByTestId('read-mark')).toHaveAttribute('data-status', 'read');
}
