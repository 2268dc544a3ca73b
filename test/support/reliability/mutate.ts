/** fast-check arbitraries that start from a valid value and break one part of it. */
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Values that tend to find edge cases in validation: sizes, types, encodings, paths. */
export const nastyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    '',
    ' ',
    '\u0000',
    '../../../etc/passwd',
    '%2e%2e/',
    '<script>x</script>',
    "'; DROP TABLE readings;--",
    '1e309',
    '-0',
    'NaN',
    '😀'.repeat(50),
  ),
  fc.constantFrom<Json>(0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, Number.MIN_VALUE),
  fc.string({ minLength: 200, maxLength: 5000 }),
  // JSON.parse makes __proto__ an own key, as it would be in a request body.
  fc.constantFrom<Json>([], {}, [null], JSON.parse('{"__proto__":{"polluted":true}}') as Json, { constructor: { prototype: { x: 1 } } }),
);

/** Every path to a value inside `value` ([] is the value itself). */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const own = [prefix];
  if (Array.isArray(value)) return own.concat(value.flatMap((v, i) => paths(v, [...prefix, i])));
  if (value !== null && typeof value === 'object') return own.concat(Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k])));
  return own;
}

function setAt(value: Json, path: readonly (string | number)[], replacement: Json | undefined): Json | undefined {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = setAt(copy[head as number] ?? null, rest, replacement);
    if (next === undefined) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy = { ...(value as Record<string, Json>) };
  const next = setAt(copy[head as string] ?? null, rest, replacement);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
}

/** A valid input with one part replaced by a nasty value, removed, or joined by an extra key. */
export function mutated(valid: Json): fc.Arbitrary<Json> {
  const all = paths(valid);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...all), nastyValue).map(([p, v]) => setAt(valid, p, v) ?? null),
    fc.constantFrom(...all).map((p) => setAt(valid, p, undefined) ?? null),
    fc
      .tuple(fc.string({ maxLength: 20 }), nastyValue)
      .map(([k, v]) => (valid !== null && typeof valid === 'object' && !Array.isArray(valid) ? { ...valid, [k]: v } : v)),
  );
}

export type { Json };
