/**
 * The end of a visit in Chromium (issue 24 §2–3): after a move-out reading the customer signs in the
 * box with pointer events (page.mouse over the canvas), then the German receipt is made, downloaded
 * through the web host, read back with pdftotext and rendered with pdftoppm for a person to look at
 * (test-results/screenshots/receipt-de.png).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { scaled } from '../support/timeouts';
import { confirmSwitchMeter, screenshot } from './pages';

test.use({ demo: true });

test('a move-out is signed on screen and its receipt downloaded in German', async ({ app: page }) => {
  await page.getByTestId('section-workOrders').click();
  await page.getByTestId('sw-SW-DEMO-MO5').click();
  await page.getByTestId('sw-optical').click();
  await expect(page.getByTestId('sw-optical-done')).toBeVisible({ timeout: scaled(30_000) });
  await confirmSwitchMeter(page);
  await page.getByTestId('sw-save').click();
  await expect(page.getByTestId('signature-form')).toBeVisible();

  await page.getByTestId('signature-name').fill('Erika Müller');
  const pad = page.getByRole('img', { name: /Signature area/ });
  await expect(page.getByTestId('signature-save')).toBeDisabled(); // nothing drawn yet
  await page.getByTestId('signature-save').scrollIntoViewIfNeeded(); // the whole box in view: the pointer draws only there
  const box = await pad.boundingBox();
  if (!box) throw new Error('the signature box is not laid out');
  const clear = page.getByTestId('signature-clear');
  for (const control of [clear, page.getByTestId('signature-save')]) {
    const size = await control.boundingBox();
    expect(size?.height ?? 0).toBeGreaterThanOrEqual(44);
  }
  await page.mouse.move(box.x + 30, box.y + box.height * 0.7);
  await page.mouse.down();
  for (let i = 1; i <= 24; i++)
    await page.mouse.move(box.x + 30 + i * 12, box.y + box.height * (0.7 - 0.4 * Math.abs(Math.sin(i / 3))), { steps: 2 });
  await page.mouse.up();
  await screenshot(page, 'evidence-signed-move-out');
  await page.getByTestId('signature-save').click();
  await expect(page.getByTestId('signature-done')).toContainText('Signed by Erika Müller');

  await page.getByTestId('receipt-language').selectOption('de');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('receipt-make').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^receipt-[A-Z2-7]{10}-de\.pdf$/);
  const made = await page.getByTestId('receipt-made').textContent();
  // The demo's profile names no document endpoint: the receipt stays on the device, and the screen says so.
  await expect(page.getByTestId('receipt-sending')).toContainText(/no document endpoint|keinen Dokument-Endpunkt/);
  const code = /[A-Z2-7]{5}-[A-Z2-7]{5}/.exec(made ?? '')?.[0];
  expect(code).toBeTruthy();
  const pdf = await download.path();
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const words of [
    'Besuchsbestätigung',
    'Ablesung bei Auszug',
    'Zählerstände',
    'Vom Kunden unterschrieben: Erika Müller',
    `Prüfcode: ${code}`,
  ])
    expect(text).toContain(words);
  const shots = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
  mkdirSync(shots, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', pdf, resolve(shots, 'receipt-de')]);
});
