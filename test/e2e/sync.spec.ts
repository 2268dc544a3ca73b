/**
 * Sync from the user's side (issue 7): a saved reading waits in the outbox; the supervisor sets
 * the endpoint of an enterprise simulator this test starts; Sync now sends it (pending → 0, last
 * success shown). Then an enterprise that answers PARTIAL: the rejected item appears with the
 * enterprise's code and text, and Retry (after the enterprise is fixed) sends it.
 */
import { join } from 'node:path';
import { buildMessage } from '../../shared/cim';
import { readAccepted } from '../../electron/services/sync/simulator/storage';
import { startEnterpriseSimulator, type EnterpriseSimulator } from '../../electron/services/sync/simulator/server';
import { expect, test } from './fixtures';
import { openSearchedMeter, screenshot, searchMeter, switchProfile, typeRegisters, usualValues } from './pages';
import type { Page } from '@playwright/test';

// Setting the endpoint and correcting refused readings are a supervisor's.
test.use({ demo: true, signInAs: 'Sam Supervisor' });

/** Reads every register of a meter at its usual use since the last read (an ordinary reading, no warning). */
async function saveReading(page: Page, usagePointId: string) {
  await page.getByTestId('section-routes').click();
  await searchMeter(page, usagePointId);
  const form = await openSearchedMeter(page, usagePointId);
  await typeRegisters(page, await usualValues(form));
  await expect(form.getByTestId('save-status')).toContainText(/saved/);
}

async function setEndpoint(page: Page, url: string) {
  await page.getByTestId('sync-endpoint').fill(url);
  await page.getByTestId('sync-endpoint-save').click();
  await expect(page.getByTestId('sync-settings-message')).toHaveText('Endpoint saved.');
}

test('Sync now sends the outbox; a PARTIAL reply shows the rejected item with its code, and Retry sends it', async ({
  app: page,
  host,
}) => {
  const sims: EnterpriseSimulator[] = [];
  try {
    const good = await startEnterpriseSimulator({ storeDir: join(host.dataDir, 'enterprise') });
    const partial = await startEnterpriseSimulator({
      storeDir: join(host.dataDir, 'enterprise-partial'),
      fault: { kind: 'partial', rate: 1 },
    });
    sims.push(good, partial);

    const badge = page.getByTestId('sync-badge');
    await expect(badge).toHaveAttribute('data-pending', '0');
    await expect(badge).toContainText('never synced');
    await saveReading(page, 'UP-1001');
    await expect(badge).toHaveAttribute('data-pending', '1');

    // The badge opens the Sync section.
    await badge.click();
    await expect(page.getByTestId('sync-panel')).toBeVisible();
    await expect(page.getByTestId('sync-pending')).toHaveText('1');
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-result')).toContainText('No enterprise endpoint is set');

    // Credentials cannot be stored by the web host: it says which variables to set.
    await page.getByTestId('sync-auth-kind').selectOption('bearer');
    await page.getByTestId('sync-secret').fill('not-stored-here');
    await page.getByTestId('sync-credentials-save').click();
    await expect(page.getByTestId('sync-settings-message')).toContainText('FIELDMETER_SYNC_TOKEN, on this machine');
    await expect(page.getByTestId('sync-secret')).toHaveValue('');

    await setEndpoint(page, good.url);
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await expect(page.getByTestId('sync-sent')).toHaveText('1');
    await expect(page.getByTestId('sync-result')).toHaveText('Sync finished: 1 accepted, 0 rejected.');
    await expect(badge).toHaveAttribute('data-pending', '0');
    await expect(badge).toContainText(/last sync \d{1,2}:\d{2}/);
    expect(good.acceptedIds()).toHaveLength(1);

    // The enterprise now refuses readings (PARTIAL reply).
    await saveReading(page, 'UP-1003');
    await page.getByTestId('section-sync').click();
    await expect(page.getByTestId('sync-pending')).toHaveText('1');
    await setEndpoint(page, partial.url);
    await page.getByTestId('sync-now').click();
    const item = page.getByTestId('sync-rejected-item');
    await expect(item).toHaveCount(1);
    await expect(item.getByTestId('sync-rejected-code')).toHaveText('2.4');
    await expect(item.getByTestId('sync-rejected-text')).not.toBeEmpty();
    await expect(item).toContainText('UP-1003');
    await expect(page.getByTestId('sync-rejected-count')).toHaveText('1');
    await expect(page.getByTestId('sync-badge-rejected')).toHaveText('1 rejected');
    await screenshot(page, 'sync-rejected');

    // Fixed at the enterprise: back to the good endpoint, Retry sends it with the same MessageID.
    const messageId = await item.getAttribute('data-message-id');
    await setEndpoint(page, good.url);
    await item.getByTestId('sync-retry').click();
    await expect(page.getByTestId('sync-rejected-none')).toBeVisible();
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await expect(page.getByTestId('sync-sent')).toHaveText('2');
    expect(good.acceptedIds()).toContain(messageId);
    await screenshot(page, 'sync-done');
  } finally {
    for (const s of sims) await s.close();
  }
});

