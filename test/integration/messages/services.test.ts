/**
 * Node side of the messages: Payload/Compressed (gzip + base64), the validator over a schema
 * folder the utility provides, and rendering an outbox row written by saveReadings.
 */
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMessage, parseMessage, renderOutboxRow, type CimMessage } from '../../../shared/cim';
import { compressPayload, decompressPayload } from '../../../electron/services/messages/compression';
import { readOutboxRows } from '../../../electron/services/messages/renderOutbox';
import { createXsdValidator, extractPayload } from '../../../electron/services/messages/xsdValidator';
import { loadDemoRoute, TRAINING_SETUP } from '../../../electron/services/fieldmeter';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { skipVisit } from '../../../electron/services/readings/skipVisit';
import { openStore } from '../../../electron/services/store';
import { fixtures, meterReadingsBody } from '../../unit/cim/fixtures';
import { cimDir, xsdSkipReason } from '../../support/xsd';
import { useTempDir } from '../../support/tempDir';

describe('Payload/Compressed', () => {
  it('compresses the payload element and inflates it back to the same payload', () => {
    const compressed = compressPayload({ kind: 'xml', body: meterReadingsBody, format: 'XML' });
    expect(compressed.data).toMatch(/^H4sI/); // gzip magic in base64
    const message: CimMessage = {
      kind: 'event',
      header: { verb: 'created', noun: 'MeterReadings', messageID: 'c-1' },
      payload: compressed,
    };
    const parsed = parseMessage(buildMessage(message, { form: 'generic' }));
    expect(parsed.kind === 'event' && parsed.payload?.kind).toBe('compressed');
    if (parsed.kind !== 'event' || parsed.payload?.kind !== 'compressed') throw new Error('expected a compressed payload');
    expect(decompressPayload(parsed.payload)).toEqual({ kind: 'xml', body: meterReadingsBody, format: 'XML' });
  });

  it('refuses a gzip bomb, non-gzip data and a DOCTYPE inside the compressed payload', () => {
    const bomb = gzipSync(Buffer.alloc(5_000_000, 0x20)).toString('base64');
    expect(() => decompressPayload({ kind: 'compressed', data: bomb }, { maxChars: 1_000_000, maxDepth: 48 })).toThrow(/inflates beyond/);
    expect(() => decompressPayload({ kind: 'compressed', data: 'bm90IGd6aXA=' })).toThrow(/not gzip/);
    const dtd = gzipSync(Buffer.from('<!DOCTYPE x [<!ENTITY a "b">]><MeterReadings/>')).toString('base64');
    expect(() => decompressPayload({ kind: 'compressed', data: dtd })).toThrow(/DOCTYPE/);
  });
});

describe('outbox rendering', () => {
  const tempDir = useTempDir();

  // The payload is written through the journal exactly as saveReadings.ts enqueues it (its shape is
  // the schema of kind meterReadings checks); saveReadings itself is being extended in parallel.
  it('renders an outbox row with its MessageID, the same bytes on every retry', () => {
    const store = openStore(join(tempDir(), 'fm.db'));
    try {
      loadDemoRoute(store, TRAINING_SETUP);
      const meter = store.meters.get('UP-1004');
      if (!meter) throw new Error('demo meter UP-1004 missing');
      const readAt = '2026-05-01T10:05:00.000Z';
      store.journal.enqueue(
        'meterReadings',
        {
          meter: meter.meterSerial,
          usagePoint: meter.usagePointId,
          readings: meter.registers.map((r, i) => ({
            readingType: r.readingType,
            value: String(40_000 + i),
            timeStamp: readAt,
            qualities: ['2.4.131'],
          })),
        },
        { usagePointId: meter.usagePointId },
      );
      const [row] = readOutboxRows(store, { status: 'pending' });
      if (!row) throw new Error('no outbox row');
      const first = renderOutboxRow(row, { source: 'FIELDMETER-01' }, 'typed');
      expect(renderOutboxRow(readOutboxRows(store)[0]!, { source: 'FIELDMETER-01' }, 'typed')).toBe(first);
      const parsed = parseMessage(first);
      expect(parsed.kind).toBe('event');
      if (parsed.kind !== 'event' || parsed.payload?.kind !== 'xml' || parsed.payload.body.noun !== 'MeterReadings')
        throw new Error('expected MeterReadings');
      expect(parsed.header.messageID).toBe(row.messageId);
      const [reading] = parsed.payload.body.value.meterReadings;
      expect(reading?.meter?.names?.[0]?.name).toBe(meter.meterSerial);
      expect(reading?.readings?.map((r) => r.value)).toEqual(meter.registers.map((_r, i) => String(40_000 + i)));
      // coincident readings: one timestamp for the visit
      expect(new Set(reading?.readings?.map((r) => r.timeStamp)).size).toBe(1);
      expect(reading?.readings?.every((r) => r.readingQualities?.[0]?.readingQualityType === '2.4.131')).toBe(true);
    } finally {
      store.close();
    }
  });
});

