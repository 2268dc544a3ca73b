/**
 * A German screen must not show a text of the English table (issue 17 §2). The page's text —
 * every text node of a visible element, option texts, and placeholder / aria-label / title / alt —
 * is compared with the English catalog: a text that is an English value (or an English pattern
 * with its {{variables}} filled in) whose German differs, and that no German text says as well,
 * is English left on a German screen.
 */
import { expect, type Page } from '@playwright/test';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`)));
}

/**
 * Texts that are the same word in both languages although a key translates them differently
 * elsewhere. Kept short: each one is a word German uses as it is.
 */
const sameInBoth = new Set<string>([
  'OBIS', // the standard's name for the register address (IEC 62056-61)
  'Export', // German uses the word as it is
  'Status',
]);

const english = new Map(leaves(en as unknown as Tree));
const german = new Map(leaves(de as unknown as Tree));
const germanTexts = new Set(german.values());
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English texts whose German differs, as exact strings and as patterns with their variables as wildcards. */
const untranslated = [...english]
  .filter(([key, text]) => text.trim() !== '' && german.get(key) !== text && !germanTexts.has(text) && !sameInBoth.has(text))
  .map(([key, text]) => {
    const literal = text.replace(/\{\{\s*\w+\s*\}\}/g, '').replace(/[^\p{L}]/gu, '');
    // A pattern that is all variables ("{{name}}") or one short word says nothing on its own.
    if (literal.length < 3) return null;
    const pattern = text.includes('{{') ? new RegExp(`^${text.split(/\{\{\s*\w+\s*\}\}/).map(escape).join('.+?')}$`, 'u') : null;
    return { key, text, pattern };
  })
  .filter((x): x is { key: string; text: string; pattern: RegExp | null } => x !== null);

/** German texts and patterns: a text the German table says is German, whatever English pattern it also fits. */
const germanPatterns = [...german.values()].filter((t) => t.includes('{{') && t.replace(/\{\{\s*\w+\s*\}\}/g, '').replace(/[^\p{L}]/gu, '').length >= 3).map((t) => new RegExp(`^${t.split(/\{\{\s*\w+\s*\}\}/).map(escape).join('.+?')}$`, 'u'));
const isGerman = (shown: string) => germanTexts.has(shown) || germanPatterns.some((p) => p.test(shown));

interface PageNode {
  readonly nodeType: number;
  readonly textContent: string | null;
}
interface PageElement {
  readonly tagName: string;
  readonly childNodes: ArrayLike<PageNode>;
  getAttribute(name: string): string | null;
  checkVisibility(options?: { checkVisibilityCSS?: boolean }): boolean;
}
interface PageScope {
  readonly document: { querySelectorAll(selector: string): Iterable<PageElement> };
}

/** Every text a person can read on the page now (each text node on its own, trimmed). */
export async function textsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageScope;
    const out = new Set<string>();
    for (const el of document.querySelectorAll('body *')) {
      if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
      const shown = el.tagName === 'OPTION' || el.checkVisibility({ checkVisibilityCSS: true });
      if (!shown) continue;
      for (const node of Array.from(el.childNodes)) {
        const text = node.nodeType === 3 ? (node.textContent ?? '').trim() : '';
        if (text) out.add(text);
      }
      for (const name of ['placeholder', 'aria-label', 'title', 'alt']) {
        const text = el.getAttribute(name)?.trim();
        if (text) out.add(text);
      }
    }
    return [...out];
  });
}

/** The English texts on the page, each with the catalog key it comes from. */
export async function englishOnScreen(page: Page): Promise<string[]> {
  const texts = await textsOnScreen(page);
  return texts.flatMap((shown) => {
    if (isGerman(shown)) return [];
    const hit = untranslated.find((u) => u.text === shown || u.pattern?.test(shown));
    return hit ? [`"${shown}" (en ${hit.key})`] : [];
  });
}

export async function expectNoEnglish(page: Page, screen: string): Promise<void> {
  expect(await englishOnScreen(page), `English text on the German ${screen} screen`).toEqual([]);
}
