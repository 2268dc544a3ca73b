/**
 * A DLMS/COSEM meter (IEC 62056-21 mode E, then HDLC) at the optical probe, in Chromium on a tablet
 * held upright: the simulated meter sits on a socat PTY and the installer types its port. The DLMS
 * panel reads and saves (registers with units, the clock's drift in words, the load profile's
 * intervals), and the meter's history shows the saved reading; German words are checked as on
 * every screen. The meter's LLS password is in the meter-key store, imported by a supervisor as the
 * office does: the app never takes it from its environment (that is the command line's).
 * On the training route, the DLMS stop (README "Training") is read with no probe and no key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { runDlmsMeter, type RunningDlmsMeter } from '../../electron/services/serial/simulator/dlmsMeter';
import { scaled } from '../support/timeouts';
import { socatSkipReason } from '../integration/serial/ptyHarness';
import { expectAccessible, expectNoSidewaysScroll, expectTouchTargets, sizes } from './fieldReady';
import { expect, test } from './fixtures';
import { callApi, openSearchedMeter, screenshot, searchMeter, signInByApi, usualValues } from './pages';
import { expectNoEnglish } from './untranslated';
import { expectWholeWords } from './wordBreaks';

/** The meter's LLS password, as the utility's key file gives it for meter E3100002. */
const PASSWORD = 'dlms0001';
// The web host seals meter keys under this secret (electron/services/meterKeys/encryptors.ts); it inherits this environment.
process.env.FIELDMETER_KEY_SECRET = 'a secret only this DLMS test knows';

test.use({ demo: true, signInAs: 'Ines Installer', viewport: sizes.portrait });

