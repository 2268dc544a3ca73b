/**
 * Labels keep their words whole (issue 17 §1: a German counter label read "Abgelehn t" on a phone).
 * Each word of a label is measured with a DOM Range: a word set on one line has its boxes on one
 * line; boxes on two lines mean the word was broken inside. Words of letters only are checked
 * (German compounds included); serials, ids and paths may break where the layout needs it.
 */
import { expect, type Page } from '@playwright/test';

/** The label-like elements: names of fields, counters, columns, tabs, buttons and headings. */
const LABELS = 'label, dt, th, legend, summary, button, [role="tab"], h1, h2, h3, h4';

/** What the page's check touches; the Node project has no DOM types on purpose. */
interface Rect {
  readonly top: number;
  readonly width: number;
  readonly height: number;
}
interface TextNode {
  readonly data: string;
}
interface Scope {
  readonly document: {
    querySelectorAll(
      selector: string,
    ): Iterable<{ checkVisibility(): boolean; getAttribute(name: string): string | null; closest(selector: string): unknown }>;
    createTreeWalker(root: unknown, what: number): { nextNode(): TextNode | null };
    createRange(): {
      setStart(node: TextNode, offset: number): void;
      setEnd(node: TextNode, offset: number): void;
      getClientRects(): Iterable<Rect>;
    };
  };
}

/** The words broken across lines, as "word (label)". */
export async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const { document } = globalThis as unknown as Scope;
    const SHOW_TEXT = 4;
    const found: string[] = [];
    for (const label of document.querySelectorAll(selector)) {
      if (!label.checkVisibility() || label.closest('.visually-hidden')) continue;
      const walker = document.createTreeWalker(label, SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.data.matchAll(/\p{L}{2,}/gu)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) found.push(`${match[0]} (${node.data.trim().slice(0, 40)})`);
        }
      }
    }
    return found;
  }, LABELS);
}

export async function expectWholeWords(page: Page) {
  expect(await brokenWords(page), 'label words broken inside').toEqual([]);
}
