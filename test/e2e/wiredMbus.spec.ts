/**
 * Wired M-Bus from the Read area (issue 23 §3) on a tablet held upright, in German: the wired
 * meters of `simulate mbus-meters` (the RSP_UD frames libmbus publishes, trainingWired.ts) sit on a
 * socat PTY; the technician types its port, starts a primary scan and cancels it, scans the
 * addresses 1–2, reads the Engelmann WaterStar (records in words with units, its due-day value
 * marked as stored) and saves it to its stop, which the route then counts read; a search by
 * secondary address finds the Elster heat meter by its id.
 */
import { runWiredSimulator, type RunningWiredBus } from '../../electron/services/mbus/wiredOnPort';
import { trainingWiredMeters } from '../../electron/services/mbus/trainingWired';
import { startPtyPair, type PtyPair } from '../../electron/services/serial/simulator';
import { socatSkipReason } from '../integration/serial/ptyHarness';
import { csv, row } from '../support/routeCsv';
import { scaled } from '../support/timeouts';
import { sizes } from './fieldReady';
import { expect, test } from './fixtures';
import { callApi, screenshot } from './pages';
import { expectNoEnglish } from './untranslated';
import { expectWholeWords } from './wordBreaks';

const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';

// Only meters that answer are waited for in full, so a loaded machine gets a generous reply time (the web host inherits it).
process.env.FIELDMETER_MBUS_REPLY_MS = String(scaled(3000));

test.use({ viewport: sizes.portrait });

let pair: PtyPair | undefined;
let bus: RunningWiredBus | undefined;
test.afterEach(async () => {
  await bus?.stop();
  await pair?.stop();
  pair = bus = undefined;
});

test('scan with Cancel, read a wired meter in words and save it to its stop; search by secondary address', async ({ app: page, host }) => {
  test.skip(socatSkipReason !== null, `SKIPPED: ${socatSkipReason}`);
  test.setTimeout(scaled(120_000));
  const rows = [
    row({ route: 'R-WIRED', seq: '10', up: 'UP-W1', serial: 'EFE04990254', type: WATER, dials: '5', decimals: '3', last: '0.3' }),
    row({ route: 'R-WIRED', seq: '20', up: 'UP-W2', serial: 'ACW09011523', type: WATER, dials: '5', decimals: '3', last: '0.01' }),
  ];
  // The route's name is data, not a word of the screen: a German one, so the check for English words sees only the screen.
  const content = csv(...rows).replaceAll('Route one', 'Keller Hauptstraße 1');
  const imported = await callApi(page, host.current.token, 'routes.import', { fileName: 'wired.csv', content });
  expect(imported.ok, JSON.stringify(imported)).toBe(true);
  pair = await startPtyPair(`${host.dataDir}/mbus-app`, `${host.dataDir}/mbus-bus`);
  bus = await runWiredSimulator(pair.meterPath, trainingWiredMeters);

  await page.getByTestId('locale-de').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByTestId('section-routes').click();
  const route = page.locator('[data-testid="route-item"][data-route-id="R-WIRED"]');
  await expect(route).toHaveAttribute('aria-current', 'true');
  const panel = page.getByTestId('wired-panel');
  await panel.locator('summary').click();
  await expect(panel.getByTestId('wired-baud')).toHaveValue('2400');
  await panel.getByTestId('wired-port').fill(pair.appPath);

  // A whole scan (0–250) is cancelled while it asks its first, silent, addresses.
  await panel.getByTestId('wired-scan').click();
  await expect(panel.getByTestId('wired-progress')).toContainText('Frage Adresse');
  await panel.getByTestId('wired-cancel').click();
  await expect(panel.getByTestId('wired-found')).toHaveText(/^Abgebrochen\./);

  await panel.getByTestId('wired-from').fill('1');
  await panel.getByTestId('wired-to').fill('2');
  await panel.getByTestId('wired-scan').click();
  await expect(panel.getByTestId('wired-found')).toHaveText('2 Zähler gefunden');
  const waterStar = panel.locator('[data-testid="wired-meter"][data-secondary="0499025414C50006"]');
  // Manufacturer, id and medium in words, its code small beside.
  await expect(waterStar).toContainText('EFE 04990254 Warmwasser (06) · Adresse 1');

  await waterStar.getByTestId('wired-read').click();
  const records = waterStar.getByTestId('wired-records');
  await expect(records.getByTestId('wired-record').first()).toBeVisible();
  await expect(records.locator('[data-testid="wired-record"][data-storage="0"]').filter({ hasText: 'Volumen' }).first()).toHaveText(
    'Volumen 0,332 m³',
  );
  await expect(records.locator('[data-testid="wired-record"][data-storage="1"]').filter({ hasText: 'Volumen' })).toHaveText(
    'Volumen 0,331 m³ (Speicherwert 1)',
  );
  await expect(waterStar.getByTestId('wired-stop')).toContainText('Station: EFE04990254');
  await screenshot(page, 'portrait-de-wired-mbus');
  await expectNoEnglish(page, 'portrait wired M-Bus panel');
  await expectWholeWords(page);
  await waterStar.getByTestId('wired-save').click();
  await expect(waterStar.getByTestId('wired-saved')).toHaveText('Gespeichert für EFE04990254');

  // The Elster heat meter by its id alone: the only meter selected, so no wildcard digit is narrowed.
  await panel.getByTestId('wired-mask').fill('44493951');
  await panel.getByTestId('wired-search').click();
  await expect(panel.getByTestId('wired-found')).toHaveText('1 Zähler gefunden');
  await expect(panel.getByTestId('wired-meter')).toContainText('ELS 44493951 Wärme (04)');

  // The stop is read: the route counts it (on a portrait tablet the route list is its own pane).
  const back = page.getByTestId('back-to-routes');
  if (await back.isVisible()) await back.click();
  await expect(route.getByTestId('route-progress')).toHaveAttribute('data-read', '1');
});