let meter: RunningDlmsMeter | undefined;
let dir: string | undefined;
test.afterEach(async () => {
  await meter?.stop();
  meter = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The supervisor imports the meter's password (kind dlms.password, hex) through the API; the installer signs back in. */
async function importPassword(page: Page, token: string) {
  await signInByApi(page, token, 'Sam Supervisor');
  const content = ['manufacturer,id,kind,key', `,E3100002,dlms.password,${Buffer.from(PASSWORD).toString('hex').toUpperCase()}`].join('\n');
  const imported = await callApi(page, token, 'meterKeys.import', { fileName: 'keys.csv', content });
  expect(imported.ok, JSON.stringify(imported)).toBe(true);
  await signInByApi(page, token, 'Ines Installer');
  await page.reload();
  await expect(page.locator('#root > [data-app-state]')).toHaveAttribute('data-app-state', 'ready');
}

/**
 * UP-1002 (meter E3100002, one active-import register in kWh) with a DLMS meter of that serial on a
 * PTY whose register stands where the stop's usual use puts it (so no "unusually high" question),
 * its clock 95 s behind; the probe's port typed in.
 */
async function atDlmsMeter(page: Page) {
  await searchMeter(page, 'E3100002');
  const form = await openSearchedMeter(page, 'UP-1002');
  const [usual = '0'] = await usualValues(form);
  dir = mkdtempSync(join(tmpdir(), 'fieldmeter-dlms-e2e-'));
  meter = await runDlmsMeter(join(dir, 'probe'), { password: PASSWORD, days: 2, serial: 'E3100002' });
  const objects = meter.meter.meter.hdlc.objects;
  objects.registerStartWh = Number(usual) * 1000 - objects.registerValue('1-0:1.8.0.255');
  objects.clockOffsetMs = -95_000;
  await form.getByTestId('optical-panel').locator('summary').click();
  await form.getByTestId('optical-port-path').fill(meter.appPath);
  await form.getByTestId('optical-port-path').press('Enter');
  await expect(form.getByTestId('optical-port')).toHaveValue(meter.appPath);
  return { form, usual };
}

test('the DLMS panel reads and saves a mode E meter: registers with units, clock drift, load profile, history', async ({
  app: page,
  host,
}) => {
  test.skip(socatSkipReason !== null, `SKIPPED: ${socatSkipReason}`);
  test.setTimeout(scaled(90_000));
  await importPassword(page, host.current.token);
  await page.getByTestId('locale-de').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const { form, usual } = await atDlmsMeter(page);

  const panel = form.getByTestId('dlms-panel');
  await panel.getByTestId('dlms-read').click();
  const result = panel.getByTestId('dlms-result');
  await expect(result).toBeVisible({ timeout: scaled(60_000) });
  await expect(result).toContainText('Zähler E3100002');
  await expect(panel.getByTestId('dlms-saved')).toHaveText('1 Ablesung gespeichert');
  await expect(panel.getByTestId('dlms-clock')).toHaveText(/^Die Zähleruhr geht 9[56] s nach gegenüber diesem Gerät$/);
  await expect(panel.getByTestId('dlms-disconnect')).toHaveText('Versorgung eingeschaltet');
  const registers = panel.getByTestId('dlms-registers');
  await expect(registers.locator('tr[data-obis="1-0:1.8.0.255"]')).toContainText(`${Number(usual) * 1000} Wh`);
  // In words first, the OBIS code small beside (never the code instead of the words).
  await expect(registers.locator('tr[data-obis="1-0:1.8.0.255"] td').first()).toHaveText('Bezogene Energie 1-0:1.8.0.255');
  await expect(registers.locator('tr[data-obis="1-0:2.8.0.255"] td').first()).toHaveText('Eingespeiste Energie 1-0:2.8.0.255');
  await expect(registers.locator('tr[data-obis="1-0:3.8.0.255"]')).toContainText(/\d+ varh$/);
  // Yesterday (the days the panel offers first): 96 quarter hours, a power failure among them.
  await expect(panel.getByTestId('dlms-profile')).toHaveText('Lastgang: 96 Intervalle zu 15 min, zum Senden bereit');
  const intervals = panel.getByTestId('dlms-intervals').locator('tbody tr');
  await expect(intervals).toHaveCount(96);
  await expect(panel.getByTestId('dlms-intervals')).toContainText('Spannungsausfall');

  // The saved reading is in the meter's history, as the meter's Wh in the route's kWh.
  const history = page.getByTestId('meter-history');
  await expect(history.getByTestId('history-row')).toHaveCount(1);
  await expect(history.getByTestId('history-row').first()).toContainText(Number(usual).toLocaleString('de-DE'));

  // What the meter offers (its association's object list), grouped in words, each object's class said in its row; a profile is listed, so the period stays offered.
  const offered = panel.getByTestId('dlms-objects-list');
  await expect(offered.locator('[data-group="profiles"]')).toHaveText(
    '1 Lastgang: 1-0:99.1.0.255 Profil (Lastgang oder Logbuch), Klasse 7',
  );
  await expect(offered.locator('[data-group="eventLogs"]')).toHaveText(
    '1 Ereignisprotokoll: 0-0:99.98.0.255 Profil (Lastgang oder Logbuch), Klasse 7',
  );
  await expect(offered.locator('[data-group="disconnect"]')).toHaveText(
    'Schaltelement: 0-0:96.3.10.255 Trennschalter (Disconnect control), Klasse 70',
  );
  await expect(panel.getByTestId('dlms-from')).toBeVisible();
  await expect(panel.getByTestId('dlms-no-profile')).toHaveCount(0);

  await screenshot(page, 'portrait-de-dlms-panel');
  await expectNoEnglish(page, 'portrait DLMS panel');
  await expectWholeWords(page);
});

test('Read meter goes DLMS by itself when the meter offers mode E', async ({ app: page, host }) => {
  test.skip(socatSkipReason !== null, `SKIPPED: ${socatSkipReason}`);
  test.setTimeout(scaled(90_000));
  await importPassword(page, host.current.token);
  const { form, usual } = await atDlmsMeter(page);
  await form.getByTestId('optical-read').click();
  const panel = form.getByTestId('dlms-panel');
  await expect(panel.getByTestId('dlms-mode-e')).toHaveText('The meter offers mode E: it was read through DLMS and saved', {
    timeout: scaled(60_000),
  });
  await expect(panel.getByTestId('dlms-saved')).toHaveText('1 reading saved');
  await expect(panel.getByTestId('dlms-registers').locator('tr[data-obis="1-0:1.8.0.255"]')).toContainText(`${Number(usual) * 1000} Wh`);
  await expect(form.getByTestId('optical-result')).toHaveCount(0);
  await expect(form.getByTestId('optical-error')).toHaveCount(0);

  // The installer sets the DLMS meter's clock from the programming panel (a COSEM SET, read back).
  const program = form.getByTestId('program-panel');
  // Offered: the meter model decides whether and how the demand is reset through DLMS.
  await expect(program.getByTestId('program-demand-reset')).toBeEnabled();
  await program.getByTestId('program-time-sync').click();
  await expect(program.getByTestId('program-result')).toContainText(/Clock set\. Before: .* \(drift -9\d(\.\d)? s\)/, {
    timeout: scaled(30_000),
  });
  expect(Math.abs(meter?.meter.meter.hdlc.objects.clockOffsetMs ?? 99_999)).toBeLessThan(5000);
  // No model is assigned to this meter type: refused in words, nothing sent to the meter.
  await program.getByTestId('program-demand-reset').click();
  await expect(program.getByTestId('program-error')).toContainText('No meter model is assigned to this meter type', {
    timeout: scaled(30_000),
  });
  expect(meter?.meter.meter.hdlc.demand.invoked).toEqual([]);
});

test('on the training route, Read at the DLMS stop meets the training DLMS meter with no probe and no key', async ({ app: page }) => {
  test.setTimeout(scaled(60_000));
  // README "Training": stop 110, UP-1011, meter E3100011 answers in mode E (electron/services/optical/trainingDlmsMeter.ts).
  await searchMeter(page, 'E3100011');
  const form = await openSearchedMeter(page, 'UP-1011');
  await form.getByTestId('optical-panel').locator('summary').click();
  await expect(form.getByTestId('optical-port')).toHaveValue('training');
  await form.getByTestId('optical-read').click();
  const panel = form.getByTestId('dlms-panel');
  await expect(panel.getByTestId('dlms-mode-e')).toHaveText('The meter offers mode E: it was read through DLMS and saved', {
    timeout: scaled(30_000),
  });
  await expect(panel.getByTestId('dlms-result')).toContainText('E3100011');
  await expect(panel.getByTestId('dlms-saved')).toHaveText('1 reading saved');
  await expect(panel.getByTestId('dlms-clock')).toHaveText(/^The meter clock is 9[6-8] s behind this device$/);
  await expect(panel.getByTestId('dlms-registers').locator('tr[data-obis="1-0:1.8.0.255"]')).toContainText('Wh');
  await expect(page.getByTestId('meter-history').getByTestId('history-row')).toHaveCount(1);

  // What the meter offers (the read shows it): each object's class in its row (no hover on a tablet), fitting a phone held upright.
  const clock = panel.getByTestId('dlms-objects-list').locator('li[data-obis="0-0:1.0.0.255"]');
  await expect(clock).toHaveText('0-0:1.0.0.255 Clock, class 8');
  await page.setViewportSize(sizes.phone);
  await clock.scrollIntoViewIfNeeded();
  await screenshot(page, 'phone-en-dlms-objects');
  await expectNoSidewaysScroll(page);
  await expectTouchTargets(page);
  await expectAccessible(page);
});
