/**
 * Field-ready on a tablet (issue 17): the main screens on the demo route at 800×1280 (tablet held
 * upright), 1280×800 and 412×915 (phone), in English and German. Each screen is checked for
 * sideways scrolling, its primary action within reach, touch targets of at least 44×44 and axe-core
 * violations, and saved as test-results/screenshots/<size>-<lang>-<screen>.png.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, signInOnScreen, test } from './fixtures';
import { expectAccessible, expectNoSidewaysScroll, expectPrimaryReachable, expectTouchTargets, sizes, type SizeName } from './fieldReady';
import { scaled } from '../support/timeouts';
import { callApi, screenshot, usualValues } from './pages';
import { englishOnScreen, expectNoEnglish } from './untranslated';
import { expectWholeWords } from './wordBreaks';

test.use({ demo: true });

type Lang = 'en' | 'de';

/** One screen: screenshot as it opens, then every check; the primary action last (it scrolls). */
async function checkScreen(page: Page, size: SizeName, lang: Lang, screen: string, primary?: Locator) {
  // A section's code loads the first time it opens: check the screen, not its placeholder.
  await expect(page.getByTestId('section-loading')).toHaveCount(0);
  if (primary) await expect(primary).toBeAttached();
  await screenshot(page, `${size}-${lang}-${screen}`);
  if (lang === 'de') await expectNoEnglish(page, `${size} ${screen}`);
  await expectNoSidewaysScroll(page);
  await expectWholeWords(page);
  await expectTouchTargets(page);
  await expectAccessible(page);
  if (primary) await expectPrimaryReachable(page, primary);
}

/** On a phone the language is in the header's menu, which folds again afterwards. */
async function chooseGerman(page: Page, size: SizeName) {
  const menu = page.getByTestId('header-menu');
  if (size === 'phone') {
    await expect(page.getByTestId('locale-de')).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
  } else {
    await expect(menu).toBeHidden();
  }
  await page.getByTestId('locale-de').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  if (size === 'phone') {
    await expect(menu).toHaveText('Menü');
    await checkScreen(page, size, 'de', 'header-menu');
    await menu.click();
    await expect(page.getByTestId('locale-de')).toBeHidden();
  }
}

/**
 * Signs out (on a phone through the header's menu), checks the sign-in screen, and signs in as a
 * training profile; the menu is folded again afterwards.
 */
async function signInAs(page: Page, size: SizeName, lang: Lang, name: string, role: 'installer' | 'supervisor') {
  const menu = page.getByTestId('header-menu');
  if (size === 'phone') await menu.click();
  await page.getByTestId('sign-out').click();
  const form = page.getByTestId('sign-in-form');
  await expect(form).toBeVisible();
  await checkScreen(page, size, lang, 'sign-in', form.getByTestId('sign-in-submit'));
  await signInOnScreen(page, name);
  await expect(page.getByTestId('signed-in')).toHaveAttribute('data-role', role);
  if (size === 'phone' && (await menu.getAttribute('aria-expanded')) === 'true') await menu.click();
}

/** Where one pane is shown at a time a Back control leads to the list; at 1280×800 it is hidden. */
const narrow = (size: SizeName) => size !== 'landscape';

async function walkRoute(page: Page, size: SizeName, lang: Lang) {
  if (narrow(size)) {
    // The demo route is chosen at start: its meter list shows, with Back to the routes.
    await expect(page.getByTestId('reading-empty')).toBeHidden();
    await page.getByTestId('back-to-routes').click();
    await expect(page.getByTestId('meter-list')).toBeHidden();
  } else {
    await expect(page.getByTestId('back-to-routes')).toBeHidden();
  }
  await checkScreen(page, size, lang, 'routes', page.getByTestId('route-item').first());
  // The English screens show the English table: the check that guards the German ones can fail.
  if (lang === 'en') expect(await englishOnScreen(page)).not.toEqual([]);
  await page.getByTestId('route-item').first().click();
  await checkScreen(page, size, lang, 'meter-list', page.getByTestId('meter-row').first());

  await page.getByTestId('meter-row').first().click();
  const form = page.getByTestId('reading-form');
  await expect(form).toHaveAttribute('data-usage-point-id', 'UP-1001');
  if (narrow(size)) await expect(page.getByTestId('meter-list')).toBeHidden();
  await checkScreen(page, size, lang, 'reading-form', form.getByTestId('save-reading'));

  await form.getByTestId('optical-panel').locator('summary').click();
  await expect(form.getByTestId('optical-port')).toHaveValue('training');
  await checkScreen(page, size, lang, 'optical', form.getByTestId('optical-read'));

  await form.getByTestId('skip-button').click();
  const dialog = page.getByTestId('skip-dialog');
  await expect(dialog).toBeVisible();
  await checkScreen(page, size, lang, 'skip-dialog', dialog.getByTestId('skip-save'));
  await dialog.getByTestId('skip-cancel').click();
  await expect(dialog).toBeHidden();

  if (narrow(size)) {
    await page.getByTestId('back-to-list').click();
    await expect(page.getByTestId('meter-list')).toBeVisible();
    await expect(form).toBeHidden();
  }
}

