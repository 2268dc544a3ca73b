/**
 * Installer work orders in Chromium (issue 8): the installer role, a full exchange, a removal whose
 * final reading comes from the optical probe (training meter) with a photo, an exchange whose new
 * meter is read through the probe and has its clock set, an install at a new
 * connection, PAN commissioning whose mistyped install code is caught (and said once), PAN
 * decommissioning, unable to complete, a work order made on the device, and what the office sends
 * later: a cancel of a job already worked, and the PAN join status.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { buildMessage } from '../../shared/cim';
import { fieldmeter } from '../support/cli';
import { expect, openApp, test } from './fixtures';
import { callApi, screenshot, signInByApi, switchProfile } from './pages';

test.use({ demo: true });

const photo = resolve(import.meta.dirname, '..', 'fixtures', 'meter-photo.png');

/** Switches the local profile to an installer (Review section), then opens the Work orders section. */
async function asInstaller(page: Page) {
  await switchProfile(page, 'Ines Installer', 'installer');
  await page.getByTestId('section-workOrders').click();
  await expect(page.getByTestId('wo-new-open')).toBeVisible();
}

/** Types each register's last reading again (no use since: a note, no confirmation needed). */
async function fillLastReadings(step: Locator) {
  for (const register of await step.getByTestId('register').all()) {
    const last = (await register.getByTestId('register-last').getAttribute('data-value')) || '0';
    await register.getByTestId('register-input').fill(last);
  }
}

/** The serial the old-meter step expects (shown in its label). */
async function expectedSerial(page: Page): Promise<string> {
  return (await page.getByTestId('old-serial').locator('..').textContent())?.match(/expected (\S+)\)/)?.[1] ?? '';
}

/** Reads the training meter in a wizard step's Read panel (serial as expected) and puts its values into the form. */
async function readTrainingMeter(step: Locator) {
  await step.getByTestId('optical-panel').locator('summary').click();
  await expect(step.getByTestId('optical-port')).toHaveValue('training');
  await step.getByTestId('optical-read').click();
  await expect(step.getByTestId('optical-result')).toBeVisible();
  await expect(step.getByTestId('optical-serial-mismatch')).toHaveCount(0);
  await step.getByTestId('optical-use').click();
}

test('a technician sees work orders but cannot carry them out; an installer exchanges a meter, keyboard only', async ({ app: page }) => {
  await page.getByTestId('section-workOrders').click();
  await page.getByTestId('wo-WO-DEMO-EX1').click();
  await expect(page.getByTestId('wo-role-hint')).toBeVisible();
  await expect(page.getByTestId('job-step-old')).toHaveCount(0);
  await asInstaller(page);
  await page.getByTestId('wo-WO-DEMO-EX1').click();
  const title = page.getByTestId('wo-title');
  await expect(title).toContainText('UP-1001');
  const expected = await expectedSerial(page);
  await page.getByTestId('old-serial').fill('WRONG1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('job-problem')).toContainText('not the expected one');
  await page.getByTestId('old-serial').fill(expected);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('job-step-final')).toBeVisible();
  await fillLastReadings(page.getByTestId('job-step-final'));
  await page.getByTestId('seals-removed').fill('S-100 S-101');
  await page.getByTestId('seals-removed').press('Enter');
  await page.getByTestId('new-serial').fill('NOPE');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('job-problem')).toContainText('not in the stock');
  await page.getByTestId('new-serial').fill('E9100001');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('job-step-initial')).toBeVisible();
  for (const input of await page.getByTestId('job-step-initial').getByTestId('register-input').all()) await input.fill('0');
  await page.getByTestId('seals-applied').fill('S-200');
  await page.getByTestId('seals-applied').press('Enter');
  await expect(page.getByTestId('job-step-program')).toBeVisible();
  await page.keyboard.press('Enter'); // the optional programming step, skipped
  await expect(page.getByTestId('job-summary')).toContainText('E9100001');
  await screenshot(page, 'work-order-exchange-confirm');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wo-status')).toHaveText('Completed');
  await screenshot(page, 'work-order-exchange-done');
});

