/** Page helpers for the flows several tests repeat. */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { signInOnScreen, trainingPins } from './fixtures';

const screenshotDir = resolve(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`) });
}

export const meterRows = (page: Page) => page.getByTestId('meter-row');

/** Searches the open route with the keyboard (`/` focuses the search) and waits for one match. */
export async function searchMeter(page: Page, text: string) {
  await page.getByTestId('meter-list').focus();
  await page.keyboard.press('/');
  await expect(page.getByTestId('meter-search')).toBeFocused();
  await page.keyboard.type(text);
  await expect(meterRows(page)).toHaveCount(1);
}

/** Opens the only meter the search left, by keyboard: Arrow down into the list, Enter. */
export async function openSearchedMeter(page: Page, usagePointId: string) {
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('meter-list')).toBeFocused();
  await page.keyboard.press('Enter');
  const form = page.getByTestId('reading-form');
  await expect(form).toHaveAttribute('data-usage-point-id', usagePointId);
  await expect(form.getByTestId('register-input').first()).toBeFocused();
  return form;
}

/**
 * Calls the API from inside the page (same origin, the page's own fetch) with the token the
 * host printed, as the renderer does.
 */
export async function callApi<T = unknown>(page: Page, token: string, method: string, input: unknown): Promise<ApiAnswer<T>> {
  return page.evaluate(
    async ([m, i, t]) => {
      const response = await fetch(`/api/call/${m}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${t}` },
        body: JSON.stringify(i),
      });
      return (await response.json()) as ApiAnswer<T>;
    },
    [method, input, token] as const,
  );
}

/**
 * Holds the page's next calls of `method` on their way to the host until `release()`, so that what
 * the screen shows while an operation runs can be checked without racing the operation.
 */
export async function holdCalls(page: Page, method: string): Promise<{ release: () => void }> {
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/call/${method}`, async (route) => {
    await released;
    await route.continue();
  });
  return { release };
}

export interface ApiAnswer<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string };
}

/** The reading form of the open meter, once it shows `usagePointId` with its first register focused. */
export async function expectMeterOpen(page: Page, usagePointId: string) {
  const form = page.getByTestId('reading-form');
  await expect(form).toHaveAttribute('data-usage-point-id', usagePointId);
  await expect(form.getByTestId('register-input').first()).toBeFocused();
  return form;
}

/** On a switch order: types the serial its field expects (the label names it), as read off the plate. */
export async function confirmSwitchMeter(page: Page) {
  const label =
    (await page
      .getByTestId('sw-detail')
      .locator('label', { has: page.getByTestId('sw-meter-serial') })
      .textContent()) ?? '';
  const expected = /\((?:expected|erwartet) ([^)]+)\)/.exec(label)?.[1] ?? '';
  await page.getByTestId('sw-meter-serial').fill(expected);
}

/** Types each register's value and Enter (the last Enter saves and the next meter opens). */
export async function typeRegisters(page: Page, values: readonly string[]) {
  for (const value of values) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
}

/** Chooses a filter chip with the keyboard: `/` to the search, Tab along the chips, Enter. */
export async function chooseFilter(page: Page, filter: 'all' | 'unread' | 'warnings' | 'skipped') {
  const order = ['all', 'unread', 'warnings', 'skipped'];
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await expect(page.getByTestId('meter-search')).toBeFocused();
  for (let i = 0; i <= order.indexOf(filter); i++) await page.keyboard.press('Tab');
  await expect(page.getByTestId(`filter-${filter}`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`filter-${filter}`)).toHaveAttribute('aria-pressed', 'true');
}

/** Signs out and signs in as another training profile with its PIN, then opens the Review section. */
export async function switchProfile(page: Page, name: string, role: 'technician' | 'installer' | 'supervisor') {
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('sign-in-form')).toBeVisible();
  await signInOnScreen(page, name);
  await expect(page.getByTestId('signed-in')).toHaveAttribute('data-role', role);
  await page.getByTestId('section-review').click();
}

/** The same through the API (the session is the host's): for tests that set up a role before the screen matters. */
export async function signInByApi(page: Page, token: string, name: string): Promise<void> {
  const r = await callApi(page, token, 'session.signIn', { name, secret: trainingPins[name] });
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

/**
 * What each register of the open meter shows today if it was used as usual: its last value plus
 * its average daily use for the days since (so no "unusually high / low" warning), in the form's
 * decimals; a register without an average gets a little use.
 */
export async function usualValues(form: Locator): Promise<string[]> {
  const registers = await form.getByTestId('register-last').evaluateAll((els) =>
    els.map((e) => {
      const attr = (name: string) => (e as unknown as { getAttribute(name: string): string | null }).getAttribute(name);
      return {
        value: attr('data-value') ?? '0',
        at: attr('data-read-at') ?? '',
        average: attr('data-average-daily-use') ?? '',
        decimals: attr('data-decimals') ?? '0',
      };
    }),
  );
  return registers.map((r) => {
    const days = r.at ? (Date.now() - Date.parse(r.at)) / 86_400_000 : 0;
    const use = r.average && days >= 1 ? Number(r.average) * days : 7;
    return (Number(r.value || '0') + use).toFixed(Number(r.decimals));
  });
}
