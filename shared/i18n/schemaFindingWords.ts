/**
 * What a schema check found (shared/cim/xml/schemaFinding.ts), in both languages (issue 16 §3):
 * part of the error catalogs (errorWords.*.ts) under `schemaFinding`, so the Received list and the
 * CLI say a finding alike. Element and attribute names, values and types are identifiers from the
 * message or its schema, quoted ‹so› and never translated; the checker's own line stays beside the
 * words, small, for support. Each kind has words per variant: with one or several expected names,
 * with a type, an enumeration or another facet (with or without the value and the facet's limit).
 */
import type { SchemaFinding, SchemaFindingKind, StoredSchemaFinding } from '../cim/xml/schemaFinding';
import { fill, wordsAt } from './catalogText';

export const schemaFindingWordsEn = {
  /** A finding with the line of the message it is on. */
  schemaFindingAt: 'Line {{line}}: {{finding}}',
  schemaFinding: {
    notExpected: {
      one: 'The element ‹{{element}}› is not expected here; expected is ‹{{expected}}›.',
      many: 'The element ‹{{element}}› is not expected here; expected is one of ‹{{expected}}›.',
      none: 'The element ‹{{element}}› is not expected here.',
    },
    missingChild: {
      one: 'The element ‹{{element}}› lacks its child element ‹{{expected}}›.',
      many: 'The element ‹{{element}}› lacks a child element: one of ‹{{expected}}›.',
      none: 'The element ‹{{element}}› lacks a child element.',
    },
    notComplete: {
      one: 'The content of ‹{{element}}› is not complete; expected is ‹{{expected}}›.',
      many: 'The content of ‹{{element}}› is not complete; expected is one of ‹{{expected}}›.',
      none: 'The content of ‹{{element}}› is not complete.',
    },
    badValue: {
      type: 'The value ‹{{value}}› of ‹{{element}}› is not a valid ‹{{type}}›.',
      set: 'The value ‹{{value}}› of ‹{{element}}› is not allowed; allowed are ‹{{expected}}›.',
      facet: 'The value ‹{{value}}› of ‹{{element}}› breaks the schema’s rule ‹{{facet}}›.',
      facetLimit: 'The value ‹{{value}}› of ‹{{element}}› breaks the schema’s rule ‹{{facet}}› (set to ‹{{limit}}›).',
      facetUnnamed: 'The value of ‹{{element}}› breaks the schema’s rule ‹{{facet}}›.',
      facetUnnamedLimit: 'The value of ‹{{element}}› breaks the schema’s rule ‹{{facet}}› (set to ‹{{limit}}›).',
      plain: 'The content of ‹{{element}}› is not a valid value.',
    },
    badAttribute: {
      type: 'The attribute ‹{{attribute}}› of ‹{{element}}› has the value ‹{{value}}›, which is not a valid ‹{{type}}›.',
      set: 'The attribute ‹{{attribute}}› of ‹{{element}}› has the value ‹{{value}}›; allowed are ‹{{expected}}›.',
      facet: 'The attribute ‹{{attribute}}› of ‹{{element}}› has the value ‹{{value}}›, which breaks the schema’s rule ‹{{facet}}›.',
      facetLimit:
        'The attribute ‹{{attribute}}› of ‹{{element}}› has the value ‹{{value}}›, which breaks the schema’s rule ‹{{facet}}› (set to ‹{{limit}}›).',
      facetUnnamed: 'The value of the attribute ‹{{attribute}}› of ‹{{element}}› breaks the schema’s rule ‹{{facet}}›.',
      facetUnnamedLimit:
        'The value of the attribute ‹{{attribute}}› of ‹{{element}}› breaks the schema’s rule ‹{{facet}}› (set to ‹{{limit}}›).',
      plain: 'The attribute ‹{{attribute}}› of ‹{{element}}› has a value that is not valid.',
    },
    missingAttribute: 'The element ‹{{element}}› lacks its required attribute ‹{{attribute}}›.',
    notAllowedAttribute: 'The element ‹{{element}}› may not have the attribute ‹{{attribute}}›.',
    contentNotAllowed:
      'The element ‹{{element}}› holds content its schema does not allow there (text among elements, or elements in a value).',
    wellFormed: 'The message is not well-formed XML, so its schemas could not be checked.',
    other: {
      element: 'The schemas refuse something at ‹{{element}}›.',
      plain: 'The schemas refuse something in the message.',
    },
  },
};

