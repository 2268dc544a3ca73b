/**
 * A meter's HAN/P1 port at the stop, in Chromium on a tablet held upright, in German: the
 * simulated meter pushes ciphered data-notifications on a socat PTY, the technician types the
 * port and listens; the values show in words with units, then are saved as the stop's reading.
 * The meter's keys are in the meter-key store, imported by a supervisor as the office does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeAesGcm } from '../../electron/services/dlms/aesGcm';
import { runHanPushPort, type RunningHanPushPort } from '../../electron/services/serial/simulator/hanPushPort';
import { scaled } from '../support/timeouts';
import { socatSkipReason } from '../integration/serial/ptyHarness';
import { sizes } from './fieldReady';
import { expect, test } from './fixtures';
import { callApi, openSearchedMeter, screenshot, searchMeter, signInByApi, usualValues } from './pages';
import { expectNoEnglish } from './untranslated';
import { expectWholeWords } from './wordBreaks';

const KEY = '000102030405060708090A0B0C0D0E0F';
const AUTH = 'D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF';
// The web host seals meter keys under this secret (electron/services/meterKeys/encryptors.ts); it inherits this environment.
process.env.FIELDMETER_KEY_SECRET = 'a secret only this HAN test knows';

test.use({ demo: true, signInAs: 'Tina Technician', viewport: sizes.portrait });

let meter: RunningHanPushPort | undefined;
let dir: string | undefined;
test.afterEach(async () => {
  await meter?.stop();
  meter = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

test("the HAN/P1 section decrypts the meter's pushes with its key and saves them as the stop's reading", async ({ app: page, host }) => {
  test.skip(socatSkipReason !== null, `SKIPPED: ${socatSkipReason}`);
  test.setTimeout(scaled(60_000));
  const token = host.current.token;
  await signInByApi(page, token, 'Sam Supervisor');
  const content = ['manufacturer,id,kind,key', `,E3100002,dlms.encryption,${KEY}`, `,E3100002,dlms.authentication,${AUTH}`].join('\n');
  const imported = await callApi(page, token, 'meterKeys.import', { fileName: 'keys.csv', content });
  expect(imported.ok, JSON.stringify(imported)).toBe(true);
  await signInByApi(page, token, 'Tina Technician');
  await page.reload();
  await expect(page.locator('#root > [data-app-state]')).toHaveAttribute('data-app-state', 'ready');
  await page.getByTestId('locale-de').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  await searchMeter(page, 'E3100002');
  const form = await openSearchedMeter(page, 'UP-1002');
  const [usual = '0'] = await usualValues(form);
  dir = mkdtempSync(join(tmpdir(), 'fieldmeter-han-e2e-'));
  meter = await runHanPushPort(join(dir, 'han'), {
    gcm: nodeAesGcm,
    encryptionKey: Buffer.from(KEY, 'hex'),
    authenticationKey: Buffer.from(AUTH, 'hex'),
    systemTitle: Buffer.from('4B464D1020304050', 'hex'),
    serial: 'E3100002',
    framing: 'hdlc',
    energyWh: Number(usual) * 1000,
    intervalMs: 500,
    baud: 2400,
  });

  const panel = form.getByTestId('han-panel');
  await panel.locator('summary').click();
  await panel.getByTestId('han-port').fill(meter.appPath);
  await panel.getByTestId('han-start').click();
  await expect(panel.getByTestId('han-last')).toHaveAttribute('data-outcome', 'values', { timeout: scaled(20_000) });
  const energy = panel.getByTestId('han-values').locator('tr[data-obis="1-0:1.8.0.255"]');
  await expect(energy.locator('td').first()).toHaveText('Bezogene Energie 1-0:1.8.0.255');
  await expect(energy).toContainText(/\d+ Wh$/);
  await expect(panel.getByTestId('han-outcome')).toContainText('Mit dem Schlüssel des Zählers entschlüsselt');

  await panel.getByTestId('han-save').click();
  await expect(panel.getByTestId('han-saved')).toHaveText('1 Ablesung gespeichert');
  await panel.getByTestId('han-stop').click();

  await screenshot(page, 'portrait-de-han-panel');
  await expectNoEnglish(page, 'portrait HAN panel');
  await expectWholeWords(page);

  // Another sender whose pushes the stop's key does not open: the outcome, why in words, the code small beside.
  await meter.stop();
  meter = await runHanPushPort(join(dir, 'han-other'), {
    gcm: nodeAesGcm,
    encryptionKey: Buffer.alloc(16, 0x5a),
    authenticationKey: Buffer.from(AUTH, 'hex'),
    systemTitle: Buffer.from('4B464D10AAAAAAAA', 'hex'),
    serial: 'E3100002',
    framing: 'hdlc',
    energyWh: Number(usual) * 1000,
    intervalMs: 500,
    baud: 2400,
  });
  await panel.getByTestId('han-port').fill(meter.appPath);
  await panel.getByTestId('han-start').click();
  await expect(panel.getByTestId('han-last')).toHaveAttribute('data-outcome', 'cannotDecrypt', { timeout: scaled(20_000) });
  const outcome = panel.getByTestId('han-outcome');
  await expect(outcome.getByTestId('han-reason')).toHaveText(
    'Nicht zu entschlüsseln: Der Schlüssel passt nicht zu diesem Zähler, oder die Daten wurden verändert.',
  );
  await expect(outcome.getByTestId('han-reason-code')).toHaveText('dlms.decrypt');
  await expect(panel.getByTestId('han-values')).toHaveCount(0);
  await screenshot(page, 'portrait-de-han-cannot-decrypt');
  await panel.getByTestId('han-stop').click();
  await expectNoEnglish(page, 'portrait HAN panel, a push not decrypted');
});
