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
import { switchProfile } from './pages';
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
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
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