export const schemaFindingWordsDe: typeof schemaFindingWordsEn = {
  schemaFindingAt: 'Zeile {{line}}: {{finding}}',
  schemaFinding: {
    notExpected: {
      one: 'Das Element ‹{{element}}› ist hier nicht erwartet; erwartet wird ‹{{expected}}›.',
      many: 'Das Element ‹{{element}}› ist hier nicht erwartet; erwartet wird eines von ‹{{expected}}›.',
      none: 'Das Element ‹{{element}}› ist hier nicht erwartet.',
    },
    missingChild: {
      one: 'Dem Element ‹{{element}}› fehlt sein Kindelement ‹{{expected}}›.',
      many: 'Dem Element ‹{{element}}› fehlt ein Kindelement: eines von ‹{{expected}}›.',
      none: 'Dem Element ‹{{element}}› fehlt ein Kindelement.',
    },
    notComplete: {
      one: 'Der Inhalt von ‹{{element}}› ist nicht vollständig; erwartet wird ‹{{expected}}›.',
      many: 'Der Inhalt von ‹{{element}}› ist nicht vollständig; erwartet wird eines von ‹{{expected}}›.',
      none: 'Der Inhalt von ‹{{element}}› ist nicht vollständig.',
    },
    badValue: {
      type: 'Der Wert ‹{{value}}› von ‹{{element}}› ist kein gültiger Wert vom Typ ‹{{type}}›.',
      set: 'Der Wert ‹{{value}}› von ‹{{element}}› ist nicht zulässig; zulässig sind ‹{{expected}}›.',
      facet: 'Der Wert ‹{{value}}› von ‹{{element}}› verletzt die Schemaregel ‹{{facet}}›.',
      facetLimit: 'Der Wert ‹{{value}}› von ‹{{element}}› verletzt die Schemaregel ‹{{facet}}› (festgelegt auf ‹{{limit}}›).',
      facetUnnamed: 'Der Wert von ‹{{element}}› verletzt die Schemaregel ‹{{facet}}›.',
      facetUnnamedLimit: 'Der Wert von ‹{{element}}› verletzt die Schemaregel ‹{{facet}}› (festgelegt auf ‹{{limit}}›).',
      plain: 'Der Inhalt von ‹{{element}}› ist kein gültiger Wert.',
    },
    badAttribute: {
      type: 'Das Attribut ‹{{attribute}}› von ‹{{element}}› hat den Wert ‹{{value}}›, der kein gültiger Wert vom Typ ‹{{type}}› ist.',
      set: 'Das Attribut ‹{{attribute}}› von ‹{{element}}› hat den Wert ‹{{value}}›; zulässig sind ‹{{expected}}›.',
      facet: 'Das Attribut ‹{{attribute}}› von ‹{{element}}› hat den Wert ‹{{value}}›, der die Schemaregel ‹{{facet}}› verletzt.',
      facetLimit:
        'Das Attribut ‹{{attribute}}› von ‹{{element}}› hat den Wert ‹{{value}}›, der die Schemaregel ‹{{facet}}› (festgelegt auf ‹{{limit}}›) verletzt.',
      facetUnnamed: 'Der Wert des Attributs ‹{{attribute}}› von ‹{{element}}› verletzt die Schemaregel ‹{{facet}}›.',
      facetUnnamedLimit:
        'Der Wert des Attributs ‹{{attribute}}› von ‹{{element}}› verletzt die Schemaregel ‹{{facet}}› (festgelegt auf ‹{{limit}}›).',
      plain: 'Das Attribut ‹{{attribute}}› von ‹{{element}}› hat einen ungültigen Wert.',
    },
    missingAttribute: 'Dem Element ‹{{element}}› fehlt sein Pflichtattribut ‹{{attribute}}›.',
    notAllowedAttribute: 'Das Element ‹{{element}}› darf das Attribut ‹{{attribute}}› nicht haben.',
    contentNotAllowed:
      'Das Element ‹{{element}}› enthält Inhalt, den sein Schema dort nicht erlaubt (Text zwischen Elementen oder Elemente in einem Wert).',
    wellFormed: 'Die Nachricht ist kein wohlgeformtes XML; ihre Schemas konnten daher nicht geprüft werden.',
    other: {
      element: 'Die Schemas lehnen etwas bei ‹{{element}}› ab.',
      plain: 'Die Schemas lehnen etwas in der Nachricht ab.',
    },
  },
};

