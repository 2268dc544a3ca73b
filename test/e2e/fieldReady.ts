/**
 * Checks that a screen is usable on a tablet held upright, on a phone and at 1280×800 (issue 17):
 * nothing scrolls sideways, the screen's primary action can be reached, every control is a touch
 * target of at least 44×44 CSS px (WCAG 2.2 success criterion 2.5.5, Target Size (Enhanced)), and
 * axe-core finds no accessibility violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The few DOM shapes the in-page checks use. The Node project has no DOM types on purpose (code
 * that runs in Node must not reach for `document`), so the page's globals are typed here.
 */
interface Box {
  readonly left: number;
  readonly top: number;
  readonly bottom: number;
  readonly width: number;
  readonly height: number;
}
interface PageElement {
  readonly tagName: string;
  readonly type?: string;
  readonly textContent: string | null;
  readonly dataset: Readonly<Record<string, string | undefined>>;
  readonly parentElement: PageElement | null;
  readonly labels?: ArrayLike<PageElement> | null;
  readonly scrollHeight: number;
  readonly clientHeight: number;
  getBoundingClientRect(): Box;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
  contains(other: PageElement): boolean;
}
interface PageScope {
  readonly innerHeight: number;
  readonly document: {
    readonly scrollingElement: { readonly scrollWidth: number; readonly clientWidth: number } | null;
    readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
    querySelectorAll(selector: string): Iterable<PageElement>;
    elementFromPoint(x: number, y: number): PageElement | null;
  };
  getComputedStyle(element: PageElement): { readonly visibility: string; readonly overflowY: string };
}

export const sizes = {
  portrait: { width: 800, height: 1280 },
  landscape: { width: 1280, height: 800 },
  phone: { width: 412, height: 915 },
} as const;
export type SizeName = keyof typeof sizes;

/** The smallest touch target, in CSS px. */
export const MIN_TARGET = 44;

/** The page does not scroll sideways: no content wider than the window. */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const { document } = globalThis as unknown as PageScope;
    const root = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(clientWidth);
}

/**
 * Every visible button, field, select and disclosure is at least 44×44 (WCAG 2.5.5 counts the
 * label's area for a control tapped through its label).
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate((min) => {
    const { document, getComputedStyle } = globalThis as unknown as PageScope;
    const found: string[] = [];
    for (const control of document.querySelectorAll('button, input, select, textarea, summary, a[href]')) {
      const style = getComputedStyle(control);
      if (style.visibility === 'hidden' || control.closest('[hidden], .visually-hidden')) continue;
      const rect = control.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      // Inside a closed <details>, only its summary is shown.
      if (control.closest('details:not([open])') && control.tagName !== 'SUMMARY') continue;
      // A checkbox, radio or file field is tapped through its label (a file field is hidden behind a
      // label styled as a button), so the label is its target.
      const throughLabel = control.tagName === 'INPUT' && ['checkbox', 'radio', 'file'].includes(control.type ?? '');
      const target = (throughLabel ? (control.labels?.[0] ?? control.closest('label')) : null) ?? control;
      const box = target.getBoundingClientRect();
      if (box.width + 0.5 < min || box.height + 0.5 < min) {
        const name = control.dataset.testid ?? control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 30) ?? '';
        found.push(`${control.tagName.toLowerCase()}[${name}] ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return found;
  }, MIN_TARGET);
}

export async function expectTouchTargets(page: Page) {
  expect(await smallTargets(page), 'controls smaller than 44×44').toEqual([]);
}

/**
 * The primary action is inside the viewport as the screen opens, or one screenful of scrolling
 * away; scrolled to, it is fully visible and nothing covers it.
 */
export async function expectPrimaryReachable(page: Page, action: Locator) {
  await expect(action).toBeVisible();
  const distance = await action.evaluate((node) => {
    const window = globalThis as unknown as PageScope;
    const { getComputedStyle } = window;
    const el = node as unknown as PageElement;
    const rect = el.getBoundingClientRect();
    let scroller = el.parentElement;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY)))
      scroller = scroller.parentElement;
    const view = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight, height: window.innerHeight };
    const visibleHeight = Math.min(view.bottom, window.innerHeight) - Math.max(view.top, 0);
    return { below: rect.bottom - Math.min(view.bottom, window.innerHeight), screenful: visibleHeight };
  });
  expect(distance.below, 'the primary action is more than one scroll away').toBeLessThanOrEqual(distance.screenful);
  await action.scrollIntoViewIfNeeded();
  // 0.99, not 1: a box at a fractional position may lose a fifth of a pixel to rounding at the edge.
  await expect(action).toBeInViewport({ ratio: 0.99 });
  const uncovered = await action.evaluate((node) => {
    const { document } = globalThis as unknown as PageScope;
    const el = node as unknown as PageElement;
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
  expect(uncovered, 'something covers the primary action').toBe(true);
}

/** The WCAG 2.x A and AA rules and best practices axe-core checks. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/**
 * axe-core itself (the same package and version @axe-core/playwright injects), read once per
 * worker. Evaluating its 1.5 MB source took 90 % of each check (AxeBuilder injects it on every
 * call, and again in a blank page to merge the frames' results); the rules ran in well under a second.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}
interface AxeScope {
  readonly document: unknown;
  readonly axe?: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
}

/**
 * axe-core on the whole page (WCAG 2.x A and AA rules and best practices): no violations. axe-core
 * is injected once per loaded document and `axe.run` called on it each time. A page with frames
 * goes through AxeBuilder, which injects axe-core into each frame and merges their results.
 */
export async function expectAccessible(page: Page) {
  let violations: string[];
  if (page.frames().length > 1) {
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    violations = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  } else {
    const loaded = await page.evaluate(() => typeof (globalThis as unknown as AxeScope).axe?.run === 'function');
    if (!loaded) await page.evaluate(axeSource);
    violations = await page.evaluate(async (tags) => {
      const { axe, document } = globalThis as unknown as AxeScope;
      const results = await axe!.run(document, { runOnly: { type: 'tag', values: tags } });
      return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, AXE_TAGS);
  }
  expect(violations, 'axe-core violations').toEqual([]);
}
