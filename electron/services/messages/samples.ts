/**
 * Sample messages built from a database, one per noun/verb Fieldmeter emits, named
 * `<Verb><Noun>.xml` after the typed element (CreatedMeterReadings.xml …). For the utility's
 * integration team: what the app will send, with its own data, to check against its schemas.
 * Events come only from recorded end_device_events; nothing is invented.
 */
import { buildMessage, endDeviceControlType, typedRootName, type CimMessage, type Header } from '../../../shared/cim';
import { outboxRowToMessage, type EnvelopeContext } from '../../../shared/cim/outboxMessage';
import { readingQuality } from '../../../shared/cim/readingQuality';
import type { Store } from '../store';
import { renderControlOutcome } from './renderControlOutcome';
import { readOutboxRows } from './renderOutbox';


export interface SampleMessage {
  fileName: string;
  xml: string;
}

export function buildSampleMessages(store: Store, context: EnvelopeContext, now = new Date()): SampleMessage[] {
  const at = now.toISOString();
  const meters = store.endDevices.placed();
  const meter = meters.find((m) => m.kind === 'meter');
  if (!meter) return [];
  const registers = store.endDevices.registerValues(meter.id);
  let n = 0;
  const header = (verb: Header['verb'], noun: string): Header => ({ verb, noun, timestamp: at, source: context.source, user: context.user, messageID: `sample-${++n}` });
  const messages: CimMessage[] = [];

  // MeterReadings: a real outbox row when there is one, else the registers' last values in the outbox shape.
  const outbox = readOutboxRows(store, { limit: 1000 }).find((r) => r.noun === 'MeterReadings');
  const readings = registers.filter((r) => r.last_value !== null);
  if (outbox) messages.push(outboxRowToMessage(outbox, context));
  else if (readings.length > 0) {
    const payload = {
      meter: meter.serial_number,
      usagePoint: meter.usage_point_id,
      readings: readings.map((r) => ({ readingType: r.reading_type, value: r.last_value ?? '', timeStamp: r.last_read_at ?? at, qualities: [readingQuality.manuallyEntered] })),
    };
    messages.push(outboxRowToMessage({ messageId: `sample-${++n}`, noun: 'MeterReadings', verb: 'created', createdAt: at, payload }, context));
  }
  const meterRef = { names: [{ name: meter.serial_number }] };
  const usagePointRef = { mRID: meter.usage_point_id };
  messages.push({
    kind: 'request',
    header: header('get', 'MeterReadings'),
    payload: { kind: 'xml', body: { noun: 'GetMeterReadings', value: { endDevices: [meterRef], readingTypes: registers.map((r) => r.reading_type), usagePoints: [usagePointRef] } } },
  });

  const events = store.endDevices.recordedEvents(100);
  if (events.length > 0) {
    messages.push({
      kind: 'event',
      header: header('created', 'EndDeviceEvents'),
      payload: {
        kind: 'xml',
        body: {
          noun: 'EndDeviceEvents',
          value: { endDeviceEvents: events.map((e) => ({ createdDateTime: e.created_at, reason: e.reason ?? undefined, assets: { names: [{ name: e.serial_number }] }, eventType: e.event_type })) },
        },
      },
    });
  }
  // The outcome of a control run at a stop through the optical probe, when one was (CreatedEndDeviceControls).
  const outcome = readOutboxRows(store, { limit: 1000 }).flatMap((r) => renderControlOutcome(r, context) ?? [])[0];
  if (outcome) messages.push(outcome);
  messages.push({
    kind: 'request',
    header: header('create', 'EndDeviceControls'),
    payload: { kind: 'xml', body: { noun: 'EndDeviceControls', value: { endDeviceControls: [{ controlType: endDeviceControlType('demandReset'), endDevices: [meterRef], usagePoints: [usagePointRef] }] } } },
  });
  messages.push({
    kind: 'request',
    header: header('create', 'MeterConfig'),
    payload: { kind: 'xml', body: { noun: 'MeterConfig', value: { meters: [{ serialNumber: meter.serial_number, names: meterRef.names, status: { value: 'installed' } }] } } },
  });
  const pans = meters.filter((m) => m.kind === 'pan');
  if (pans.length > 0) {
    messages.push({
      kind: 'request',
      header: header('create', 'EndDeviceConfig'),
      payload: { kind: 'xml', body: { noun: 'EndDeviceConfig', value: { endDevices: pans.map((p) => ({ serialNumber: p.serial_number, isPan: true, names: [{ name: p.serial_number }] })) } } },
    });
  }
  messages.push({
    kind: 'request',
    header: header('change', 'UsagePointConfig'),
    payload: {
      kind: 'xml',
      body: {
        noun: 'UsagePointConfig',
        value: {
          usagePoints: [
            {
              mRID: meter.usage_point_id,
              readRoute: meter.route_id ?? undefined,
              metrologyRequirements: registers.length > 0 ? [{ readingTypes: registers.map((r) => r.reading_type) }] : undefined,
              names: [{ name: meter.address }],
            },
          ],
        },
      },
    },
  });
  for (const verb of ['create', 'close'] as const) {
    messages.push({
      kind: 'request',
      header: header(verb, 'MasterDataLinkageConfig'),
      payload: {
        kind: 'xml',
        body: { noun: 'MasterDataLinkageConfig', value: { configurationEvent: { createdDateTime: at, effectiveDateTime: at }, meters: [meterRef], usagePoints: [usagePointRef] } },
      },
    });
  }
  return messages.map((message) => {
    const name = message.kind === 'fault' ? `${message.noun}FaultMessage` : message.header.verb === 'get' ? `Get${message.header.noun}` : typedRootName(message.kind, message.header.verb, message.header.noun);
    return { fileName: `${name ?? 'Message'}.xml`, xml: buildMessage(message) };
  });
}
