/**
 * The route map over tiles in real Chromium (issue 24 §4), under the page's real CSP: tiles come
 * from the tile server a supervisor set and from no other origin (shared/contract/csp.ts). The
 * tile servers are Playwright routes: an image the CSP blocks is never requested, so a blocked
 * origin's route handler never runs. Also the walk's next stop, the same in the list and on the map.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callApi, signInByApi } from './pages';

test.use({ demo: true });

const TILE_ORIGIN = 'https://tiles.fieldmeter.test';
const OTHER_ORIGIN = 'https://elsewhere.fieldmeter.test';

/** Reads a demo stop through the API with its last value (no warning). */
async function readStop(page: Page, token: string, usagePointId: string) {
  const meter = await callApi<{ registers: { id: number; lastValue: string | null }[] }>(page, token, 'meters.get', { usagePointId });
  const values = (meter.value?.registers ?? []).map((r) => ({ registerId: r.id, value: r.lastValue ?? '0' }));
  const saved = await callApi(page, token, 'readings.save', { usagePointId, values, note: '', photoIds: [] });
  expect(saved.ok, JSON.stringify(saved)).toBe(true);
}

test('tiles load from the configured server only; the next stop is the walk’s, in the list and on the map', async ({ app: page, host }) => {
  const requested: string[] = [];
  const tile = readFileSync(resolve(import.meta.dirname, '..', 'fixtures', 'meter-photo.png'));
  for (const origin of [TILE_ORIGIN, OTHER_ORIGIN]) {
    await page.route(`${origin}/**`, (route) => {
      requested.push(route.request().url());
      return route.fulfill({ status: 200, contentType: 'image/png', body: tile });
    });
  }
  const token = host.current.token;
  // Stops 10 and 30 done, 20 left behind: the walk goes on at the demo's fourth stop (UP-1004).
  await readStop(page, token, 'UP-1001');
  await readStop(page, token, 'UP-1003');
  await signInByApi(page, token, 'Sam Supervisor');
  const set = await callApi(page, token, 'map.settings.set', { tileUrl: `${TILE_ORIGIN}/{z}/{x}/{y}.png`, farDistanceM: 150 });
  expect(set.ok, JSON.stringify(set)).toBe(true);
  await signInByApi(page, token, 'Tina Technician');
  // The policy is the page's: the new tile server is let in from the next load on.
  await page.reload();
  await expect(page.locator('#root > [data-app-state]')).toHaveAttribute('data-app-state', 'ready');

  const next = page.locator('[data-testid="meter-row"][data-next="true"]');
  await expect(next).toHaveAttribute('data-usage-point-id', 'UP-1004');
  await expect(next.getByTestId('row-next')).toHaveText('Next stop');

  await page.getByTestId('toggle-map').click();
  const map = page.getByTestId('route-map');
  await expect(map).toHaveAttribute('data-mode', 'tiles');
  await expect(map.locator('img.leaflet-tile-loaded').first()).toBeVisible();
  expect(requested.length).toBeGreaterThan(0);
  expect(requested.every((url) => url.startsWith(`${TILE_ORIGIN}/`))).toBe(true);
  const fourth = await callApi<{ sequence: number }>(page, token, 'meters.get', { usagePointId: 'UP-1004' });
  await expect(map.getByTestId('map-next')).toContainText(`${fourth.value?.sequence}`);

  // An image from any other origin is refused by the CSP before it is requested.
  const violation = await page.evaluate(async (src) => {
    const scope = globalThis as unknown as {
      document: {
        createElement(tag: 'img'): { src: string; onerror: (() => void) | null; onload: (() => void) | null };
        body: { append(node: unknown): void };
        addEventListener(type: string, listener: (e: { blockedURI: string; violatedDirective: string }) => void): void;
      };
    };
    const seen = new Promise<string>((resolve) =>
      scope.document.addEventListener('securitypolicyviolation', (e) => resolve(`${e.violatedDirective} ${e.blockedURI}`)),
    );
    const img = scope.document.createElement('img');
    const loaded = new Promise<string>((resolve) => ((img.onload = () => resolve('loaded')), (img.onerror = () => resolve('error'))));
    img.src = src;
    scope.document.body.append(img);
    return `${await loaded} ${await seen}`;
  }, `${OTHER_ORIGIN}/0/0/0.png`);
  expect(violation).toBe(`error img-src ${OTHER_ORIGIN}/0/0/0.png`);
  expect(requested.some((url) => url.startsWith(OTHER_ORIGIN))).toBe(false);
});
