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
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

/**
 * Texts allowed on a German screen although the English table has them and their key reads
 * differently in German. An English text that German also says somewhere ("Export", "Status",
 * "OBIS") is allowed without being listed; so far no other word has needed it. Keep it short and
 * say why for each entry.
 */
const sameInBoth = new Set<string>([]);

const english = new Map(leaves(en as unknown as Tree));
const german = new Map(leaves(de as unknown as Tree));
const germanTexts = new Set(german.values());
const VARIABLE = /\{\{\s*\w+\s*\}\}/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A text with {{variables}} as a pattern that matches it filled in; null when it has no variables. */
const patternOf = (text: string) => (text.includes('{{') ? new RegExp(`^${text.split(VARIABLE).map(escape).join('.+?')}$`, 'u') : null);
/** A pattern that is all variables ("{{name}}") or one short word says nothing on its own. */
const saysSomething = (text: string) => text.replace(VARIABLE, '').replace(/[^\p{L}]/gu, '').length >= 3;

/** English texts whose German differs, as exact strings and as patterns with their variables as wildcards. */
const untranslated = [...english]
  .filter(([key, text]) => saysSomething(text) && german.get(key) !== text && !germanTexts.has(text) && !sameInBoth.has(text))
  .map(([key, text]) => ({ key, text, pattern: patternOf(text) }));

/** A text the German table says (exactly or as a filled-in pattern) is German, whatever English pattern it also fits. */
const germanPatterns = [...germanTexts].filter(saysSomething).flatMap((t) => patternOf(t) ?? []);
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
  closest(selector: string): PageElement | null;
}
interface PageScope {
  readonly document: { readonly documentElement: { readonly lang: string }; querySelectorAll(selector: string): Iterable<PageElement> };
}

/** Every text a person can read on the page now in the page's language (each text node on its own, trimmed). */
export async function textsOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageScope;
    const out = new Set<string>();
    for (const el of document.querySelectorAll('body *')) {
      if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') continue;
      const shown = el.tagName === 'OPTION' || el.checkVisibility({ checkVisibilityCSS: true });
      if (!shown) continue;
      // A part marked as another language (WCAG 3.1.2), such as "English" in the language switch, is meant so.
      const lang = el.closest('[lang]')?.getAttribute('lang');
      if (lang && lang !== document.documentElement.lang) continue;
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