type Words = typeof schemaFindingWordsEn;

/** The variants of each kind's words (a kind with one sentence has none); the test checks each has words. */
export const schemaFindingVariants = {
  notExpected: ['one', 'many', 'none'],
  missingChild: ['one', 'many', 'none'],
  notComplete: ['one', 'many', 'none'],
  badValue: ['type', 'set', 'facet', 'facetLimit', 'facetUnnamed', 'facetUnnamedLimit', 'plain'],
  badAttribute: ['type', 'set', 'facet', 'facetLimit', 'facetUnnamed', 'facetUnnamedLimit', 'plain'],
  missingAttribute: [],
  notAllowedAttribute: [],
  contentNotAllowed: [],
  wellFormed: [],
  other: ['element', 'plain'],
} as const satisfies Record<SchemaFindingKind, readonly string[]>;

/** Which words say a finding: the key under the catalogs' root and the values it fills in. */
export function schemaFindingKey(finding: SchemaFinding): { key: string; values: Record<string, string> } {
  const expected = finding.expected ?? [];
  const values: Record<string, string> = {
    element: finding.element,
    // Names are identifiers: each quoted by the words' ‹ › around the whole list.
    expected: expected.join('›, ‹'),
    value: finding.value ?? '',
    type: finding.type ?? '',
    attribute: finding.attribute ?? '',
    facet: finding.facet ?? '',
    limit: finding.limit ?? '',
  };
  const variant = ((): string | null => {
    switch (finding.kind) {
      case 'notExpected':
      case 'missingChild':
      case 'notComplete':
        return expected.length === 0 ? 'none' : expected.length === 1 ? 'one' : 'many';
      case 'badValue':
      case 'badAttribute':
        if (finding.value !== undefined && finding.facet === 'enumeration' && expected.length > 0) return 'set';
        // A facet is named whether or not libxml2 quotes the value (an element's length facets do
        // not; a key's value is never kept), with its limit where the line gave one.
        if (finding.facet) return `facet${finding.value === undefined ? 'Unnamed' : ''}${finding.limit === undefined ? '' : 'Limit'}`;
        return finding.type && finding.value !== undefined ? 'type' : 'plain';
      case 'other':
        return finding.element ? 'element' : 'plain';
      default:
        return null;
    }
  })();
  return { key: `schemaFinding.${finding.kind}${variant ? `.${variant}` : ''}`, values };
}

/**
 * A finding in a catalog's words, with its line (`lookUp` is the renderer's i18next lookup; the
 * CLI passes the catalog). A plain string kept by an earlier version is shown as written.
 */
export function saySchemaFinding(
  words: Words | ((key: string, values: Record<string, string | number>) => string),
  finding: StoredSchemaFinding,
): string {
  if (typeof finding === 'string') return finding;
  const say =
    typeof words === 'function'
      ? words
      : (key: string, values: Record<string, string | number>) => fill(wordsAt(words, key) ?? key, values);
  const { key, values } = schemaFindingKey(finding);
  const said = say(key, values);
  return finding.line === null ? said : say('schemaFindingAt', { line: finding.line, finding: said });
}

/** The checker's own line, shown small beside the words ('' for a plain string, which is its own words). */
export const schemaFindingText = (finding: StoredSchemaFinding): string => (typeof finding === 'string' ? '' : finding.text);
