/**
 * The meter's validated history from the enterprise (issue 19 §4): MeterReadings created / reply as
 * MDMs write them, imported through the inbound path as the history the next hand read is checked
 * against, kept as the enterprise's and never queued to be sent back.
 *
 * Written after published structures, not copied captures:
 * - the Connexo form: the typed CreatedMeterReadings wrapper of CX MeterReadingsMessage.xsd
 *   (shared/cim NOTES.md §1), ReadingType@ref the 18-part code as Connexo's CIM export writes it,
 *   Meter by mRID and Names, times with their offsets, MDM ReadingQualities `3.0.1` (system 3 MDM,
 *   category 0 valid, index 1 validated; CBO QualityCodeSystem/Category/Index, NOTES.md §8) and
 *   `3.7.3` (edited: rejected), register reads also as IntervalBlocks;
 * - the reply form: a generic 61968-100 ResponseMessage (Message.xsd: Header, Reply, Payload) with
 *   ReadingType@ref the MDM's own key, named by `MeterReadings/ReadingType` mRID + Names/name
 *   (MeterReadings.xsd), as an MDM that keys reading types by its own ids answers a get.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { saveManualReadings } from '../../../electron/services/readings/saveReadings';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore, type Store } from '../../../electron/services/store';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { csv, KWH, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { messageXsd, payloadXsd, typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { refusedWith } from '../../support/refusal';

const actor = { name: 't', role: 'supervisor' } as const;

const reading = (at: string, value: string, quality: string, type = KWH) => `        <m:Readings>
          <m:timeStamp>${at}</m:timeStamp>
          <m:value>${value}</m:value>
          <m:ReadingQualities><m:ReadingQualityType ref="${quality}"/></m:ReadingQualities>
          <m:ReadingType ref="${type}"/>
        </m:Readings>`;

const connexoHistory = (id: string) => `<?xml version="1.0" encoding="UTF-8"?>
<ns2:CreatedMeterReadings xmlns:ns2="http://iec.ch/TC57/2011/MeterReadingsMessage" xmlns="http://iec.ch/TC57/2011/schema/message" xmlns:m="http://iec.ch/TC57/2011/MeterReadings#">
  <ns2:Header>
    <Verb>created</Verb>
    <Noun>MeterReadings</Noun>
    <Timestamp>2026-11-20T06:00:00+01:00</Timestamp>
    <Source>Connexo</Source>
    <MessageID>${id}</MessageID>
  </ns2:Header>
  <ns2:Payload>
    <m:MeterReadings>
      <m:MeterReading>
        <m:IntervalBlocks>
          <m:IntervalReadings>
            <m:timeStamp>2026-10-15T00:00:00+02:00</m:timeStamp>
            <m:value>1100</m:value>
            <m:ReadingQualities><m:ReadingQualityType ref="3.0.1"/></m:ReadingQualities>
          </m:IntervalReadings>
          <m:ReadingType ref="${KWH}"/>
        </m:IntervalBlocks>
        <m:Meter>
          <m:mRID>5b0c3e1a-8d1e-4c55-9c3a-2f64c1d0e100</m:mRID>
          <m:Names><m:name>E100</m:name></m:Names>
        </m:Meter>
${reading('2026-10-31T00:00:00+01:00', '1200', '3.0.1')}
${reading('2026-11-05T00:00:00+01:00', '1350', '3.7.3')}
      </m:MeterReading>
      <m:MeterReading>
        <m:Meter><m:Names><m:name>E999</m:name></m:Names></m:Meter>
${reading('2026-10-31T00:00:00+01:00', '77', '3.0.1')}
      </m:MeterReading>
    </m:MeterReadings>
  </ns2:Payload>
</ns2:CreatedMeterReadings>
`;

const replyWithNames = (id: string, name: string, at = '2026-11-10T00:00:00-05:00') => `<?xml version="1.0" encoding="UTF-8"?>
<ResponseMessage xmlns="http://iec.ch/TC57/2011/schema/message">
  <Header>
    <Verb>reply</Verb>
    <Noun>MeterReadings</Noun>
    <Timestamp>2026-11-20T05:00:00Z</Timestamp>
    <Source>MDM</Source>
    <MessageID>${id}</MessageID>
    <CorrelationID>GET-17</CorrelationID>
  </Header>
  <Reply><Result>OK</Result></Reply>
  <Payload>
    <m:MeterReadings xmlns:m="http://iec.ch/TC57/2011/MeterReadings#">
      <m:MeterReading>
        <m:Readings>
          <m:timeStamp>${at}</m:timeStamp>
          <m:value>1250.0</m:value>
          <m:ReadingQualities><m:ReadingQualityType ref="3.0.1"/></m:ReadingQualities>
          <m:ReadingType ref="MDM-RT-000042"/>
        </m:Readings>
        <m:UsagePoint><m:mRID>UP-1</m:mRID></m:UsagePoint>
      </m:MeterReading>
      <m:ReadingType>
        <m:mRID>MDM-RT-000042</m:mRID>
        <m:Names><m:name>${name}</m:name></m:Names>
      </m:ReadingType>
    </m:MeterReadings>
  </Payload>
</ResponseMessage>
`;

const payloadOf = (xml: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${/<m:MeterReadings [^>]*>[\s\S]*<\/m:MeterReadings>/.exec(xml)![0]}\n`;

function seeded(dir: string): Store {
  const store = openStore(join(dir, 'field.db'));
  importRoute(store, actor, { fileName: 'r.csv', content: csv(row({ last: '1000', date: '2026-10-01' })), acceptValidRows: false });
  return store;
}

const count = (store: Store, table: string) => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe("the meter's validated history from the enterprise", () => {
  const tempDir = useTempDir();

  it.skipIf(xsdSkipReason !== null)('both forms are valid against the 61968-9 / -100 schemas', () => {
    expect(validateXml(connexoHistory('MR-1'), typedXsd('MeterReadings')).errors).toEqual([]);
    const reply = replyWithNames('MR-2', '1-0:1.8.0*255');
    expect(validateXml(reply, messageXsd).errors).toEqual([]);
    expect(validateXml(payloadOf(reply), payloadXsd('MeterReadings')).errors).toEqual([]);
  });

  it("becomes the history the next hand read is checked against, kept as the enterprise's, never sent back", () => {
    const store = seeded(tempDir());
    try {
      const outboxBefore = count(store, 'outbox');
      expect(applyInboundMessage(store, actor, connexoHistory('MR-1'), { now: new Date('2026-11-20T05:00:00Z') }).applied).toEqual({
        readingsStored: 3,
        readingsKnown: 0,
        readingsNotImported: 1,
      });
      const register = store.meters.get('UP-1')!.registers[0]!;
      // The newest value the MDM did not reject, its time in UTC: 1350 was rejected (3.7.3).
      expect([register.lastValue, register.lastReadAt]).toEqual(['1200', '2026-10-30T23:00:00.000Z']);
      expect(store.enterpriseReadings.ofRegister(register.id).map((r) => [r.readAt, r.value, r.qualities, r.messageId])).toEqual([
        ['2026-10-14T22:00:00.000Z', '1100', ['3.0.1'], 'MR-1'],
        ['2026-10-30T23:00:00.000Z', '1200', ['3.0.1'], 'MR-1'],
        ['2026-11-04T23:00:00.000Z', '1350', ['3.7.3'], 'MR-1'],
      ]);
      // The meter's history lists them newest first, with the register they belong to (enterpriseReadings.list).
      expect(store.enterpriseReadings.atUsagePoint('UP-1', 2).map((r) => [r.readAt, r.value, r.qualities, r.readingType])).toEqual([
        ['2026-11-04T23:00:00.000Z', '1350', ['3.7.3'], KWH],
        ['2026-10-30T23:00:00.000Z', '1200', ['3.0.1'], KWH],
      ]);
      expect(store.enterpriseReadings.atUsagePoint('UP-2', 10)).toEqual([]);
      expect(count(store, 'outbox')).toBe(outboxBefore);
      expect(count(store, 'reading_sets')).toBe(0);
      expect(applyInboundMessage(store, actor, connexoHistory('MR-1')).duplicate).toBe(true);

      // 1150 is above the route list's 1000 but below the MDM's validated 1200: the check says so.
      const save = () =>
        saveManualReadings(
          store,
          actor,
          { usagePointId: 'UP-1', values: [{ registerId: register.id, value: '1150' }] },
          { settings: defaultValidationSettings, photoDir: join(tempDir(), 'photos'), now: new Date('2026-11-23T09:00:00Z') },
        );
      expect(save).toThrow(expect.objectContaining({ code: 'NEEDS_CONFIRMATION' }));
    } finally {
      store.close();
    }
  });

  it('resolves a ReadingType the MDM keys by its own mRID through its Names/name, and refuses one it cannot resolve', () => {
    const store = seeded(tempDir());
    try {
      expect(applyInboundMessage(store, actor, replyWithNames('MR-2', '1-0:1.8.0*255')).applied).toMatchObject({ readingsStored: 1 });
      const register = store.meters.get('UP-1')!.registers[0]!;
      expect([register.lastValue, register.lastReadAt]).toEqual(['1250', '2026-11-10T05:00:00.000Z']);

      expect(() => applyInboundMessage(store, actor, replyWithNames('MR-3', 'reactive energy Q4'))).toThrow(
        refusedWith('readingTypeUnknown', { readingType: 'MDM-RT-000042 (MDM-RT-000042, reactive energy Q4)' }),
      );
      expect(() => applyInboundMessage(store, actor, replyWithNames('MR-4', '1.8.0', '2026-11-12T00:00:00'))).toThrow(
        refusedWith('badValue', { value: '2026-11-12T00:00:00', expected: 'zonedDateTime' }),
      );
      // Refused: nothing of either applied.
      expect(count(store, 'enterprise_readings')).toBe(1);
    } finally {
      store.close();
    }
  });
});
