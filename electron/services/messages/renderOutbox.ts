/**
 * Renders outbox rows to the XML the enterprise receives. The row's message_id is the
 * Header.MessageID and its created_at the Timestamp, so a retry sends byte-identical XML and the
 * enterprise can deduplicate (DESIGN.md §6). The reads go through the outbox repository.
 */
import { z } from 'zod';
import { buildMessage, isDraftOnlyNoun, type CimMessage, type EnvelopeForm } from '../../../shared/cim';
import type { EndDeviceEvent } from '../../../shared/cim/payloads/endDeviceEvents';
import { OutboxRenderError, outboxRowToMessage, renderOutboxRow, type EnvelopeContext, type OutboxRow } from '../../../shared/cim/outboxMessage';
import { withProfileHeader } from '../../../shared/cim/integrationProfile';
import type { Store } from '../store';
import type { OutboxEntry, OutboxStatus } from '../store/repositories/outbox';
import { renderControlOutcome } from './renderControlOutcome';
import { renderSwitchingNoun } from './renderSwitchingNouns';
import { renderWorkOrderNoun } from './renderWorkOrderNouns';

const toRow = (e: OutboxEntry): OutboxRow => ({ messageId: e.messageId, noun: e.noun, verb: e.verb, createdAt: e.createdAt, payload: e.payload });

export function readOutboxRows(store: Store, options: { status?: OutboxStatus; limit?: number } = {}): OutboxRow[] {
  return store.outbox.list(options).map(toRow);
}

export function readOutboxRow(store: Store, messageId: string): OutboxRow | null {
  const entry = store.outbox.get(messageId);
  return entry ? toRow(entry) : null;
}

export function renderOutboxMessage(row: OutboxRow, context: EnvelopeContext, form: EnvelopeForm = 'typed'): string {
  return renderOutboxRow(row, context, form);
}

/** The EndDeviceEvents payload skipVisit.ts queues for a skip about the device (damage, tamper). */
const outboxEndDeviceEventsSchema = z.object({
  meter: z.string().min(1),
  usagePoint: z.string().min(1),
  eventType: z.string().regex(/^\d+\.\d+\.\d+\.\d+$/),
  createdDateTime: z.string().min(1),
  reason: z.string().optional(),
});

/** Several events of one meter with their details, as an optical reading queues them (optical/meterStatus.ts). */
export const outboxMeterEventsSchema = z.object({
  meter: z.string().min(1),
  usagePoint: z.string().min(1),
  events: z
    .array(
      z.object({
        eventType: z.string().regex(/^\d+\.\d+\.\d+\.\d+$/),
        createdDateTime: z.string().min(1),
        reason: z.string().optional(),
        details: z.array(z.object({ name: z.string().min(1), value: z.string() })).default([]),
      }),
    )
    .min(1),
});
export type OutboxMeterEvents = z.input<typeof outboxMeterEventsSchema>;

function endDeviceEventsOf(payload: unknown): EndDeviceEvent[] | null {
  const many = outboxMeterEventsSchema.safeParse(payload);
  if (many.success) {
    const p = many.data;
    return p.events.map((e) => ({ createdDateTime: e.createdDateTime, reason: e.reason, assets: { names: [{ name: p.meter }] }, details: e.details, eventType: e.eventType, usagePoint: { mRID: p.usagePoint } }));
  }
  const one = outboxEndDeviceEventsSchema.safeParse(payload);
  if (!one.success) return null;
  const p = one.data;
  return [{ createdDateTime: p.createdDateTime, reason: p.reason, assets: { names: [{ name: p.meter }] }, eventType: p.eventType, usagePoint: { mRID: p.usagePoint } }];
}

function endDeviceEventsMessage(row: OutboxRow, context: EnvelopeContext): CimMessage {
  const endDeviceEvents = endDeviceEventsOf(row.payload);
  if (!endDeviceEvents) throw new OutboxRenderError(`outbox row ${row.messageId}: EndDeviceEvents payload is malformed`);
  if (row.verb !== 'created') throw new OutboxRenderError(`outbox row ${row.messageId}: EndDeviceEvents are only sent as "created"`);
  return {
    kind: 'event',
    header: { verb: 'created', noun: 'EndDeviceEvents', revision: context.revision, timestamp: row.createdAt, source: context.source, user: context.user, messageID: row.messageId },
    payload: { kind: 'xml', body: { noun: 'EndDeviceEvents', value: { endDeviceEvents } } },
  };
}

/**
 * The message for one outbox entry as sync sends it: 61968-100 generic envelope by default (the
 * RequestMessage / EventMessage a web service carries in the SOAP Body), with the CorrelationID of
 * the enterprise request it answers, if any (issue 7: an on-demand GetMeterReadings answer). A noun
 * only the draft EPRI set has (MeterServiceRequests) goes in its typed wrapper by default: the
 * draft generic envelope checks its payload only with both schemas at once, which a utility's
 * schema folder check (xsdValidator) does not do.
 */
export function renderForSync(entry: OutboxEntry, context: EnvelopeContext, chosen?: EnvelopeForm): string {
  const form = chosen ?? (isDraftOnlyNoun(entry.noun) ? 'typed' : 'generic');
  const row = toRow(entry);
  const message =
    renderControlOutcome(row, context) ??
    renderSwitchingNoun(row, context) ??
    renderWorkOrderNoun(row, context) ??
    (entry.noun === 'EndDeviceEvents' ? endDeviceEventsMessage(row, context) : outboxRowToMessage(row, context));
  const withCorrelation: CimMessage =
    entry.correlationId && message.kind !== 'fault' ? { ...message, header: { ...message.header, correlationID: entry.correlationId } } : message;
  // The integration profile's optional Header fields (Context, AckRequired, User …; issue 19).
  const withProfile: CimMessage = withCorrelation.kind === 'fault' ? withCorrelation : { ...withCorrelation, header: withProfileHeader(withCorrelation.header, context.headerFields) };
  return buildMessage(withProfile, { form });
}
