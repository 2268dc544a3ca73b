/**
 * A walk-by with a USB receiver (issue 23) on an 800×1280 tablet: the supervisor imports the
 * utility's key file on the Review screen (the count, never a key), opens a route with radio
 * meters, and presses Listen. The web host's Node side opens the receiver — the simulated iM871A
 * on a socat PTY, switched to T1 and hearing the training radio meters — the panel lists a heard
 * meter with its value, one tap saves it, and the route counts it read.
 */
import { expect, test } from './fixtures';
import { callApi, screenshot } from './pages';
import { scaled } from '../support/timeouts';
import { runReceiverSimulator, type RunningSimulator } from '../../electron/services/mbus/receiverOnPort';
import { trainingKeyFile, trainingRadioMeters } from '../../electron/services/mbus/trainingRadio';
import { startPtyPair, type PtyPair } from '../../electron/services/serial/simulator';
import { socatSkipReason } from '../integration/serial/ptyHarness';
import { csv, row } from '../support/routeCsv';
import { radioMeters, radioRouteCsv } from '../support/radioRoute';

// The web host seals meter keys under this secret (electron/services/meterKeys/encryptors.ts); it inherits this environment.
process.env.FIELDMETER_KEY_SECRET = 'a secret only this walk-by knows';

const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';

test.use({ viewport: { width: 800, height: 1280 } });

let pair: PtyPair | undefined;
let simulator: RunningSimulator | undefined;
test.afterEach(async () => {
  await simulator?.stop();
  await pair?.stop();
  pair = simulator = undefined;
});

test('keys imported on the Review screen; a heard radio meter is listed with its value, saved with one tap and counted read', async ({
  app: page,
  host,
}) => {
  test.skip(socatSkipReason !== null, `SKIPPED: ${socatSkipReason}`);
  // A route of two radio meters (meter number = manufacturer + id), imported as the office sends it.
  const rows = trainingRadioMeters.slice(0, 2).map((m, i) =>
    row({
      route: 'R-RADIO',
      seq: String(10 * (i + 1)),
      up: `UP-R${i + 1}`,
      serial: `${m.manufacturer}${m.id}`,
      type: WATER,
      dials: '5',
      decimals: '3',
      last: '1',
    }),
  );
  const imported = await callApi(page, host.current.token, 'routes.import', { fileName: 'radio.csv', content: csv(...rows) });
  expect(imported.ok, JSON.stringify(imported)).toBe(true);

  await page.getByTestId('section-review').click();
  const keys = page.getByTestId('meter-keys');
  await expect(keys.getByTestId('meter-keys-count')).toContainText('0 keys on this device');
  await keys
    .getByTestId('meter-keys-file')
    .setInputFiles({ name: 'keys.csv', mimeType: 'text/csv', buffer: Buffer.from(trainingKeyFile()) });
  await expect(keys.getByTestId('meter-keys-outcome')).toHaveText('keys.csv: 4 keys added, 0 replaced, none refused.');
  await expect(keys.getByTestId('meter-keys-count')).toContainText('4 keys on this device: 4 M-Bus');
  await expect(keys).not.toContainText('000102030405060708090A0B0C0D0E0F');

  pair = await startPtyPair(`${host.dataDir}/receiver-app`, `${host.dataDir}/receiver-stick`);
  simulator = await runReceiverSimulator(pair.meterPath, trainingRadioMeters, {
    receiver: 'im871a',
    seed: 11,
    intervalMs: 1000,
    lossRate: 0,
    burst: true,
  });

  await page.getByTestId('section-routes').click();
  const route = page.locator('[data-testid="route-item"][data-route-id="R-RADIO"]');
  const panel = page.getByTestId('listen-panel');
  // The device's only route opens by itself.
  await expect(route).toHaveAttribute('aria-current', 'true');
  await panel.locator('summary').click();
  await expect(panel.getByTestId('listen-auto-save')).not.toBeChecked(); // the route's setting: saved only with a tap
  await panel.getByTestId('listen-receiver').selectOption('im871a');
  await panel.getByTestId('listen-mode').selectOption('T1');
  await panel.getByTestId('listen-port').fill(pair.appPath);
  await panel.getByTestId('listen-start').click();

  const kam = panel.getByTestId('listen-heard-meter').filter({ hasText: 'KAM44556677' });
  // The value in words: the register's name and unit from the route's ReadingType.
  await expect(kam.getByTestId('listen-heard-values')).toHaveText('Water volume 1234.567 m³');
  await expect(panel.getByTestId('listen-counts')).toContainText('Heard 2 of 2 radio meters');
  await screenshot(page, 'listen-heard');
  await kam.getByTestId('listen-save').click();
  await expect(kam).toContainText('Saved');
  await panel.getByTestId('listen-stop').click();

  const saved = page.getByTestId('meter-row').filter({ hasText: 'KAM44556677' });
  await expect(saved.getByTestId('read-mark')).toHaveAttribute('data-status', 'read');
  // On a portrait tablet the route list is its own pane.
  const back = page.getByTestId('back-to-routes');
  if (await back.isVisible()) await back.click();
  await expect(route.getByTestId('route-progress')).toHaveAttribute('data-read', '1');
});

