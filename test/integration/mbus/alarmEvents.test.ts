/**
 * An M-Bus meter's alarms as EndDeviceEvents, over a real store, through the Listen session as a
 * walk-by hears them (one session per visit): each alarm's onset told once, with the published
 * code where one exists (battery low x.2.22.150) and 0.0.0.0 with the raw flags otherwise, recorded
 * for the meter's history and queued with the saved reading; the messages valid against the
 * Connexo EndDeviceEvents schema (xmllint). The meters send the records of wmbusmeters' published
 * test telegrams (test/unit/mbus/published.ts), encrypted here in mode 5 with a test key; Ei
 * Electronics' smoke alarm sends its published telegram as it is (unencrypted).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { queueMeterAlarms } from '../../../electron/services/mbus/alarmEvents';
import { createListenSession } from '../../../electron/services/mbus/listen';
import { nodeAes } from '../../../electron/services/mbus/nodeAes';
import { radioStopsOf } from '../../../electron/services/mbus/radioRoute';
import { meterEvents } from '../../../electron/services/readings/meterEvents';
import { importRoute } from '../../../electron/services/routes/importRoute';
import { openStore, type Store } from '../../../electron/services/store';
import { defaultValidationSettings } from '../../../shared/domain/readingValidation';
import { endDeviceTypeOfMbus } from '../../../shared/cim/codes/mbusAlarmEvents';
import { alarmSources, decodeTelegram, encodeTelegram, hexBytes, meterAlarms, wrapForReceiver } from '../../../shared/mbus';
import { outboxSchemaErrors } from '../../support/outboxXsd';
import { csv, row } from '../../support/routeCsv';
import { useTempDir } from '../../support/tempDir';
import { xsdSkipReason } from '../../support/xsd';
import { published } from '../../unit/mbus/published';

const WATER = '0.0.0.1.1.9.58.0.0.0.0.0.0.0.0.0.42.0';
const actor = { name: 'Tina', role: 'technician' } as const;
const KEY = hexBytes('000102030405060708090A0B0C0D0E0F');
const route = csv(
  row({ seq: '10', up: 'UP-1', serial: 'DWZ22996221', type: WATER, dials: '5', decimals: '3', last: '0.1', average: '' }),
  row({ seq: '20', up: 'UP-2', serial: 'KAM76348799', type: WATER, dials: '5', decimals: '3', last: '6', average: '' }),
  row({ seq: '30', up: 'UP-3', serial: 'EIE01097274', type: WATER, dials: '5', decimals: '3', last: '0', average: '' }),
);
const keys = new Map([
  ['DWZ22996221', KEY],
  ['KAM76348799', KEY],
]);

/** The waterstarm's records with its flags cleared: error flags 0x0000 (and status 0 below). */
const cleared = published.waterstarmPowerLowRecords.hex.replace('02FD174000', '02FD170000');

const waterstarm = (status: number, records: string) =>
  wrapForReceiver(
    'im871a',
    encodeTelegram({
      manufacturer: 'DWZ',
      id: '22996221',
      version: 2,
      deviceType: 0x06,
      accessNumber: 0x36,
      status,
      records: hexBytes(records),
      key: KEY,
      aes: nodeAes,
      withoutCrc: true,
    }),
    0x50,
  );

interface EventsPayload {
  events: { eventType: string; createdDateTime: string; details: { name: string; value: string }[] }[];
}