test('Sync pulls what the office queued: the received list says what changed, and an on-demand read request shows on the route until a reading answers it', async ({
  app: page,
  host,
}) => {
  const sim = await startEnterpriseSimulator({ storeDir: join(host.dataDir, 'enterprise') });
  try {
    // A visit today at UP-1001; then the office's MeterConfig made yesterday for that meter arrives late.
    await saveReading(page, 'UP-1001');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const header = (verb: 'change' | 'get', noun: string, messageID: string) => ({
      verb,
      noun,
      timestamp: yesterday,
      source: 'MDM',
      messageID,
    });
    sim.queue.enqueue(
      buildMessage(
        {
          kind: 'request',
          header: header('change', 'MeterConfig', 'MC-OLD'),
          payload: { kind: 'xml', body: { noun: 'MeterConfig', value: { meters: [{ mRID: 'E3100001', serialNumber: 'E3100001-X' }] } } },
        },
        { form: 'generic' },
      ),
    );
    sim.queue.enqueue(
      buildMessage(
        {
          kind: 'request',
          header: header('get', 'MeterReadings', 'GET-1005'),
          payload: { kind: 'xml', body: { noun: 'GetMeterReadings', value: { usagePoints: [{ mRID: 'UP-1005' }] } } },
        },
        { form: 'typed' },
      ),
    );
    // A head end's power failure for the meter at UP-1005: shown in its history in words.
    sim.queue.enqueue(
      buildMessage(
        {
          kind: 'event',
          header: { verb: 'created', noun: 'EndDeviceEvents', timestamp: yesterday, source: 'HeadEnd', messageID: 'EV-1005' },
          payload: {
            kind: 'xml',
            body: {
              noun: 'EndDeviceEvents',
              value: { endDeviceEvents: [{ createdDateTime: yesterday, eventType: '0.26.38.85', assets: { mRID: 'E3100005' } }] },
            },
          },
        },
        { form: 'typed' },
      ),
    );

    // The MDM's validated value of that meter's register, from January: listed as a row in its history.
    sim.queue.enqueue(
      buildMessage(
        {
          kind: 'event',
          header: { verb: 'created', noun: 'MeterReadings', timestamp: yesterday, source: 'MDM', messageID: 'MR-1005' },
          payload: {
            kind: 'xml',
            body: {
              noun: 'MeterReadings',
              value: {
                meterReadings: [
                  {
                    meter: { mRID: 'E3100005' },
                    readings: [
                      {
                        readingType: '0.0.0.1.1.1.12.0.0.0.0.0.0.0.0.3.72.0',
                        timeStamp: '2026-01-15T00:00:00Z',
                        value: '12345.6',
                        readingQualities: [{ readingQualityType: '3.8.0' }],
                      },
                    ],
                  },
                ],
              },
            },
          },
        },
        { form: 'generic' },
      ),
    );

    await page.getByTestId('section-sync').click();
    await setEndpoint(page, sim.url);
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-result')).toHaveText('Sync finished: 1 accepted, 0 rejected.');
    const received = page.getByTestId('sync-received-item');
    await expect(received).toHaveCount(4);
    await expect(page.locator('[data-testid=sync-received-item][data-message-id=MC-OLD]')).toContainText(
      '1 meter kept as recorded in the field',
    );
    await expect(page.locator('[data-testid=sync-received-item][data-message-id=GET-1005]')).toContainText('1 on-demand read requested');
    expect(sim.queue.list()).toEqual([]);
    await screenshot(page, 'sync-received');

    // The technician sees the request on the route and at the meter; the reading answers it.
    await page.getByTestId('section-routes').click();
    await searchMeter(page, 'UP-1005');
    await expect(page.locator('[data-testid=meter-row][data-usage-point-id=UP-1005]').getByTestId('row-read-request')).toHaveText(
      'On demand',
    );
    const form = await openSearchedMeter(page, 'UP-1005');
    await expect(page.getByTestId('read-request-banner')).toContainText('on-demand reading');
    const event = page.getByTestId('meter-event');
    await expect(event.getByTestId('meter-event-words')).toHaveText('Power failure');
    await expect(event.getByTestId('meter-event-code')).toHaveText('0.26.38.85');
    await expect(event).toContainText('reported by the office');
    const officeReading = page.getByTestId('office-reading');
    await expect(officeReading).toHaveCount(1);
    await expect(officeReading.getByTestId('office-reading-unit')).toHaveText('kilowatt hours');
    await expect(officeReading.getByTestId('office-reading-quality')).toContainText('estimated (MDM)');
    await expect(officeReading).toContainText('reported by the office');
    await typeRegisters(page, await usualValues(form));
    await expect(form.getByTestId('save-status')).toContainText(/saved/);
    // Saving opens the next meter and focuses its first register; search once that has happened.
    await expect(page.getByTestId('reading-form')).not.toHaveAttribute('data-usage-point-id', 'UP-1005');
    await expect(page.getByTestId('reading-form').getByTestId('register-input').first()).toBeFocused();
    await searchMeter(page, 'UP-1005');
    await expect(page.locator('[data-testid=meter-row][data-usage-point-id=UP-1005]').getByTestId('row-read-request')).toHaveCount(0);

    await page.getByTestId('section-sync').click();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    const answers = readAccepted(join(host.dataDir, 'enterprise')).filter((m) =>
      m.xml.includes('<msg:CorrelationID>GET-1005</msg:CorrelationID>'),
    );
    expect(answers).toHaveLength(1);
    expect(answers[0]!.xml).toContain('UP-1005');
  } finally {
    await sim.close();
  }
});

