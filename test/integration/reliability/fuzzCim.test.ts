/**
 * Issue 11, fuzzing inbound IEC 61968-100 messages: valid messages built with buildMessage from
 * the unit-test fixtures (both envelope forms) are mutated at the text level — cut, duplicated,
 * characters and markup inserted, entities and DTDs injected, nesting deepened — and fed to
 * parseMessage. Each must end in a parsed result or a thrown Error with a message, quickly; never
 * a hang or a non-Error throw. FIELDMETER_SEED picks the mutations, FIELDMETER_CIM_RUNS the count.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessage, CimXmlError, parseMessage } from '../../../shared/cim';
import { AppError } from '../../../shared/contract/result';
import { applyInboundMessage, INBOUND_VERBS } from '../../../electron/services/inbound/applyMessage';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { fixtures } from '../../unit/cim/fixtures';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';

const SEED = Number(process.env.FIELDMETER_SEED ?? 11);
const RUNS = Number(process.env.FIELDMETER_CIM_RUNS ?? 1000);
/** A parse of these few-kB messages takes well under a millisecond; a second means a runaway. */
const SLOW_MS = 1000;

const valid = fixtures.flatMap(({ message }) => (['typed', 'generic'] as const).map((form) => buildMessage(message, { form })));

const markup = fc.constantFrom(
  '<',
  '>',
  '&',
  '&amp;',
  '&xxe;',
  '&#0;',
  '&#x110000;',
  ']]>',
  '<![CDATA[x]]>',
  '<!-- c -->',
  '<?pi x?>',
  '</Header>',
  '<Header>',
  '<Payload/>',
  '<!DOCTYPE m [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
  '<!DOCTYPE m [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
  ' xmlns="urn:other"',
  ' xmlns:m="http://iec.ch/TC57/2011/schema/message"',
  '\u0000',
  '\uFFFE',
  '\uD800',
  '😀',
  'é',
);

/** One text-level mutation of a message, described for the failure report. */
const mutation = (xml: string): fc.Arbitrary<[string, string]> => {
  const at = fc.nat({ max: xml.length });
  return fc.oneof(
    fc
      .tuple(at, at)
      .map(([a, b]): [string, string] => [
        `cut ${Math.min(a, b)}-${Math.max(a, b)}`,
        xml.slice(0, Math.min(a, b)) + xml.slice(Math.max(a, b)),
      ]),
    at.map((a): [string, string] => [`truncate at ${a}`, xml.slice(0, a)]),
    fc.tuple(at, markup).map(([a, m]): [string, string] => [`insert ${JSON.stringify(m)} at ${a}`, xml.slice(0, a) + m + xml.slice(a)]),
    fc
      .tuple(at, fc.string({ maxLength: 8 }))
      .map(([a, s]): [string, string] => [`replace at ${a} with ${JSON.stringify(s)}`, xml.slice(0, a) + s + xml.slice(a + s.length)]),
    fc
      .tuple(at, at)
      .map(([a, b]): [string, string] => [
        `duplicate ${Math.min(a, b)}-${Math.max(a, b)}`,
        xml.slice(0, Math.max(a, b)) + xml.slice(Math.min(a, b)),
      ]),
    fc
      .nat({ max: 20_000 })
      .map((n): [string, string] => [`nest ${n} deep`, xml.replace(/<(\w+:)?Payload>/, (p) => p + '<x>'.repeat(n) + '</x>'.repeat(n))]),
    fc.constant<[string, string]>([
      'prolog DTD',
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "http://127.0.0.1:9/">]>' + xml.replace(/^<\?xml[^>]*\?>/, ''),
    ]),
  );
};

