/**
 * Customer switching in Chromium (issue 9), on the demo switch orders (due today, window ±24 h):
 * a move-out read with the optical probe (training meter), a change of supplier that could not be
 * read (the office estimates), and a disconnect with the meter's switch and a seal. Each checks
 * what the device queued for the office in its database, and that the screen fits 1280 px.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fieldmeter } from '../support/cli';
import { switchRequest, switchWork, typedXml } from '../support/switching';
import { expect, test } from './fixtures';
import { scaled } from '../support/timeouts';
import { confirmSwitchMeter, screenshot, switchProfile } from './pages';
import type { Page } from '@playwright/test';

test.use({ demo: true });

async function openSwitch(page: Page, id: string) {
  await page.getByTestId('section-workOrders').click();
  await page.getByTestId(`sw-${id}`).click();
  await expect(page.getByTestId('sw-detail')).toBeVisible();
}

/** The outbox rows a switch order queued, read from the host's database (read-only, beside the running host). */
function queued(databasePath: string, switchOrder: string): { noun: string; payload: Record<string, unknown> }[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (db.prepare('SELECT noun, payload FROM outbox ORDER BY id').all() as { noun: string; payload: string }[])
      .map((r) => ({ noun: r.noun, payload: JSON.parse(r.payload) as Record<string, unknown> }))
      .filter((r) => r.payload.switchOrder === switchOrder);
  } finally {
    db.close();
  }
}

/** Nothing wider than the 1280 px window; then back to the top for the screenshot. */
async function expectFits1280(page: Page) {
  const width = await page.locator('html').evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth);
  expect(width).toBeLessThanOrEqual(1280);
  await page.mouse.wheel(0, -10_000);
}

test('a move-out: customer shown masked in the list, in full when opened; reading from the optical probe', async ({ app: page, host }) => {
  await page.getByTestId('section-workOrders').click();
  await expect(page.getByTestId('sw-SW-DEMO-MO5')).toContainText('E**** M*********');
  await expect(page.getByTestId('sw-SW-DEMO-MO5')).not.toContainText('Erika');
  await openSwitch(page, 'SW-DEMO-MO5');
  await expect(page.getByTestId('sw-title')).toContainText('Move-out · UP-1005');
  await expect(page.getByTestId('sw-customer')).toHaveText('Erika Mustermann');
  await expect(page.getByTestId('sw-account')).toHaveText('******2005');
  await page.getByTestId('sw-optical').click();
  await expect(page.getByTestId('sw-optical-done')).toBeVisible({ timeout: scaled(30_000) });
  await screenshot(page, 'switching-move-out-read');
  await expectFits1280(page);
  await confirmSwitchMeter(page);
  await page.getByTestId('sw-save').click();
  await expect(page.getByTestId('sw-status')).toContainText('Completed');
  await expect(page.getByTestId('sw-result')).toContainText('Read on');
  await screenshot(page, 'switching-move-out-done');
  const [message] = queued(host.databasePath, 'SW-DEMO-MO5');
  expect(message).toMatchObject({ noun: 'MeterReadings', payload: { agreement: 'CA-DEMO-5' } });
  expect((message?.payload.readings as { reason: string; qualities: string[] }[])[0]).toMatchObject({
    reason: 'moveOut',
    qualities: ['1.0.0'],
  });
  const db = new Database(host.databasePath, { readonly: true });
  try {
    // The serial the meter sent over the probe is kept with the reading, as on a route.
    expect(
      db
        .prepare(
          "SELECT rs.observed_serial FROM switch_orders s JOIN reading_sets rs ON rs.id = s.reading_set_id WHERE s.id = 'SW-DEMO-MO5'",
        )
        .pluck()
        .get(),
    ).toBe('E3100005');
  } finally {
    db.close();
  }
});

test('a change of supplier that could not be read: the office is asked to estimate, with the reason', async ({ app: page, host }) => {
  await openSwitch(page, 'SW-DEMO-SC8');
  await expect(page.getByTestId('sw-supplier')).toHaveText('Springfield Energy → Green Valley Power');
  await page.getByTestId('sw-not-read').click(); // no reason chosen: the browser keeps the form
  await expect(page.getByTestId('sw-status')).toContainText('Assigned');
  await page.getByTestId('sw-not-read-reason').selectOption('noAccess');
  await screenshot(page, 'switching-supplier-not-read');
  await page.getByTestId('sw-not-read').click();
  await expect(page.getByTestId('sw-status')).toContainText('Estimate requested');
  await expect(page.getByTestId('sw-result')).toContainText('No access');
  await expectFits1280(page);
  await screenshot(page, 'switching-supplier-estimate-requested');
  const [message] = queued(host.databasePath, 'SW-DEMO-SC8');
  for (const r of message?.payload.readings as { value: unknown; reason: string; qualities: string[] }[]) {
    expect(r).toMatchObject({ value: null, reason: 'billing', qualities: ['2.5.259'] });
  }
});