test('an exchange reads the NEW meter through the probe and sets its clock (training meter); the summary lists it', async ({
  app: page,
  host,
}) => {
  await asInstaller(page);
  await page.getByTestId('wo-WO-DEMO-EX1').click();
  const expected = await expectedSerial(page);
  await page.getByTestId('old-serial').fill(expected);
  await page.keyboard.press('Enter');
  await fillLastReadings(page.getByTestId('job-step-final'));
  await page.getByTestId('seals-removed').press('Enter');
  await page.getByTestId('new-serial').fill('E9100001');
  await page.keyboard.press('Enter');
  const initial = page.getByTestId('job-step-initial');
  await expect(initial).toBeVisible();
  await expect(initial.getByTestId('program-panel')).toHaveCount(0); // programming is its own step
  await readTrainingMeter(initial);
  const firstInitial = initial.getByTestId('register-input').first();
  await expect(firstInitial).not.toHaveValue('');
  const probeValue = await firstInitial.inputValue();
  await page.getByTestId('seals-applied').fill('S-300');
  await page.getByTestId('seals-applied').press('Enter');
  const program = page.getByTestId('job-step-program');
  await expect(program.getByTestId('program-panel')).toBeVisible();
  await program.getByTestId('program-password').fill('00000000');
  await program.getByTestId('program-time-sync').click();
  await expect(program.getByTestId('program-result')).toContainText('Clock set');
  await screenshot(page, 'work-order-exchange-new-meter-clock');
  await program.getByTestId('job-next').click();
  await expect(page.getByTestId('job-programmed')).toContainText('Clock of E9100001 set');
  await page.getByTestId('job-step-confirm').evaluate((e) => (e as unknown as { scrollIntoView(): void }).scrollIntoView());
  await screenshot(page, 'work-order-exchange-new-meter-confirm');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wo-status')).toHaveText('Completed');
  await expect(page.getByTestId('job-programmed')).toContainText('Clock of E9100001 set'); // kept with the finished job
  const readings = await callApi<{ source: string; qualities: string[]; value: string; meterSerial?: string }[]>(
    page,
    host.current.token,
    'readings.list',
    { usagePointId: 'UP-1001', limit: 20 },
  );
  const fromProbe = readings.value?.filter((r) => r.source === 'optical') ?? [];
  expect(fromProbe.length).toBeGreaterThan(0);
  expect(fromProbe.every((r) => r.qualities[0] === '1.0.0')).toBe(true);
  expect(fromProbe.map((r) => r.value)).toContain(probeValue.replace(/\D/g, ''));
  const order = await callApi<{ steps: { step: string }[] }>(page, host.current.token, 'workOrders.get', { workOrderId: 'WO-DEMO-EX1' });
  expect(order.value?.steps.map((s) => s.step)).toContain('programmed.timeSync');
});

test('a removal reads the meter through the optical probe, takes a photo and scraps the meter', async ({ app: page, host }) => {
  await asInstaller(page);
  await page.getByTestId('wo-WO-DEMO-RM1').click();
  await expect(page.getByTestId('wo-title')).toContainText('UP-1008');
  const expected = await expectedSerial(page);
  await page.getByTestId('old-serial').fill(expected);
  await page.keyboard.press('Enter');
  const step = page.getByTestId('job-step-final');
  await readTrainingMeter(step);
  const finals = await step.getByTestId('register-input').all();
  expect(finals.length).toBeGreaterThan(0);
  for (const input of finals) await expect(input).not.toHaveValue('');
  await step.getByTestId('seals-removed').fill('S-300');
  await step.getByTestId('disposition').selectOption('scrapped');
  await step.getByTestId('old-photo').setInputFiles(photo);
  await expect(step.getByTestId('old-photo-control')).toHaveAttribute('data-count', '1');
  await screenshot(page, 'work-order-removal-optical');
  await step.getByTestId('job-next').click();
  await expect(page.getByTestId('job-summary')).toContainText('1 photo');
  await page.getByTestId('job-next').click();
  await expect(page.getByTestId('wo-status')).toHaveText('Completed');
  await screenshot(page, 'work-order-removal-done');
  const readings = await callApi<{ source: string; qualities: string[] }[]>(page, host.current.token, 'readings.list', {
    usagePointId: 'UP-1008',
    limit: 10,
  });
  expect(readings.value?.length).toBeGreaterThan(0);
  expect(readings.value?.every((r) => r.source === 'optical' && r.qualities[0] === '1.0.0')).toBe(true);
});