describe.skipIf(xsdSkipReason !== null)(`M-Bus alarms as EndDeviceEvents${xsdSkipReason ? ` — SKIPPED: ${xsdSkipReason}` : ''}`, () => {
  const tempDir = useTempDir();
  let store: Store | undefined;
  afterEach(() => store?.close());

  it('tells each alarm’s onset once per meter: not again while raised, again after it cleared', () => {
    const dir = tempDir();
    const s = (store = openStore(join(dir, 'f.db')));
    importRoute(s, actor, { fileName: 'r.csv', content: route, acceptValidRows: false });
    const stops = radioStopsOf(s, 'R1');
    let day = 1;
    const visit = (usagePointId: string, telegram: Uint8Array) => {
      const at = new Date(Date.UTC(2026, 11, day++, 9));
      const session = createListenSession({
        store: s,
        actor: () => actor,
        receiver: 'im871a',
        stops,
        keys,
        aes: nodeAes,
        autoSave: false,
        settings: defaultValidationSettings,
        photoDir: join(dir, 'photos'),
        now: () => at,
      });
      session.feed(telegram);
      session.save(usagePointId);
    };
    const eventMessages = () => s.outbox.list().filter((e) => e.noun === 'EndDeviceEvents');
    const eventsOf = (i: number) => (eventMessages()[i]?.payload as EventsPayload).events;

    visit('UP-1', waterstarm(0x04, published.waterstarmPowerLowRecords.hex));
    expect(eventMessages()).toHaveLength(1);
    expect(eventsOf(0)).toEqual([
      {
        eventType: '24.2.22.150',
        createdDateTime: '2026-12-01T09:00:00.000Z',
        reason: 'M-Bus powerLow',
        details: [
          { name: 'mbusAlarm', value: 'powerLow' },
          { name: 'mbusStatus', value: '04' },
        ],
      },
      {
        eventType: '0.0.0.0',
        createdDateTime: '2026-12-01T09:00:00.000Z',
        reason: 'M-Bus errorFlag',
        details: [
          { name: 'mbusAlarm', value: 'errorFlag' },
          { name: 'mbusErrorFlags', value: '0040' },
          { name: 'mbusErrorFlagBit', value: '6' },
        ],
      },
    ]);
    // Recorded for the meter's history too: named by the code table, or by the alarm where no published code names it.
    expect(meterEvents(s, 'UP-1', 50).map((e) => [e.eventType, e.name, e.alarm])).toEqual([
      ['0.0.0.0', null, 'errorFlag'],
      ['24.2.22.150', 'batteryLow', 'powerLow'],
    ]);

    visit('UP-1', waterstarm(0x04, published.waterstarmPowerLowRecords.hex)); // still raised: nothing new
    visit('UP-1', waterstarm(0x00, cleared)); // cleared: nothing to tell
    expect(eventMessages()).toHaveLength(1);
    visit('UP-1', waterstarm(0x04, published.waterstarmPowerLowRecords.hex)); // raised again: a new onset
    expect(eventMessages()).toHaveLength(2);
    expect(eventsOf(1).map((e) => [e.eventType, e.createdDateTime])).toEqual([
      ['24.2.22.150', '2026-12-04T09:00:00.000Z'],
      ['0.0.0.0', '2026-12-04T09:00:00.000Z'],
    ]);

    // Kamstrup Multical 21 dry for 22–31 days: no published code, its info codes in the details.
    visit(
      'UP-2',
      wrapForReceiver(
        'im871a',
        encodeTelegram({
          manufacturer: 'KAM',
          id: '76348799',
          version: 0x1b,
          deviceType: 0x16,
          accessNumber: 0x91,
          records: hexBytes(published.multical21DryRecords.hex),
          key: KEY,
          aes: nodeAes,
          withoutCrc: true,
        }),
        0x50,
      ),
    );
    expect(eventsOf(2)).toEqual([
      expect.objectContaining({
        eventType: '0.0.0.0',
        details: [
          { name: 'mbusAlarm', value: 'dry' },
          { name: 'kamstrupInfoCodes', value: '0071' },
        ],
      }),
    ]);
    expect(outboxSchemaErrors(eventMessages())).toEqual({});
  });
  it('tells a smoke alarm’s tamper flag as tamper detected, once, and its end as tamper cleared', () => {
    const s = (store = openStore(join(tempDir(), 'f.db')));
    importRoute(s, actor, { fileName: 'r.csv', content: route, acceptValidRows: false });
    const meter = s.meters.get('UP-3');
    if (!meter) throw new Error('UP-3 not imported');
    const tampered = published.ei6500TamperWhileRemoved.hex;
    // Only the head status' low byte changed (0x42 → 0x02): bit 6, tamper while removed, cleared.
    const untampered = tampered.replace('8440FF2C420F1100', '8440FF2C020F1100');
    let day = 1;
    const hear = (hex: string) => {
      const result = decodeTelegram(hexBytes(hex));
      if (!result.ok) throw new Error(result.reason);
      const at = new Date(Date.UTC(2026, 11, day++, 9)).toISOString();
      const alarms = {
        alarms: meterAlarms(result.telegram),
        sources: alarmSources(result.telegram),
        endDeviceType: endDeviceTypeOfMbus(result.telegram.deviceType),
      };
      return s.transaction(() => queueMeterAlarms(s, meter, alarms, at));
    };
    const eventTypes = () =>
      s.outbox
        .list()
        .filter((e) => e.noun === 'EndDeviceEvents')
        .map((e) => (e.payload as EventsPayload).events.map((v) => [v.eventType, v.createdDateTime]));

    expect(hear(untampered)).toBeNull();
    expect(hear(tampered)).not.toBeNull();
    expect(hear(tampered)).toBeNull(); // still raised: nothing new
    expect(hear(untampered)).not.toBeNull();
    expect(eventTypes()).toEqual([[['0.12.43.257', '2026-12-02T09:00:00.000Z']], [['0.12.43.291', '2026-12-04T09:00:00.000Z']]]);
    // The history names both by the code table; the onset keeps its alarm, its end does not say the alarm's words.
    expect(meterEvents(s, 'UP-3', 50).map((e) => [e.eventType, e.name, e.alarm])).toEqual([
      ['0.12.43.291', 'tamperCleared', null],
      ['0.12.43.257', 'tamperDetected', 'tamper'],
    ]);
    expect(outboxSchemaErrors(s.outbox.list())).toEqual({});
  });
});
