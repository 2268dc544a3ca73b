/**
 * A GetMeterReadings that names its ReadingType by Names/name (issue 19 §4), written as the typed
 * GetMeterReadings wrapper of CX GetMeterReadingsMessage.xsd carries it: Header, then Request with
 * the GetMeterReadings element (GetMeterReadings.xsd: ReadingType has mRID and/or Names). The name
 * resolves through the code tables against the meter's registers (an OBIS code, a register label,
 * an 18-part code); an unknown name refuses the request instead of widening it to every register.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { csv, KWH, KWH_T1, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';
import { refusedWith } from '../../support/refusal';

const actor = { name: 't', role: 'supervisor' } as const;

function getMeterReadings(id: string, readingTypes: readonly string[]): string {
  const types = readingTypes.map((t) =>
    t.startsWith('mRID:')
      ? `        <m:ReadingType><m:mRID>${t.slice(5)}</m:mRID></m:ReadingType>`
      : `        <m:ReadingType><m:Names><m:name>${t}</m:name></m:Names></m:ReadingType>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<ns2:GetMeterReadings xmlns:ns2="http://iec.ch/TC57/2011/GetMeterReadingsMessage" xmlns="http://iec.ch/TC57/2011/schema/message" xmlns:m="http://iec.ch/TC57/2011/GetMeterReadings#">
  <ns2:Header>
    <Verb>get</Verb>
    <Noun>MeterReadings</Noun>
    <Timestamp>2026-11-02T08:00:00Z</Timestamp>
    <Source>MDM</Source>
    <MessageID>${id}</MessageID>
  </ns2:Header>
  <ns2:Request>
    <m:GetMeterReadings>
      <m:EndDevice><m:Names><m:name>E100</m:name></m:Names></m:EndDevice>
${types.join('\n')}
    </m:GetMeterReadings>
  </ns2:Request>
</ns2:GetMeterReadings>
`;
}

describe('GetMeterReadings with ReadingType by Names/name', () => {
  const tempDir = useTempDir();
  const seeded = () => {
    const store = openStore(join(tempDir(), 'field.db'));
    importRoute(store, actor, {
      fileName: 'r.csv',
      content: csv(row(), row({ type: KWH_T1, label: 'Import T1' })),
      acceptValidRows: false,
    });
    return store;
  };

  it.skipIf(xsdSkipReason !== null)('the request is valid against GetMeterReadingsMessage.xsd', () => {
    expect(validateXml(getMeterReadings('GMR-X', ['1-0:1.8.0*255', `mRID:${KWH}`]), typedXsd('GetMeterReadings')).errors).toEqual([]);
  });

  it('resolves an OBIS name and a register label to the ReadingTypes asked for', () => {
    const store = seeded();
    try {
      expect(applyInboundMessage(store, actor, getMeterReadings('GMR-1', ['1-0:1.8.0*255'])).applied).toEqual({
        readRequestsAdded: 1,
        readRequestsKnown: 0,
      });
      expect(applyInboundMessage(store, actor, getMeterReadings('GMR-2', ['import t1', `mRID:${KWH}`])).applied).toMatchObject({
        readRequestsAdded: 1,
      });
      const wanted = store.db.prepare('SELECT message_id AS id, reading_types AS types FROM read_requests ORDER BY id').all() as {
        id: string;
        types: string;
      }[];
      expect(wanted.map((w) => [w.id, JSON.parse(w.types) as string[]])).toEqual([
        ['GMR-1', [KWH]],
        ['GMR-2', [KWH, KWH_T1]],
      ]);
    } finally {
      store.close();
    }
  });

  it('refuses an unknown name or a malformed mRID with the reason, asking for nothing', () => {
    const store = seeded();
    try {
      expect(() => applyInboundMessage(store, actor, getMeterReadings('GMR-3', ['1-0:1.8.0*255', 'Energy A+ (kWh) daily']))).toThrow(
        refusedWith('readingTypeUnknown', { readingType: 'Energy A+ (kWh) daily', at: ['UP-1'] }),
      );
      expect(() => applyInboundMessage(store, actor, getMeterReadings('GMR-4', ['mRID:kWh-delivered']))).toThrow(
        refusedWith('badValue', { field: 'ReadingType/mRID', value: 'kWh-delivered', expected: 'readingTypeCode' }),
      );
      expect(store.db.prepare('SELECT count(*) FROM read_requests').pluck().get()).toBe(0);
    } finally {
      store.close();
    }
  });
});