test('an install at a new connection: a meter from stock, its initial reading and a seal', async ({ app: page }) => {
  await asInstaller(page);
  await page.getByTestId('wo-WO-DEMO-IN1').click();
  await expect(page.getByTestId('wo-title')).toContainText('UP-2001');
  await page.getByTestId('new-serial').fill('E9100002');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('job-step-initial')).toBeVisible();
  await page.getByTestId('register-input').first().fill('12x');
  await page.getByTestId('seals-applied').fill('S-400');
  await page.getByTestId('seals-applied').press('Enter');
  await expect(page.getByTestId('register-error')).toContainText('not a number');
  await expect(page.getByTestId('job-problem')).toBeVisible();
  await page.getByTestId('register-input').first().fill('0');
  await page.getByTestId('seals-applied').press('Enter');
  await expect(page.getByTestId('job-step-program')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('job-summary')).toContainText('Install E9100002 (seals S-400)');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wo-status')).toHaveText('Completed');
  await screenshot(page, 'work-order-install-done');
});

test('PAN commissioning catches a mistyped install code and says so once', async ({ app: page }) => {
  await asInstaller(page);
  await page.getByTestId('wo-WO-DEMO-PAN1').click();
  await page.getByTestId('pan-eui64').fill('00:0D:6F:00:0A:BC:DE:F0');
  await page.getByTestId('pan-install-code').fill('83FE D340 7A93 9723 A5C6 39B2 6916 D506 C3B5');
  await expect(page.getByTestId('pan-check')).toContainText('mistyped');
  await page.getByTestId('pan-commission').click();
  await expect(page.getByTestId('pan-check')).toContainText('mistyped');
  await expect(page.getByTestId('pan-problem')).toHaveCount(0);
  await expect(page.getByTestId('pan-form').getByText(/mistyped/)).toHaveCount(1);
  await screenshot(page, 'pan-mistyped-install-code');
  await page.getByTestId('pan-install-code').fill('83FE D340 7A93 9723 A5C6 39B2 6916 D505 C3B5');
  await expect(page.getByTestId('pan-check')).toContainText('C3B5');
  await page.getByTestId('pan-show-key').click();
  await expect(page.getByTestId('pan-link-key')).toContainText('66B6900981E1EE3CA4206B6B861C02BB');
  await page.getByTestId('pan-commission').click();
  await expect(page.getByTestId('wo-status')).toHaveText('Completed');
  await expect(page.getByTestId('wo-pan-devices')).toContainText('000D6F000ABCDEF0');
  await screenshot(page, 'pan-commissioned');
});

test('PAN decommissioning takes the display at UP-1004 out of service', async ({ app: page }) => {
  await asInstaller(page);
  await page.getByTestId('wo-WO-DEMO-PAN2').click();
  await expect(page.getByTestId('wo-pan-devices')).toContainText('000D6F0000DEC0DE');
  await page.getByTestId('pan-off-eui64').fill('000D6F0000000001');
  await page.getByTestId('pan-decommission').click();
  await expect(page.getByTestId('pan-off-problem')).toContainText('No commissioned device with this EUI-64 is here');
  await page.getByTestId('pan-off-eui64').fill('00:0D:6F:00:00:DE:C0:DE');
  await screenshot(page, 'pan-decommission');
  await page.getByTestId('pan-decommission').click();
  await expect(page.getByTestId('wo-status')).toHaveText('Completed');
  await expect(page.getByTestId('wo-pan-devices')).toHaveCount(0);
});

test('unable to complete with a reason, and a work order made on the device', async ({ app: page }) => {
  await asInstaller(page);
  await page.getByTestId('wo-WO-DEMO-RM1').click();
  await page.getByTestId('wo-unable-open').click();
  await page.getByTestId('wo-unable-reason').fill('No access: meter room locked');
  await page.getByTestId('wo-unable-submit').click();
  await expect(page.getByTestId('wo-status')).toHaveText('Unable to complete — No access: meter room locked');
  await expect(page.getByTestId('job-step-old')).toHaveCount(0);

  await page.getByTestId('wo-new-open').click();
  await page.getByTestId('wo-new-kind').selectOption('remove');
  await page.getByTestId('wo-new-usage-point').fill('UP-NOWHERE');
  await page.getByTestId('wo-new-submit').click();
  await expect(page.getByTestId('wo-new-problem')).toContainText('This stop is not on this device');
  await page.getByTestId('wo-new-usage-point').fill('UP-1007');
  await page.getByTestId('wo-new-description').fill('Meter display dead');
  await page.getByTestId('wo-new-submit').click();
  await expect(page.getByTestId('wo-title')).toContainText('UP-1007');
  await expect(page.getByTestId('job-step-old')).toBeVisible();
  await screenshot(page, 'work-order-created-on-device');
});

