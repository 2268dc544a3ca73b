/**
 * Field evidence in Chromium (issue 24 §5): a serial plate scanned through the camera — a Code 128
 * made with bwip-js, fed to Chromium as its camera (fake video capture from a Y4M file) — fills the
 * old-meter serial of an exchange; and the demo route's map offline (schematic plot: every stop,
 * the next one marked).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { expectAccessible, expectNoSidewaysScroll, sizes } from './fieldReady';
import { callApi, screenshot, switchProfile } from './pages';
import { chromiumArgs, chromiumPath } from '../support/chromium';
import { onCanvas, symbolImage, toY4m } from '../support/symbols';

test.use({ demo: true });

/** The serial of the demo route's first meter (UP-1001, work order WO-DEMO-EX1; electron/services/demo/demoRoute.ts). */
const PLATE_SERIAL = 'E3100001';

// Chromium reads its fake camera file when it starts, so the file exists before the worker launches.
const camera = join(mkdtempSync(join(tmpdir(), 'fieldmeter-camera-')), 'serial-plate.y4m');
writeFileSync(camera, toY4m(onCanvas(symbolImage('code128', PLATE_SERIAL, 3), 640, 480)));

// Same Chromium as playwright.config.ts, plus a camera that shows the plate and no permission prompt
// (launch options are per worker: they hold for the whole file).
test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [
      ...chromiumArgs,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${camera}`,
    ],
  },
});

test.describe('scan', () => {
  test('scanning the old meter plate fills its serial, and the exchange goes on', async ({ app: page }) => {
    await switchProfile(page, 'Ines Installer', 'installer');
    await page.getByTestId('section-workOrders').click();
    await page.getByTestId('wo-WO-DEMO-EX1').click();
    await page.getByTestId('old-serial-scan').click();
    await expect(page.getByTestId('scan-dialog')).toBeVisible();
    await expect(page.getByTestId('old-serial')).toHaveValue(PLATE_SERIAL);
    await expect(page.getByTestId('scan-dialog')).toHaveCount(0);
    await expect(page.getByTestId('job-problem')).toHaveCount(0);
    await page.getByTestId('old-serial').press('Enter');
    await expect(page.getByTestId('job-step-final')).toBeVisible();
  });
});

test.describe('map', () => {
  test.use({ viewport: sizes.phone });

  test('the demo route offline on a phone: the schematic shows every stop by status, the next one marked', async ({ app: page, host }) => {
    // One stop read and one skipped, so the map shows all three statuses.
    const token = host.current.token;
    const first = await callApi<{ registers: { id: number; lastValue: string | null }[] }>(page, token, 'meters.get', {
      usagePointId: 'UP-1001',
    });
    const register = first.ok ? first.value?.registers[0] : undefined;
    const saved = await callApi(page, token, 'readings.save', {
      usagePointId: 'UP-1001',
      values: [{ registerId: register?.id, value: register?.lastValue ?? '0' }],
      note: '',
      photoIds: [],
    });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    expect((await callApi(page, token, 'visits.skip', { usagePointId: 'UP-1002', code: 'dog', note: '', photoIds: [] })).ok).toBe(true);

    // The demo route is selected when the app opens: the phone shows its meter list.
    await page.getByTestId('toggle-map').click();
    const map = page.getByTestId('route-map');
    await expect(map).toHaveAttribute('data-mode', 'schematic');
    await expect(map.getByTestId('map-stop')).toHaveCount(50);
    await expect(map.locator('[data-testid="map-stop"][data-status="read"]')).toHaveCount(1);
    await expect(map.locator('[data-testid="map-stop"][data-status="skipped"]')).toHaveCount(1);
    await expect(map.locator('[data-testid="map-stop"][data-next="true"]')).toHaveAttribute('data-usage-point', 'UP-1003');
    await expect(map.getByTestId('map-next')).toContainText('Next stop: 30');
    await expect(map.getByTestId('map-legend')).toContainText('To do (48)');
    await screenshot(page, 'phone-en-route-map');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    // A stop on the map opens its meter, as in the list.
    await map.locator('[data-testid="map-stop"][data-next="true"]').click();
    await expect(page.getByTestId('workspace')).toHaveAttribute('data-pane', 'meter');
  });
});
