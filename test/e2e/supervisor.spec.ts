/**
 * Issue 10 in Chromium: a supervisor switches the profile, reviews and approves a reading saved
 * with a warning, and exports CSV and a PDF report of the filter. The PDF is rendered to PNG with
 * pdftoppm (poppler-utils) into test-results/ for a person to look at.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect, openApp, test } from './fixtures';
import { callApi, screenshot, switchProfile } from './pages';

const thirtyDaysAgo = () => `${new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 16)}Z`;
const route = () =>
  readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'route-20.csv'), 'utf8').replaceAll('2026-10-24T08:00Z', thirtyDaysAgo());
const hasPdftoppm = spawnSync('pdftoppm', ['-v']).status === 0;

test.beforeEach(async ({ app: page, host }) => {
  const token = host.current.token;
  expect((await callApi(page, token, 'routes.import', { fileName: 'route-20.csv', content: route() })).ok).toBe(true);
  const meter = await callApi<{ registers: { id: number }[] }>(page, token, 'meters.get', { usagePointId: 'UP-2001' });
  const registerId = meter.value!.registers[0]!.id;
  const saved = await callApi(page, token, 'readings.save', {
    usagePointId: 'UP-2001',
    values: [{ registerId, value: '11300' }],
    observedSerial: 'E5200099',
    note: 'new serial on the door',
  });
  expect(saved.ok).toBe(true);
  await openApp(page, host.current);
  await page.getByTestId('section-review').click();
  await expect(page.getByTestId('review-panel')).toBeVisible();
});

test('a supervisor adds a technician, who sees no review queue and is refused by the API; the supervisor approves the reading with a warning and the audit trail shows it', async ({
  page,
  host,
}) => {
  // A new database: its first profile is the supervisor, who adds the technician with a first PIN.
  const manager = page.getByTestId('profile-manager');
  await manager.getByTestId('profile-name').fill('Tina Technician');
  await manager.getByTestId('profile-role').selectOption('technician');
  await manager.getByTestId('profile-secret').fill('111111');
  await manager.getByTestId('profile-add').click();
  await expect(manager.getByTestId('profile-note')).toHaveText('Profile Tina Technician added.');
  await expect(manager.locator('[data-testid=profile-row][data-name="Tina Technician"]')).toBeVisible();

  await switchProfile(page, 'Tina Technician', 'technician');
  await expect(page.getByTestId('review-only-supervisor')).toBeVisible();
  await expect(page.getByTestId('review-item')).toHaveCount(0);
  const refused = await callApi(page, host.current.token, 'review.approve', { kind: 'reading_set', id: 'x' });
  expect(refused.error).toMatchObject({ code: 'FORBIDDEN', details: { right: 'supervise', role: 'technician' } });

  await switchProfile(page, 'Sam Supervisor', 'supervisor');
  const item = page.getByTestId('review-item').first();
  await expect(item).toContainText('E5200001');
  await expect(item).toContainText('serialMismatch');
  await screenshot(page, 'supervisor-review-queue');

  await item.getByTestId('review-approve').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-empty')).toBeVisible(); // left the "to review" list
  await page.getByTestId('review-filter-approved').click();
  await expect(page.getByTestId('review-item').first().getByTestId('review-status')).toHaveText('Approved');
  await page.getByTestId('audit-search').fill('review.approve');
  await expect(page.getByTestId('audit-row')).toHaveCount(1);
  const row = page.getByTestId('audit-row').first();
  await expect(row).toContainText('Sam Supervisor');
  // The action and the role in words, the details as named fields (not the recorded codes and JSON).
  await expect(row.getByTestId('audit-action')).toHaveAttribute('data-action', 'review.approve');
  await expect(row.getByTestId('audit-action')).toHaveText('Approved a visit');
  await expect(row.getByRole('cell').nth(2)).toHaveText('Supervisor');
  await expect(row.getByTestId('audit-details')).toContainText('BeforeTo review');
  await expect(row.getByTestId('audit-details')).toContainText('AfterApproved');
  await expect(row).not.toContainText('{');
  await screenshot(page, 'supervisor-approved-audit');
});

test('a supervisor exports the filter as CSV and as a PDF report', async ({ page }) => {
  await switchProfile(page, 'Sam Supervisor', 'supervisor');
  await page.getByTestId('export-route').fill('R-RIV-20');
  await page.getByTestId('export-status').selectOption('warning');

  await page.getByTestId('export-csv').click();
  const result = page.getByTestId('export-result');
  await expect(result).toContainText('1 reading written to');
  const csvPath = /written to (\S+\.csv)/.exec((await result.textContent()) ?? '')?.[1];
  const csv = readFileSync(csvPath!, 'utf8').trim().split('\n');
  expect(csv[0]).toMatch(/^route,sequence,usage_point,address,meter_serial,/);
  expect(csv[1]).toContain('UP-2001');

  await page.getByTestId('export-pdf').click();
  await expect(result).toContainText('.pdf');
  const pdfPath = /written to (\S+\.pdf)/.exec((await result.textContent()) ?? '')?.[1];
  expect(readFileSync(pdfPath!).subarray(0, 5).toString()).toBe('%PDF-');
  await screenshot(page, 'supervisor-export');
  test.skip(!hasPdftoppm, 'pdftoppm not installed (apt-get install -y poppler-utils): the PDF was written but not rendered to PNG');
  const outDir = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
  mkdirSync(outDir, { recursive: true });
  const render = spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdfPath!, resolve(outDir, 'supervisor-report')]);
  expect(render.status).toBe(0);
});

test('the dashboard counts per route, technician and day, and its numbers follow a reading saved meanwhile', async ({ page, host }) => {
  await page.getByTestId('review-view-dashboard').click();
  const board = page.getByTestId('dashboard');
  await expect(board.getByTestId('dashboard-done')).toHaveText('1');
  await expect(board.getByTestId('dashboard-to-do')).toHaveText('19');
  await expect(board.getByTestId('dashboard-warning-readings')).toHaveText('1');
  await expect(board.getByTestId('dashboard-routes-row')).toHaveCount(1);
  await expect(board.getByTestId('dashboard-routes-done')).toHaveText('1');
  await expect(board.getByTestId('dashboard-routes-chart').locator('canvas')).toHaveCount(1);
  await expect(board.getByTestId('dashboard-routes-chart')).toHaveAttribute('aria-label', /R-RIV-20 Done 1, Skipped 0, To do 19/);
  await expect(board.getByTestId('dashboard-days-row')).toHaveCount(1);
  await expect(board.getByTestId('dashboard-technicians-row')).toHaveCount(1);
  const waiting = Number(await board.getByTestId('dashboard-outbox-pending').textContent());
  expect(waiting).toBeGreaterThan(0);

  const token = host.current.token;
  const meter = await callApi<{ registers: { id: number }[] }>(page, token, 'meters.get', { usagePointId: 'UP-2002' });
  const saved = await callApi(page, token, 'readings.save', {
    usagePointId: 'UP-2002',
    values: [{ registerId: meter.value!.registers[0]!.id, value: '12300' }],
  });
  expect(saved.ok).toBe(true);
  await expect(board.getByTestId('dashboard-done')).toHaveText('2');
  await expect(board.getByTestId('dashboard-to-do')).toHaveText('18');
  await expect(board.getByTestId('dashboard-routes-done')).toHaveText('2');
  await expect(board.getByTestId('dashboard-outbox-pending')).toHaveText(String(waiting + 1));
  expect((await callApi(page, token, 'visits.skip', { usagePointId: 'UP-2003', code: 'dog', note: '', photoIds: [] })).ok).toBe(true);
  await expect(board.getByTestId('dashboard-skipped')).toHaveText('1');
  await expect(board.getByTestId('dashboard-routes-skipped')).toHaveText('1');
  await expect(board.getByTestId('dashboard-to-do')).toHaveText('17');
  await screenshot(page, 'supervisor-dashboard');
});

test('the CSV download arrives in the browser, holds exactly the filtered rows and is refused without the token', async ({
  page,
  host,
}) => {
  const token = host.current.token;
  const meter = await callApi<{ registers: { id: number }[] }>(page, token, 'meters.get', { usagePointId: 'UP-2002' });
  expect(
    (
      await callApi(page, token, 'readings.save', {
        usagePointId: 'UP-2002',
        values: [{ registerId: meter.value!.registers[0]!.id, value: '12300' }],
      })
    ).ok,
  ).toBe(true);
  await switchProfile(page, 'Sam Supervisor', 'supervisor');
  await page.getByTestId('export-route').fill('R-RIV-20');
  await page.getByTestId('export-status').selectOption('warning');
  await page.getByTestId('export-type').selectOption('exchange');
  await page.getByTestId('export-csv').click();
  await expect(page.getByTestId('export-result')).toContainText('0 readings written to'); // no exchange on this route
  await page.getByTestId('export-type').selectOption('read');
  await page.getByTestId('export-csv').click();
  await expect(page.getByTestId('export-result')).toContainText('1 reading written to');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('export-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^fieldmeter-\d{8}-\d{6}(-\d+)?\.csv$/); // a second export in the same second gets -2
  await expect(page.getByTestId('export-saved')).toContainText(download.suggestedFilename());
  const rows = parse(readFileSync((await download.path())!), { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => [r.route, r.usage_point, r.stop_status, r.warnings])).toEqual([
    ['R-RIV-20', 'UP-2001', 'warning', 'serialMismatch'],
  ]);

  // The same address without the token is refused, as is a name outside the exports.
  const status = (path: string, auth: boolean) =>
    page.evaluate(async ([p, t]) => (await fetch(p!, t ? { headers: { Authorization: `Bearer ${t}` } } : {})).status, [
      path,
      auth ? token : '',
    ] as const);
  expect(await status(`/api/export/${download.suggestedFilename()}`, false)).toBe(401);
  expect(await status('/api/export/..%2Ffieldmeter.db', true)).toBe(404);
});