async function walkWorkOrders(page: Page, size: SizeName, lang: Lang) {
  await signInAs(page, size, lang, 'Ines Installer', 'installer');
  await page.getByTestId('section-workOrders').click();
  await checkScreen(page, size, lang, 'work-orders', page.getByTestId('wo-WO-DEMO-EX1'));
  await page.getByTestId('wo-WO-DEMO-EX1').click();
  await expect(page.getByTestId('wo-title')).toContainText('UP-1001');
  if (narrow(size)) await expect(page.getByTestId('wo-WO-DEMO-EX1')).toBeHidden();
  await checkScreen(page, size, lang, 'exchange-wizard', page.getByTestId('job-next'));
  if (narrow(size)) {
    // Where one pane is shown at a time the open job takes the width, not a narrow column (issue 17 §1).
    const wizard = await page.locator('form.wo-wizard').first().boundingBox();
    expect(wizard?.width ?? 0, 'the exchange wizard’s width').toBeGreaterThanOrEqual(sizes[size].width * 0.9);
  }

  if (narrow(size)) await page.getByTestId('back-to-orders').click();
  await page.getByTestId('sw-SW-DEMO-MO5').click();
  await expect(page.getByTestId('sw-detail')).toBeVisible();
  await checkScreen(page, size, lang, 'switching', page.getByTestId('sw-save'));
  if (narrow(size)) {
    await page.getByTestId('back-to-orders').click();
    await expect(page.getByTestId('sw-detail')).toBeHidden();
    await expect(page.getByTestId('wo-WO-DEMO-EX1')).toBeVisible();
  }
}

async function walkReviewAndSync(page: Page, size: SizeName, lang: Lang, token: string) {
  // A reading whose serial does not match waits for review, so the queue shows a card with its actions.
  const meter = await callApi<{ registers: { id: number }[] }>(page, token, 'meters.get', { usagePointId: 'UP-1001' });
  const registerId = meter.value!.registers[0]!.id;
  const value = { registerId, value: '123456', confirmation: { method: 'reason', reason: 'Checked twice on site' } };
  const saved = await callApi(page, token, 'readings.save', {
    usagePointId: 'UP-1001',
    values: [value],
    observedSerial: 'E3100099',
    note: 'New serial plate on the door',
  });
  expect(saved.error).toBeUndefined();
  await signInAs(page, size, lang, 'Sam Supervisor', 'supervisor');
  await page.getByTestId('section-review').click();
  await expect(page.getByTestId('review-item')).toHaveCount(1);
  await checkScreen(page, size, lang, 'review', page.getByTestId('export-csv'));
  if (lang === 'de') {
    // The export's day is typed as a German writes it, whatever language the browser draws date fields in.
    await page.getByTestId('export-from').fill('7.12.2026');
    await expect(page.getByTestId('export-from-day')).toHaveAttribute('data-iso', '2026-12-07');
    await page.getByTestId('export-from').fill('');
  }
  await page.getByTestId('review-view-dashboard').click();
  await expect(page.getByTestId('dashboard-routes')).toBeVisible();
  await checkScreen(page, size, lang, 'dashboard');
  await page.getByTestId('section-sync').click();
  await checkScreen(page, size, lang, 'sync', page.getByTestId('sync-now'));
}

type Walk = (page: Page, size: SizeName, lang: Lang, token: string) => Promise<void>;
const walks: Readonly<Record<string, Walk>> = {
  'route work': walkRoute,
  'work orders and switching': walkWorkOrders,
  'review, dashboard and sync': walkReviewAndSync,
};

// One test per size and language walks all three parts of the app in turn (a step each): the host,
// the browser context and the sign-in are set up once for the eleven screens, not once per part.
for (const lang of ['en', 'de'] as const) {
  for (const size of Object.keys(sizes) as SizeName[]) {
    test(`${size} (${sizes[size].width}×${sizes[size].height}), ${lang}: each screen fits, is reachable by touch and passes axe-core`, async ({
      app: page,
      host,
    }) => {
      // Eleven screens, each with an axe-core run: a budget by work done, not by one step's clock.
      test.setTimeout(scaled(360_000));
      await page.setViewportSize(sizes[size]);
      if (lang === 'de') await chooseGerman(page, size);
      for (const [name, walk] of Object.entries(walks)) {
        await test.step(name, () => walk(page, size, lang, host.current.token));
      }
    });
  }
}

test('on a phone the keyboard still walks the route: Enter saves, the next stop opens, Escape goes back to the list', async ({
  app: page,
}) => {
  await page.setViewportSize(sizes.phone);
  await page.getByTestId('meter-row').first().click();
  const form = page.getByTestId('reading-form');
  await expect(form).toHaveAttribute('data-usage-point-id', 'UP-1001');
  await expect(form.getByTestId('register-input').first()).toBeFocused();
  await page.keyboard.type((await usualValues(form))[0]!);
  await page.keyboard.press('Enter');
  await expect(form).toHaveAttribute('data-usage-point-id', 'UP-1002');
  await expect(form.getByTestId('register-input').first()).toBeFocused();
  // Escape hands the keyboard to the list, which on a phone means going back to it.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('meter-list')).toBeFocused();
  await expect(form).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(form).toHaveAttribute('data-usage-point-id', 'UP-1002');
  await expect(form.getByTestId('register-input').first()).toBeFocused();
});