test('the office cancels a job already done and reports a PAN join: both are shown, the field data stays', async ({ app: page, host }) => {
  const token = host.current.token;
  await signInByApi(page, token, 'Ines Installer');
  const order = await callApi<{ currentMeter: { serial: string; registers: { id: number }[] } }>(page, token, 'workOrders.get', {
    workOrderId: 'WO-DEMO-RM1',
  });
  const meter = order.value?.currentMeter;
  const done = await callApi(page, token, 'workOrders.completeRemoval', {
    workOrderId: 'WO-DEMO-RM1',
    oldMeter: {
      observedSerial: meter?.serial,
      finalReadings: meter?.registers.map((r) => ({ registerId: r.id, value: '1', confirmation: { method: 'reentered' } })),
      disposition: 'returned',
    }, // far below the last reading: confirmed
    note: '',
  });
  expect(done.ok).toBe(true);
  expect((await callApi(page, token, 'workOrders.start', { workOrderId: 'WO-DEMO-PAN2' })).ok).toBe(true);

  const messages = {
    cancel: buildMessage({
      kind: 'request',
      header: { verb: 'cancel', noun: 'MeterServiceRequests', timestamp: '2026-11-23T10:00:00Z', source: 'WFM', messageID: 'cancel-rm1' },
      payload: {
        kind: 'xml',
        body: {
          noun: 'MeterServiceRequests',
          value: { header: { verb: 'cancel', noun: 'MeterServiceRequests', correlationID: 'WO-DEMO-RM1' }, work: [{ meter: {} }] },
        },
      },
    }),
    cancelWhileActive: buildMessage({
      kind: 'request',
      header: { verb: 'cancel', noun: 'MeterServiceRequests', timestamp: '2026-11-23T10:00:00Z', source: 'WFM', messageID: 'cancel-pan2' },
      payload: {
        kind: 'xml',
        body: {
          noun: 'MeterServiceRequests',
          value: { header: { verb: 'cancel', noun: 'MeterServiceRequests', correlationID: 'WO-DEMO-PAN2' }, work: [{ meter: {} }] },
        },
      },
    }),
    join: buildMessage({
      kind: 'event',
      header: { verb: 'created', noun: 'EndDeviceEvents', timestamp: '2026-11-23T10:00:00Z', source: 'HES', messageID: 'join-1' },
      payload: {
        kind: 'xml',
        body: {
          noun: 'EndDeviceEvents',
          value: {
            endDeviceEvents: [{ createdDateTime: '2026-11-23T09:59:00Z', eventType: '15.10.0.85', assets: { mRID: '000D6F0000DEC0DE' } }],
          },
        },
      },
    }),
  };
  await host.current.stop(); // the CLI opens the database on its own
  for (const [name, xml] of Object.entries(messages)) {
    const file = join(host.dataDir, `${name}.xml`);
    writeFileSync(file, xml);
    const imported = await fieldmeter(['import', 'message', file, '--db', host.databasePath], {
      FIELDMETER_USER: 'Tina Technician',
      FIELDMETER_PIN: '111111',
    });
    expect(imported.stderr).toBe('');
  }
  await openApp(page, await host.restart(), 'Ines Installer'); // a new host process: the installer signs in again
  await page.getByTestId('section-workOrders').click();
  await expect(page.getByTestId('wo-WO-DEMO-RM1')).toContainText('cancelled after the work');
  await page.getByTestId('wo-WO-DEMO-RM1').click();
  await expect(page.getByTestId('wo-status')).toHaveText('Completed');
  await expect(page.getByTestId('wo-cancelled-after-work')).toContainText('field data is kept');
  await screenshot(page, 'work-order-cancelled-after-work');
  await page.getByTestId('wo-WO-DEMO-PAN2').click();
  await expect(page.getByTestId('pan-join-000D6F0000DEC0DE')).toHaveText('join failed');
  // cancelled while the crew was on it: what was done on site is still recorded, and reported with the cancel
  await expect(page.getByTestId('wo-status')).toHaveText('Cancelled');
  await expect(page.getByTestId('wo-cancelled')).toContainText('record it below');
  await page.getByTestId('pan-decommission').click();
  await expect(page.getByTestId('wo-cancelled-after-work')).toBeVisible();
  await expect(page.getByTestId('wo-pan-devices')).toHaveCount(0);
  await expect(page.getByTestId('pan-decommission-form')).toHaveCount(0);
});
