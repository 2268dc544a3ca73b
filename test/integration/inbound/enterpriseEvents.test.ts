/**
 * EndDeviceEvents of any kind from the enterprise (issue 19 §4), as a head end sends them: the typed
 * CreatedEndDeviceEvents wrapper of CX EndDeviceEventsMessage.xsd, the meter named in Assets by its
 * Names/name, codes as Connexo's EndDeviceEventTypeFactory writes them (device type 0: power down
 * 0.26.38.85, cover removed 0.12.141.212). An event for a meter known here is kept against that
 * meter; one for a device not known here is counted, not stored.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyInboundMessage } from '../../../electron/services/inbound/applyMessage';
import { meterEvents } from '../../../electron/services/readings/meterEvents';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore } from '../../../electron/services/store';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { typedXsd, validateXml, xsdSkipReason } from '../../support/xsd';

const actor = { name: 't', role: 'supervisor' } as const;

const event = (serial: string, code: string, at: string) => `      <m:EndDeviceEvent>
        <m:createdDateTime>${at}</m:createdDateTime>
        <m:reason>reported by the head end</m:reason>
        <m:severity>alarm</m:severity>
        <m:Assets><m:Names><m:name>${serial}</m:name></m:Names></m:Assets>
        <m:EndDeviceEventDetails><m:name>outageId</m:name><m:value>OUT-17</m:value></m:EndDeviceEventDetails>
        <m:EndDeviceEventType ref="${code}"/>
      </m:EndDeviceEvent>`;

const createdEvents = (id: string, events: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<ns2:CreatedEndDeviceEvents xmlns:ns2="http://iec.ch/TC57/2011/EndDeviceEventsMessage" xmlns="http://iec.ch/TC57/2011/schema/message" xmlns:m="http://iec.ch/TC57/2011/EndDeviceEvents#">
  <ns2:Header>
    <Verb>created</Verb>
    <Noun>EndDeviceEvents</Noun>
    <Timestamp>2026-11-02T08:00:00Z</Timestamp>
    <Source>HeadEnd</Source>
    <MessageID>${id}</MessageID>
  </ns2:Header>
  <ns2:Payload>
    <m:EndDeviceEvents>
${events.join('\n')}
    </m:EndDeviceEvents>
  </ns2:Payload>
</ns2:CreatedEndDeviceEvents>
`;

describe('EndDeviceEvents from the enterprise', () => {
  const tempDir = useTempDir();
  const xml = createdEvents('EV-1', [
    event('E100', '0.26.38.85', '2026-11-01T22:13:05Z'),
    event('E100', '0.12.141.212', '2026-11-01T22:20:00Z'),
    event('E999', '0.26.38.85', '2026-11-01T22:13:05Z'),
  ]);

  it.skipIf(xsdSkipReason !== null)('the message is valid against EndDeviceEventsMessage.xsd', () => {
    expect(validateXml(xml, typedXsd('EndDeviceEvents')).errors).toEqual([]);
  });

  it("keeps a known meter's events against it, counts the rest", () => {
    const store = openStore(join(tempDir(), 'field.db'));
    try {
      importRoute(store, actor, { fileName: 'r.csv', content: csv(row()), acceptValidRows: false });
      expect(applyInboundMessage(store, actor, xml).applied).toEqual({
        panJoined: 0,
        panJoinFailed: 0,
        eventsNotImported: 1,
        meterEventsStored: 2,
      });
      const stored = store.db
        .prepare(
          'SELECT d.serial_number AS serial, e.event_type AS type, e.created_at AS at, e.reason, e.details FROM end_device_events e JOIN end_devices d ON d.id = e.end_device_id ORDER BY e.id',
        )
        .all() as Record<string, string>[];
      expect(stored.map((e) => [e.serial, e.type, e.at, e.reason])).toEqual([
        ['E100', '0.26.38.85', '2026-11-01T22:13:05Z', 'reported by the head end'],
        ['E100', '0.12.141.212', '2026-11-01T22:20:00Z', 'reported by the head end'],
      ]);
      expect(JSON.parse(stored[0]?.details ?? '{}')).toEqual({ source: 'enterprise', messageId: 'EV-1', 'detail:outageId': 'OUT-17' });
      // Delivered again: nothing stored twice.
      expect(applyInboundMessage(store, actor, xml).duplicate).toBe(true);
      expect(store.db.prepare('SELECT count(*) FROM end_device_events').pluck().get()).toBe(2);
    } finally {
      store.close();
    }
  });

  it("names each event of the meter's history through the code tables, newest first, the enterprise's marked", () => {
    const store = openStore(join(tempDir(), 'field.db'));
    try {
      importRoute(store, actor, { fileName: 'r.csv', content: csv(row()), acceptValidRows: false });
      const vendorCodes = createdEvents('EV-2', [
        // Aclara-style power failure (the shipped amiVendorExample table) and a code no table names.
        event('E100', '3.26.0.85', '2026-11-02T03:00:00Z'),
        event('E100', '3.21.0.999', '2026-11-02T04:00:00Z'),
      ]);
      applyInboundMessage(store, actor, xml);
      applyInboundMessage(store, actor, vendorCodes);
      expect(meterEvents(store, 'UP-1', 50).map((e) => [e.createdAt, e.eventType, e.name, e.fromEnterprise])).toEqual([
        ['2026-11-02T04:00:00Z', '3.21.0.999', null, true],
        ['2026-11-02T03:00:00Z', '3.26.0.85', 'powerDown', true],
        ['2026-11-01T22:20:00Z', '0.12.141.212', 'coverOpened', true],
        ['2026-11-01T22:13:05Z', '0.26.38.85', 'powerDown', true],
      ]);
      expect(meterEvents(store, 'UP-404', 50)).toEqual([]);
    } finally {
      store.close();
    }
  });
});