describe('extracting the payload of a generic envelope', () => {
  it('carries the envelope namespace declarations along', () => {
    const xml =
      '<msg:EventMessage xmlns:msg="urn:m" xmlns:x="urn:x"><msg:Header/><msg:Payload><x:MeterReadings><x:MeterReading/></x:MeterReadings></msg:Payload></msg:EventMessage>';
    expect(extractPayload(xml)).toEqual({
      noun: 'MeterReadings',
      xml: '<?xml version="1.0" encoding="UTF-8"?>\n<x:MeterReadings xmlns:msg="urn:m" xmlns:x="urn:x"><x:MeterReading/></x:MeterReadings>\n',
      // The payload's element is its line 2 and line 1 of the message.
      lineOffset: -1,
    });
  });
});

describe.skipIf(xsdSkipReason !== null)(
  `validator over the utility's schema folder${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
  () => {
    const validator = () => createXsdValidator(cimDir);

    it('picks the typed wrapper, or Message.xsd then the payload schema', () => {
      const message = fixtures[0]!.message;
      const typed = validator().validate(buildMessage(message));
      expect(typed).toMatchObject({ valid: true, errors: [] });
      expect(typed.schemas.map((s) => s.split('/').pop())).toEqual(['MeterReadingsMessage.xsd']);
      const generic = validator().validate(buildMessage(message, { form: 'generic' }));
      expect(generic).toMatchObject({ valid: true, errors: [] });
      expect(generic.schemas.map((s) => s.split('/').pop())).toEqual(['Message.xsd', 'MeterReadings.xsd']);
    });

    it('reports a payload error found only by the second step, with its line', () => {
      const xml = buildMessage(fixtures[0]!.message, { form: 'generic' }).replace(
        '<m:value>12345.678</m:value>',
        '<m:value>12345.678</m:value><m:bogus/>',
      );
      const result = validator().validate(xml);
      expect(result.valid).toBe(false);
      expect(result.errors[0]).toMatch(/^payload MeterReadings: line \d+: .*bogus/);
    });

    it('says which schema is missing from the folder', () => {
      expect(() => createXsdValidator(join(cimDir, 'examples')).validate(buildMessage(fixtures[0]!.message))).toThrow(
        /has no MeterReadingsMessage.xsd/,
      );
    });
  },
);

describe.skipIf(xsdSkipReason !== null)(
  `what a visit queues renders to valid messages${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`,
  () => {
    const tempDir = useTempDir();

    it('a saved reading with a confirmed out-of-range value and a skipped visit both validate', () => {
      const dir = tempDir();
      const store = openStore(join(dir, 'fm.db'));
      try {
        loadDemoRoute(store, TRAINING_SETUP);
        const actor = { name: 't', role: 'technician' } as const;
        const meter = store.meters.get('UP-1004')!;
        const context = { settings: { lowFactor: 0.5, highFactor: 2, maxDemand: 500 }, photoDir: join(dir, 'photos') };
        store.meters.setAverageDailyUse(meter.registers[0]!.id, 1); // so that a big jump is out of range
        saveManualReadings(
          store,
          actor,
          {
            usagePointId: 'UP-1004',
            values: meter.registers.map((r, i) => ({
              registerId: r.id,
              value: String(Number(r.lastValue) + 90_000 - i),
              // Every register jumps far past its usual use; the first one's reason tests escaping.
              confirmation: { method: 'reason' as const, reason: i === 0 ? 'meter replaced & re-sealed <new>' : 'meter replaced' },
            })),
          },
          context,
        );
        skipVisit(store, actor, { usagePointId: 'UP-1005', code: 'tamperSuspected', note: 'seal "broken"', photoIds: [] });
        const rows = readOutboxRows(store, { status: 'pending' }).filter((r) => r.kind === 'meterReadings');
        expect(rows).toHaveLength(2);
        const validator = createXsdValidator(cimDir);
        for (const row of rows) {
          const xml = renderOutboxRow(row, { source: 'FIELDMETER-01' }, 'typed');
          expect(validator.validate(xml), xml).toMatchObject({ valid: true, errors: [] });
        }
        const skip = parseMessage(renderOutboxRow(rows[1]!, { source: 'FIELDMETER-01' }, 'typed'));
        if (skip.kind !== 'event' || skip.payload?.kind !== 'xml' || skip.payload.body.noun !== 'MeterReadings')
          throw new Error('expected MeterReadings');
        const reading = skip.payload.body.value.meterReadings[0]?.readings?.[0];
        expect(reading?.value).toBeUndefined();
        expect(reading?.readingQualities?.[0]).toMatchObject({ readingQualityType: '2.5.259', comment: 'Tamper suspected: seal "broken"' });
      } finally {
        store.close();
      }
    });
  },
);