test('a disconnect by an installer with the meter switch, a seal and the reading; the control and the outcome are queued', async ({
  app: page,
  host,
}) => {
  await openSwitch(page, 'SW-DEMO-DC9');
  await expect(page.getByTestId('sw-role-hint')).toBeVisible(); // a technician reads meters; switching a supply is installer work
  await switchProfile(page, 'Ines Installer', 'installer');
  await openSwitch(page, 'SW-DEMO-DC9');
  await page.getByTestId('sw-action').selectOption('meterSwitch');
  await page.getByTestId('sw-control-result').selectOption('failed');
  await page.getByTestId('sw-record').click();
  await expect(page.getByTestId('sw-problem')).toContainText('The meter’s switch failed, so the work is not done');
  await page.getByTestId('sw-control-result').selectOption('succeeded');
  await page.getByTestId('sw-seal').fill('SEAL-9001');
  await page.getByTestId('sw-optical').click();
  await expect(page.getByTestId('sw-optical-done')).toBeVisible({ timeout: scaled(30_000) });
  await page.getByTestId('sw-record').click();
  await expect(page.getByTestId('sw-status')).toContainText('Completed');
  await expect(page.getByTestId('sw-result')).toContainText('Operated');
  await expect(page.getByTestId('sw-result')).toContainText('SEAL-9001');
  await expectFits1280(page);
  await screenshot(page, 'switching-disconnect-done');
  expect(queued(host.databasePath, 'SW-DEMO-DC9').map((m) => m.noun)).toEqual(['MeterReadings', 'EndDeviceControls', 'EndDeviceEvents']);
});

test('a move-in read offline, then cancelled by the office: the reading stays, the user is told until they have seen it', async ({
  app: page,
  host,
}) => {
  await openSwitch(page, 'SW-DEMO-MI6');
  await page.getByTestId('sw-optical').click();
  await expect(page.getByTestId('sw-optical-done')).toBeVisible({ timeout: scaled(30_000) });
  await confirmSwitchMeter(page);
  await page.getByTestId('sw-save').click();
  await expect(page.getByTestId('sw-status')).toContainText('Completed');
  // The office's cancel arrives (here by `fieldmeter import message`, as a sync would bring it).
  const meter = (await page.getByTestId('sw-detail').textContent())?.match(/E\d{7}/)?.[0] ?? '';
  const file = join(host.dataDir, 'cancel.xml');
  writeFileSync(file, typedXml(switchRequest('cancel', 'MSG-CANCEL-MI6', 'SW-DEMO-MI6', [switchWork({ type: 'moveIn', meter })])));
  const imported = await fieldmeter(['import', 'message', file, '--db', host.databasePath, '--json'], {
    FIELDMETER_USER: 'Tina Technician',
    FIELDMETER_PIN: '111111',
  });
  expect(imported.stderr).toBe('');
  expect(JSON.parse(imported.stdout)).toMatchObject({ applied: { switchChangesAfterWork: 1 } });
  await page.reload();
  await openSwitch(page, 'SW-DEMO-MI6');
  await expect(page.getByTestId('sw-enterprise-change')).toContainText('after your work here');
  await expect(page.getByTestId('sw-status')).toContainText('Completed');
  await expectFits1280(page);
  await screenshot(page, 'switching-cancelled-after-reading');
  await page.getByTestId('sw-acknowledge').click();
  await expect(page.getByTestId('sw-enterprise-change')).toHaveCount(0);
  expect(queued(host.databasePath, 'SW-DEMO-MI6').map((m) => m.noun)).toEqual(['MeterReadings']);
});

test('in German, a disconnect order reads in German and fits 1280 px', async ({ app: page }) => {
  await page.getByTestId('locale-de').click();
  await expect(page.getByTestId('locale-de')).toHaveAttribute('aria-pressed', 'true');
  await switchProfile(page, 'Ines Installer', 'installer');
  await openSwitch(page, 'SW-DEMO-DC9');
  await expect(page.getByTestId('sw-title')).toContainText('Sperrung · UP-1009');
  await expect(page.getByTestId('sw-control-form')).toContainText('Wie geschaltet wurde');
  await page.getByTestId('sw-action').selectOption('meterSwitch');
  await expect(page.getByTestId('sw-control-form')).toContainText('Zählerschalter');
  await expectFits1280(page);
  await screenshot(page, 'switching-disconnect-de');
});

test('a switch reading refused as unusual and then corrected: the old warning and its required reason go away', async ({
  app: page,
  host,
}) => {
  // The meter's average daily use, as a utility's route file gives it, so the use is checked against history.
  const db = new Database(host.databasePath, { timeout: 10_000 });
  let last: { value: number; at: string };
  try {
    db.prepare(
      "UPDATE registers SET average_daily_use = 8 WHERE end_device_id = (SELECT id FROM end_devices WHERE serial_number = 'E3100005')",
    ).run();
    const row = db
      .prepare(
        "SELECT last_value, last_read_at FROM registers WHERE end_device_id = (SELECT id FROM end_devices WHERE serial_number = 'E3100005')",
      )
      .get() as { last_value: string; last_read_at: string };
    last = { value: Number(row.last_value), at: row.last_read_at };
  } finally {
    db.close();
  }
  await openSwitch(page, 'SW-DEMO-MO5');
  const first = page.locator('[data-testid^="sw-value-"]').first();
  await first.fill('999999');
  await confirmSwitchMeter(page);
  await page.getByTestId('sw-save').click();
  await expect(page.getByTestId('sw-confirm-reason')).toBeVisible();
  // The value the meter shows, typed over the wrong one: nothing asks for a reason any more.
  const days = (Date.now() - Date.parse(last.at)) / 86_400_000;
  await first.fill(String(Math.round(last.value + 8 * days)));
  await expect(page.getByTestId('sw-confirm-reason')).toHaveCount(0);
  await expect(page.getByTestId('sw-read-form').getByRole('alert')).toHaveCount(0);
  await page.getByTestId('sw-save').click();
  await expect(page.getByTestId('sw-status')).toContainText('Completed');
});
