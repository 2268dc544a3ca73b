/**
 * Sample messages built from a database, for the utility's integration team: what the app will
 * send, with its own data, to check against its schemas.
 * - One file per outbox kind and verb, rendered by the same function sync uses
 *   (`renderOutboxRow`), named `<TypedRoot>.<kind>.xml` (CreatedEndDeviceEvents.skipEvent.xml …):
 *   the newest queued message of that kind, or — where the outbox has none — one synthesised from
 *   the database's first meter, which the file's leading XML comment says.
 * - The requests the enterprise sends the field (GetMeterReadings, CreateEndDeviceControls,
 *   CreateMeterConfig, ChangeUsagePointConfig), named `<TypedRoot>.xml`.
 */
import {
  EVENT_VERBS,
  buildMessage,
  endDeviceControlType,
  isPayloadNoun,
  typedRootName,
  type CimMessage,
  type EnvelopeForm,
  type Header,
} from '../../../shared/cim';
import {
  OUTBOX_KINDS,
  outboxKinds,
  renderOutboxRow,
  type EnvelopeContext,
  type OutboxKind,
  type OutboxRow,
} from '../../../shared/cim/outbox';
import type { Store } from '../store';
import type { PlacedDevice } from '../store/repositories/endDevices';
import { outboxRowOf } from './renderOutbox';
import { samplePayloads, type SampleSource } from './sampleRows';

export interface SampleMessage {
  fileName: string;
  xml: string;
  /** The outbox kind the file shows, for the files of outbox messages. */
  kind?: OutboxKind;
  /** True when no queued message of the kind existed and the file's payload was made up from the database's meter. */
  synthesised?: boolean;
}

/** Names never contain "--", which would end the comment early (XML 1.0 §2.5). */
const comment = (text: string) => `<!-- ${text.replace(/-{2,}/g, (d) => d.split('').join(' '))} -->`;

function withComment(xml: string, text: string): string {
  const declaration = /^<\?xml[^?]*\?>\n?/.exec(xml);
  const at = declaration ? declaration[0].length : 0;
  return `${xml.slice(0, at)}${declaration && !declaration[0].endsWith('\n') ? '\n' : ''}${comment(text)}\n${xml.slice(at)}`;
}

function sampleSource(store: Store, meter: PlacedDevice, devices: readonly PlacedDevice[], at: string): SampleSource {
  const registers = store.endDevices.registerValues(meter.id);
  const read = registers.filter((r) => r.last_value !== null);
  const pan = devices.find((d) => d.kind === 'pan' && /^[0-9A-F]{16}$/.test(d.serial_number));
  return {
    meter: meter.serial_number,
    usagePoint: meter.usage_point_id,
    readings: (read.length > 0 ? read : registers).map((r) => ({ readingType: r.reading_type, value: r.last_value ?? '0' })),
    pan: { eui64: pan?.serial_number ?? '0011223344556677', installCode: '83FED3407A939723A5C639B26916D505C3B5' },
    at,
  };
}

function outboxSamples(store: Store, context: EnvelopeContext, source: SampleSource): SampleMessage[] {
  const payloads = samplePayloads(source);
  return OUTBOX_KINDS.flatMap((kind) =>
    outboxKinds[kind].verbs.map((verb): SampleMessage => {
      const { noun } = outboxKinds[kind];
      const queued = store.outbox.latestOfKind(kind, verb);
      const row: OutboxRow = queued
        ? outboxRowOf(queued)
        : { messageId: `sample-${kind}-${verb}`, kind, verb, createdAt: source.at, payload: payloads[kind] };
      const event = (EVENT_VERBS as readonly string[]).includes(verb);
      // A document (Payload/Compressed) has no typed wrapper: its sample is the generic EventMessage.
      const root = isPayloadNoun(noun) ? typedRootName(event ? 'event' : 'request', verb, noun) : null;
      const form: EnvelopeForm = root ? 'typed' : 'generic';
      const note = queued
        ? `Outbox kind ${kind} (${verb} ${noun}): the newest queued message of this kind, ${queued.messageId}.`
        : `Outbox kind ${kind} (${verb} ${noun}): synthesised from the demo data of meter ${source.meter} at ${source.usagePoint}; this database has no such message queued.`;
      const xml = withComment(renderOutboxRow(row, context, form), note);
      return {
        fileName: `${root ?? `${event ? 'EventMessage' : 'RequestMessage'}-${verb}-${noun}`}.${kind}.xml`,
        xml,
        kind,
        synthesised: !queued,
      };
    }),
  );
}

/** What the enterprise sends the field, with this database's meter in it. */
function enterpriseRequests(store: Store, meter: PlacedDevice, context: EnvelopeContext, at: string): CimMessage[] {
  const registers = store.endDevices.registerValues(meter.id);
  let n = 0;
  const header = (verb: Header['verb'], noun: string): Header => ({
    verb,
    noun,
    timestamp: at,
    source: context.source,
    user: context.user,
    messageID: `sample-${++n}`,
  });
  const meterRef = { names: [{ name: meter.serial_number }] };
  const usagePointRef = { mRID: meter.usage_point_id };
  return [
    {
      kind: 'request',
      header: header('get', 'MeterReadings'),
      payload: {
        kind: 'xml',
        body: {
          noun: 'GetMeterReadings',
          value: { endDevices: [meterRef], readingTypes: registers.map((r) => r.reading_type), usagePoints: [usagePointRef] },
        },
      },
    },
    {
      kind: 'request',
      header: header('create', 'EndDeviceControls'),
      payload: {
        kind: 'xml',
        body: {
          noun: 'EndDeviceControls',
          value: {
            endDeviceControls: [{ controlType: endDeviceControlType('demandReset'), endDevices: [meterRef], usagePoints: [usagePointRef] }],
          },
        },
      },
    },
    {
      kind: 'request',
      header: header('create', 'MeterConfig'),
      payload: {
        kind: 'xml',
        body: {
          noun: 'MeterConfig',
          value: { meters: [{ serialNumber: meter.serial_number, names: meterRef.names, status: { value: 'installed' } }] },
        },
      },
    },
    {
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
    },
  ];
}

export function buildSampleMessages(store: Store, context: EnvelopeContext, now = new Date()): SampleMessage[] {
  const at = now.toISOString();
  const devices = store.endDevices.placed();
  const meter = devices.find((m) => m.kind === 'meter');
  if (!meter) return [];
  const requests = enterpriseRequests(store, meter, context, at).map((message): SampleMessage => {
    const name =
      message.kind === 'fault'
        ? null
        : message.header.verb === 'get'
          ? `Get${message.header.noun}`
          : typedRootName(message.kind, message.header.verb, message.header.noun);
    return { fileName: `${name ?? 'Message'}.xml`, xml: buildMessage(message) };
  });
  return [...outboxSamples(store, context, sampleSource(store, meter, devices, at)), ...requests];
}
