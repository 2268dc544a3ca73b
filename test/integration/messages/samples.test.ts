/**
 * `fieldmeter messages samples` writes one file for every outbox kind (and each verb it is sent
 * with), rendered by the function sync uses; a kind the outbox holds no message of is synthesised
 * from the database's meter and its file says so. Every file validates against the reference XSDs.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTBOX_KINDS, outboxKinds } from '../../../shared/cim/outbox';
import { loadDemoRoute, TRAINING_SETUP } from '../../../electron/services/fieldmeter';
import { buildSampleMessages } from '../../../electron/services/messages/samples';
import { skipVisit } from '../../../electron/services/readings/skipVisit';
import { openStore, type Store } from '../../../electron/services/store';
import { samplePayloads } from '../../../electron/services/messages/sampleRows';
import { outboxSchemaErrors } from '../../support/outboxXsd';
import { messageXsd, typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { DOCUMENT_NOUN } from '../../../shared/cim/outbox/kinds';
import { useTempDir } from '../../support/tempDir';

const expected = OUTBOX_KINDS.flatMap((kind) => outboxKinds[kind].verbs.map((verb) => `${kind} ${verb}`)).sort();
const verbOf = (xml: string) => /<(?:\w+:)?Verb>(\w+)<\/(?:\w+:)?Verb>/.exec(xml)?.[1];

describe('messages samples', () => {
  const tempDir = useTempDir();
  const withDemo = (run: (store: Store) => void) => {
    const store = openStore(join(tempDir(), 'fm.db'));
    try {
      loadDemoRoute(store, TRAINING_SETUP);
      run(store);
    } finally {
      store.close();
    }
  };

  it('one file per outbox kind and verb, synthesised from the demo meter where the outbox has none, and said so', () => {
    withDemo((store) => {
      const samples = buildSampleMessages(store, { source: 'FIELDMETER-TEST' }, new Date('2026-12-01T08:00:00.000Z'));
      const outbox = samples.filter((s) => s.kind !== undefined);
      expect(outbox.map((s) => `${s.kind} ${verbOf(s.xml)}`).sort()).toEqual(expected);
      expect(new Set(samples.map((s) => s.fileName)).size).toBe(samples.length);
      for (const s of outbox) {
        expect(s.fileName, s.fileName).toMatch(new RegExp(`^[A-Za-z-]+\\.${s.kind}\\.xml$`));
        expect(s.synthesised).toBe(true);
        expect(s.xml).toMatch(
          /^<\?xml[^>]*\?>\n<!-- Outbox kind \w+ \(\w+ \w+\): synthesised from the demo data of meter \S+ at UP-\d+; this database has no such message queued\. -->\n</,
        );
      }
    });
  });

  it('a kind the outbox holds is shown by its newest queued message, not synthesised', () => {
    withDemo((store) => {
      skipVisit(
        store,
        { name: 't', role: 'technician' },
        { usagePointId: 'UP-1005', code: 'tamperSuspected', note: 'seal broken', photoIds: [] },
      );
      const queued = store.outbox.list().filter((e) => e.kind === 'skipEvent');
      expect(queued).toHaveLength(1);
      const sample = buildSampleMessages(store, { source: 'FIELDMETER-TEST' }).find((s) => s.kind === 'skipEvent')!;
      expect(sample.synthesised).toBe(false);
      expect(sample.xml).toContain(`the newest queued message of this kind, ${queued[0]!.messageId}`);
      expect(sample.xml).toContain(`>${queued[0]!.messageId}</`);
      expect(sample.xml).toContain('UP-1005');
    });
  });

  describe.skipIf(xsdSkipReason !== null)(`against the reference XSDs${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`, () => {
    it('every sample validates against its typed <Noun>Message.xsd', () => {
      withDemo((store) => {
        const problems: Record<string, string[]> = {};
        for (const s of buildSampleMessages(store, { source: 'FIELDMETER-TEST' })) {
          // GetMeterReadings has its own GetMeterReadingsMessage.xsd; other roots are <Verb><Noun>.
          const root = /^(\w+?)\./.exec(s.fileName)?.[1] ?? '';
          const noun = s.kind ? outboxKinds[s.kind].noun : root.startsWith('Get') ? root : root.replace(/^(Create|Change|Close)/, '');
          // A document has no typed wrapper: its sample is the generic envelope (Payload/Compressed).
          const errors = validateXml(s.xml, noun === DOCUMENT_NOUN ? messageXsd : typedXsd(noun ?? 'unknown')).errors;
          if (errors.length > 0) problems[s.fileName] = errors;
        }
        expect(problems).toEqual({});
      });
    }, 120_000);

    it('every kind and verb, queued through enqueue and rendered as sync sends it, validates typed and generic', () => {
      withDemo((store) => {
        const payloads = samplePayloads({
          meter: 'E3100001',
          usagePoint: 'UP-1001',
          readings: [{ readingType: '0.0.0.1.1.1.12.0.0.0.0.1.0.0.0.3.72.0', value: '1234.5' }],
          pan: { eui64: '0011223344556677', installCode: '83FED3407A939723A5C639B26916D505C3B5' },
          at: '2026-12-01T08:00:00.000Z',
        });
        const before = store.outbox.list().length;
        // The journal's typed signature is per kind; the loop over every kind goes through one that takes any.
        const enqueue = store.journal.enqueue as (
          kind: string,
          payload: unknown,
          routing: { verb: string; usagePointId: string },
        ) => string;
        for (const kind of OUTBOX_KINDS)
          for (const verb of outboxKinds[kind].verbs) enqueue(kind, payloads[kind], { verb, usagePointId: 'UP-1001' });
        const queued = store.outbox.list().slice(before);
        expect(queued.map((e) => `${e.kind} ${e.verb}`).sort()).toEqual(expected);
        expect(outboxSchemaErrors(queued)).toEqual({});
      });
    }, 120_000);
  });
});
