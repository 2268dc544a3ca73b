/** Both languages say the same things (issue 17 §2): the same keys, the same interpolation variables. */
import { describe, expect, it } from 'vitest';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as `path → text`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const variables = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

describe('the English and German catalogs', () => {
  const english = leaves(en as unknown as Tree);
  const german = leaves(de as unknown as Tree);

  it('have the same keys', () => {
    expect([...german.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !german.has(k))).toEqual([]);
  });

  it('use the same interpolation variables in each text', () => {
    const differ = [...english]
      .filter(([key, text]) => variables(text).join() !== variables(german.get(key) ?? '').join())
      .map(([key, text]) => `${key}: en {${variables(text).join()}} de {${variables(german.get(key) ?? '').join()}}`);
    expect(differ).toEqual([]);
  });

  it('leave no German text empty where the English one says something', () => {
    expect([...english].filter(([key, text]) => text.trim() !== '' && (german.get(key) ?? '').trim() === '').map(([key]) => key)).toEqual(
      [],
    );
  });
});