describe(`${RUNS} mutated inbound 61968-100 messages into parseMessage`, () => {
  it('each ends in a result or an Error with a message, never a hang or a non-Error throw', () => {
    const outcomes = { parsed: 0, refused: 0 };
    const messages = new Map<string, number>();
    let slowest = 0;
    process.stderr.write(`fuzz-cim: seed ${SEED} (FIELDMETER_SEED), ${RUNS} runs over ${valid.length} valid messages\n`);
    fc.assert(
      fc.property(
        fc.nat({ max: valid.length - 1 }).chain((i) => mutation(valid[i]!)),
        ([what, xml]) => {
          const started = performance.now();
          let thrown: unknown = null;
          try {
            parseMessage(xml, undefined, { allowDraftEnvelope: true });
            outcomes.parsed++;
          } catch (error) {
            thrown = error;
            outcomes.refused++;
          }
          const ms = performance.now() - started;
          slowest = Math.max(slowest, ms);
          expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(SLOW_MS);
          if (thrown !== null) {
            expect(thrown, what).toBeInstanceOf(Error);
            const message = (thrown as Error).message;
            expect(message.trim().length, `${what}: empty message`).toBeGreaterThan(5);
            const kind = `${(thrown as Error).name}: ${message.replace(/\d+/g, 'N').slice(0, 60)}`;
            messages.set(kind, (messages.get(kind) ?? 0) + 1);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    const top = [...messages]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([m, n]) => `  ${n}× ${m}`);
    process.stderr.write(
      `fuzz-cim: ${outcomes.parsed} parsed, ${outcomes.refused} refused with an Error; slowest ${slowest.toFixed(1)} ms\n${top.join('\n')}\n`,
    );
    expect(outcomes.parsed + outcomes.refused).toBe(RUNS);
  }, 60_000);
});

describe(`${RUNS} mutated inbound messages into the streaming importer`, () => {
  const tempDir = useTempDir();
  const inbound = fixtures
    .filter(({ message }) => message.kind !== 'fault' && Object.hasOwn(INBOUND_VERBS, message.header.noun))
    .flatMap(({ message }) => (['typed', 'generic'] as const).map((form) => buildMessage(message, { form })));

  it('each is applied or refused with IMPORT_REJECTED, a refusal writes nothing, and what the parser refuses as hostile the importer refuses too', () => {
    const store = openStore(join(tempDir(), 'fm.db'));
    // The meters and usage points the fixtures name, so that unmutated messages apply.
    const content = csv(row({ up: 'UP-0001', serial: 'SN-OLD-1' }), row({ seq: '20', up: 'UP-2', serial: '0012345678' }));
    importRoute(store, { name: 'fuzz', role: 'technician' }, { fileName: 'r.csv', content, acceptValidRows: false });
    const written = () =>
      store.db
        .prepare(
          'SELECT (SELECT count(*) FROM inbox) + (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM end_devices) + (SELECT count(*) FROM usage_points) AS n',
        )
        .pluck()
        .get();
    const outcomes = { applied: 0, refused: 0 };
    let slowest = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: inbound.length - 1 }).chain((i) => mutation(inbound[i]!)),
        ([what, xml]) => {
          let hostile = false;
          try {
            parseMessage(xml, undefined, { allowDraftEnvelope: true });
          } catch (error) {
            hostile = error instanceof CimXmlError && ['DTD_FORBIDDEN', 'TOO_DEEP', 'TOO_LARGE'].includes(error.code);
          }
          const before = written();
          const started = performance.now();
          try {
            applyInboundMessage(store, { name: 'fuzz', role: 'supervisor' }, xml);
            outcomes.applied++;
            expect(hostile, `${what}: applied what the parser refuses as hostile`).toBe(false);
          } catch (error) {
            outcomes.refused++;
            expect(error, what).toBeInstanceOf(AppError);
            expect((error as AppError).code, what).toBe('IMPORT_REJECTED');
            expect(written(), `${what}: a refusal wrote something`).toBe(before);
          }
          const ms = performance.now() - started;
          slowest = Math.max(slowest, ms);
          expect(ms, `${what} took ${ms.toFixed(0)} ms`).toBeLessThan(SLOW_MS);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    process.stderr.write(
      `fuzz-cim importer: ${outcomes.applied} applied, ${outcomes.refused} refused with IMPORT_REJECTED; slowest ${slowest.toFixed(1)} ms\n`,
    );
    store.close();
  }, 120_000);
});
