/**
 * Typed access to a tree from parseXmlSafely: every element is a list of values, a value is a
 * string (text-only element) or an object (child lists, '@_attr' strings, '#text').
 * Readers for each payload use these so no `any` leaks out.
 */
import { CimXmlError } from './xmlError';

export type XmlValue = string | { readonly [key: string]: unknown };

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references (XML 1.0 §4.6, §4.1); anything else is an error. */
export function decodeXmlText(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new CimXmlError('MALFORMED', `bare "&" in text near "${whole.slice(0, 20)}"`);
    const named = PREDEFINED[ref];
    if (named !== undefined) return named;
    const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref)
      ? parseInt(ref.slice(2), 16)
      : /^#[0-9]{1,7}$/.test(ref)
        ? parseInt(ref.slice(1), 10)
        : NaN;
    if (Number.isNaN(code) || code > 0x10ffff)
      throw new CimXmlError('MALFORMED', `entity "&${ref};" is not allowed (no DTD: only the XML predefined entities)`);
    return String.fromCodePoint(code);
  });
}

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function children(node: XmlValue | undefined, name: string): XmlValue[] {
  if (!isObject(node)) return [];
  const list = node[name];
  return Array.isArray(list) ? (list as XmlValue[]) : [];
}

export function child(node: XmlValue | undefined, name: string): XmlValue | undefined {
  return children(node, name)[0];
}

export function textOf(value: XmlValue): string {
  if (typeof value === 'string') return decodeXmlText(value);
  const text = value['#text'];
  return typeof text === 'string' ? decodeXmlText(text) : '';
}

export function str(node: XmlValue | undefined, name: string): string | undefined {
  const value = child(node, name);
  return value === undefined ? undefined : textOf(value);
}

export function reqStr(node: XmlValue | undefined, name: string, where: string): string {
  const value = str(node, name);
  if (value === undefined) throw new CimXmlError('INVALID_MESSAGE', `${where}: required element ${name} is missing`);
  return value;
}

export function bool(node: XmlValue | undefined, name: string): boolean | undefined {
  const value = str(node, name)?.trim();
  if (value === undefined) return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new CimXmlError('INVALID_MESSAGE', `${name}: "${value}" is not an xs:boolean`);
}

export function int(node: XmlValue | undefined, name: string): number | undefined {
  const value = str(node, name)?.trim();
  if (value === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(value)) throw new CimXmlError('INVALID_MESSAGE', `${name}: "${value}" is not an xs:integer`);
  return Number(value);
}

export function attr(value: XmlValue | undefined, name: string): string | undefined {
  if (!isObject(value)) return undefined;
  const raw = value[`@_${name}`];
  return typeof raw === 'string' ? decodeXmlText(raw) : undefined;
}

/** The `ref` attribute of a child such as `<ReadingType ref="…"/>`; required where the XSD says so. */
export function reqRef(node: XmlValue | undefined, name: string, where: string): string {
  const ref = attr(child(node, name), 'ref');
  if (ref === undefined) throw new CimXmlError('INVALID_MESSAGE', `${where}: ${name}@ref is missing`);
  return ref;
}

/** Maps a repeated child; an absent list reads as undefined so build → parse round-trips. */
export function many<T>(node: XmlValue | undefined, name: string, read: (value: XmlValue) => T): T[] | undefined {
  const list = children(node, name);
  return list.length === 0 ? undefined : list.map(read);
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new CimXmlError('INVALID_MESSAGE', `${name}: "${value}" is not one of ${allowed.join(', ')}`);
  return value as T;
}