test("a route's 120 radio meters scroll in the Listen panel's own boxes: the route's meter list stays within a screen or so, upright and on its side", async ({
  app: page,
  host,
}) => {
  test.skip(socatSkipReason !== null, `SKIPPED: ${socatSkipReason}`);
  const meters = radioMeters(120);
  const imported = await callApi(page, host.current.token, 'routes.import', {
    fileName: 'radio.csv',
    content: radioRouteCsv(meters.length),
  });
  expect(imported.ok, JSON.stringify(imported)).toBe(true);
  await page.reload();

  // 100 of the meters send (unencrypted: their values show without keys), about 100 telegrams a second; 20 are not heard.
  pair = await startPtyPair(`${host.dataDir}/receiver-app`, `${host.dataDir}/receiver-stick`);
  simulator = await runReceiverSimulator(pair.meterPath, meters.slice(0, 100), {
    receiver: 'im871a',
    seed: 5,
    intervalMs: 1000,
    lossRate: 0,
  });
  await page.getByTestId('section-routes').click();
  const panel = page.getByTestId('listen-panel');
  await panel.locator('summary').click();
  await panel.getByTestId('listen-receiver').selectOption('im871a');
  await panel.getByTestId('listen-mode').selectOption('T1');
  await panel.getByTestId('listen-port').fill(pair.appPath);
  await panel.getByTestId('listen-start').click();
  await expect(panel.getByTestId('listen-counts')).toContainText('Heard 100 of 120 radio meters', { timeout: scaled(15_000) });
  const heardRows = panel.getByTestId('listen-heard-meter');
  await expect(heardRows).toHaveCount(100);
  await simulator.stop();

  const lists = [panel.getByTestId('listen-heard'), panel.getByTestId('listen-not-heard')];
  const withinReach = async (screens: number) => {
    const viewport = page.viewportSize()!;
    for (const list of lists) {
      const box = (await list.boundingBox())!;
      expect(box.height).toBeLessThanOrEqual(viewport.height * 0.3 + 1);
      // Within the panel's width.
      const within = (await panel.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(within.x + within.width + 1);
      // Its rows scroll inside it.
      expect(await list.evaluate((e, height) => (e as unknown as { scrollHeight: number }).scrollHeight > height, box.height)).toBe(true);
    }
    // Save beside a heard meter's values, inside the box (not cut off at its edge).
    const save = (await lists[0]!.getByTestId('listen-save').first().boundingBox())!;
    const heardBox = (await lists[0]!.boundingBox())!;
    expect(save.x + save.width).toBeLessThanOrEqual(heardBox.x + heardBox.width);
    // Below the panel the route's meter list begins within a screen or so of the panel's top, however many meters.
    const top = (await panel.boundingBox())!.y;
    const search = (await page.getByTestId('meter-search').boundingBox())!.y;
    expect(search - top).toBeLessThan(viewport.height * screens);
  };
  await withinReach(1);
  // Both lists scroll by keyboard too, each named by its heading.
  await expect(lists[0]!).toHaveAttribute('tabindex', '0');
  await expect(lists[0]!).toHaveAccessibleName('Heard');
  await expect(lists[1]!).toHaveAttribute('tabindex', '0');
  await expect(lists[1]!).toHaveAccessibleName('Not heard yet');
  await screenshot(page, 'listen-many-meters');

  // "… ago" follows the clock on the rows shown; a row the browser skips (far down its box) is said again as it
  // comes into view, against the clock as it is then.
  const last = heardRows.last();
  // What a row holds is skipped, not the row itself (content-visibility: auto on the row).
  const skipped = () =>
    last
      .getByTestId('listen-heard-values')
      .evaluate((e) => !(e as unknown as { checkVisibility(o: object): boolean }).checkVisibility({ contentVisibilityAuto: true }));
  expect(await skipped()).toBe(true);
  const lastBefore = (await last.textContent())!;
  const first = heardRows.first();
  for (let tick = 0; tick < 2; tick++) {
    const shown = (await first.textContent())!;
    await expect(first).not.toHaveText(shown, { timeout: scaled(10_000) });
  }
  await last.scrollIntoViewIfNeeded();
  await expect.poll(skipped).toBe(false);
  await expect.poll(async () => last.textContent(), { timeout: scaled(5_000) }).not.toBe(lastBefore);
  await expect(last).toContainText(/\b\d+ seconds? ago/);

  // A tablet on its side: three panes, the route's a third of the width, the Listen controls taller; the meter
  // list begins within a screen and a half of the panel's top (each heard meter used to push it about 96 px further down).
  await page.setViewportSize({ width: 1280, height: 800 });
  await withinReach(1.5);
  await screenshot(page, 'listen-many-meters-landscape');
  await panel.getByTestId('listen-stop').click();
});