test('Edit of a rejected reading: the value is checked like any reading, a new message goes out with the reason, the refused one is no longer listed', async ({
  app: page,
  host,
}) => {
  const good = await startEnterpriseSimulator({ storeDir: join(host.dataDir, 'enterprise') });
  const partial = await startEnterpriseSimulator({
    storeDir: join(host.dataDir, 'enterprise-partial'),
    fault: { kind: 'partial', rate: 1 },
  });
  try {
    await saveReading(page, 'UP-1007');
    await page.getByTestId('section-sync').click();
    await setEndpoint(page, partial.url);
    await page.getByTestId('sync-now').click();
    const item = page.getByTestId('sync-rejected-item');
    await expect(item).toHaveCount(1);
    const rejectedId = await item.getAttribute('data-message-id');

    await item.getByTestId('sync-edit').click();
    const value = item.getByTestId('sync-edit-value').first();
    const before = Number(await value.inputValue());
    await value.fill('123456789012345');
    await item.getByTestId('sync-edit-reason').fill('digit misread');
    await item.getByTestId('sync-edit-save').click();
    await expect(item.getByTestId('sync-edit-error')).toContainText('dials');
    await value.fill(String(Math.floor(before) + 1));
    await screenshot(page, 'sync-edit');
    await item.getByTestId('sync-edit-save').click();
    await expect(page.getByTestId('sync-rejected-none')).toBeVisible();
    await expect(page.getByTestId('sync-pending')).toHaveText('1');

    await setEndpoint(page, good.url);
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    const stored = readAccepted(join(host.dataDir, 'enterprise'));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.messageId).not.toBe(rejectedId);
    expect(stored[0]!.xml).toContain('digit misread');
    expect(stored[0]!.xml).toContain('2.7.0');
  } finally {
    await good.close();
    await partial.close();
  }
});

test("A clock set the office asks for shows at the meter; the installer's time sync answers it, and the answer goes back with its CorrelationID", async ({
  app: page,
  host,
}) => {
  const sim = await startEnterpriseSimulator({ storeDir: join(host.dataDir, 'enterprise') });
  try {
    const header = {
      verb: 'create' as const,
      noun: 'EndDeviceControls',
      timestamp: new Date().toISOString(),
      source: 'HES',
      messageID: 'EDC-1004',
    };
    sim.queue.enqueue(
      buildMessage(
        {
          kind: 'request',
          header,
          payload: {
            kind: 'xml',
            body: {
              noun: 'EndDeviceControls',
              value: { endDeviceControls: [{ mRID: 'EDC-1', controlType: '3.36.0.13', endDevices: [{ mRID: 'E3100004' }] }] },
            },
          },
        },
        { form: 'typed' },
      ),
    );
    await page.getByTestId('section-sync').click();
    await setEndpoint(page, sim.url);
    await page.getByTestId('sync-now').click();
    await expect(page.locator('[data-testid=sync-received-item][data-message-id=EDC-1004]')).toContainText(
      '1 control for the field requested',
    );

    await switchProfile(page, 'Ines Installer', 'installer');
    await page.getByTestId('section-routes').click();
    await searchMeter(page, 'E3100004');
    const row = page.locator('[data-testid=meter-row][data-usage-point-id=UP-1004]');
    await expect(row.getByTestId('row-control-request')).toHaveText('Control');
    const form = await openSearchedMeter(page, 'UP-1004');
    await expect(page.getByTestId('control-request-banner')).toContainText('The office asked for this at the meter: Time sync.');
    await form.getByTestId('optical-panel').locator('summary').click();
    const panel = form.getByTestId('program-panel');
    await panel.getByTestId('program-password').fill('00000000');
    await panel.getByTestId('program-time-sync').click();
    await expect(panel.getByTestId('program-result')).toContainText('Clock set.');
    await expect(page.getByTestId('control-request-banner')).toHaveCount(0);
    await expect(row.getByTestId('row-control-request')).toHaveCount(0);
    await screenshot(page, 'sync-control-request-done');

    await page.getByTestId('section-sync').click();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    const answers = readAccepted(join(host.dataDir, 'enterprise')).filter((m) =>
      m.xml.includes('<msg:CorrelationID>EDC-1004</msg:CorrelationID>'),
    );
    expect(answers).toHaveLength(1);
    expect(answers[0]!.xml).toContain('3.36.116.13');
  } finally {
    await sim.close();
  }
});
