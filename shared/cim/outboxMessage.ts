/**
 * Turns an outbox row (its typed JSON payload, docs/ARCHITECTURE.md "Transactional outbox") into
 * the 61968-100 message the enterprise receives. The row's message_id becomes Header.MessageID
 * and its created_at the Timestamp, so every retry of the same row renders the same message.
 */
import { z } from 'zod';
import type { CimMessage, EnvelopeForm } from './message/types';
import { EVENT_VERBS, REQUEST_VERBS, isVerb } from './message/verbs';
import type { MeterReadings } from './payloads';
import { READING_REASON_KINDS } from './payloads/meterReadings';
import { buildMessage } from './message/build';
import type { ProfileHeaderFields } from './integrationProfile';

/**
 * The payload the Node side queues for noun MeterReadings (electron/services/readings/outbound.ts).
 * A skipped visit's readings have no value, a ReadingQuality "known missing read" and the reason
 * as the quality's comment; a confirmed out-of-range value carries the technician's reason there.
 */
export const outboxMeterReadingsSchema = z.object({
  meter: z.string().min(1),
  usagePoint: z.string().min(1),
  readings: z
    .array(
      z.object({
        readingType: z.string().min(1),
        value: z.string().min(1).nullable(),
        timeStamp: z.string().min(1),
        qualities: z.array(z.string()).default([]),
        comment: z.string().min(1).optional(),
        /** ReadingReasonKind of a switch reading (moveIn, moveOut, billing, serviceDisconnect, serviceConnect). */
        reason: z.enum(READING_REASON_KINDS).optional(),
      }),
    )
    .min(1),
  /**
   * A switch reading (issue 9) names the CustomerAgreement that changes hands and the switch
   * order. MeterReading has no CustomerAgreement reference in the reference schema, so both travel
   * as 61968-100 Header/Property (`CustomerAgreement`, `MeterServiceRequest`).
   */
  agreement: z.string().min(1).optional(),
  switchOrder: z.string().min(1).optional(),
});
export type OutboxMeterReadings = z.input<typeof outboxMeterReadingsSchema>;

export interface OutboxRow {
  messageId: string;
  noun: string;
  verb: string;
  createdAt: string;
  payload: unknown;
}

export interface EnvelopeContext {
  /** Header.Source: this device, e.g. "FIELDMETER-<install id>". */
  source: string;
  user?: { userID: string; organization?: string };
  revision?: string;
  /** Optional Header fields the utility's integration profile asks for (integrationProfile.ts). */
  headerFields?: ProfileHeaderFields;
}

export class OutboxRenderError extends Error {
  override readonly name = 'OutboxRenderError';
}

/**
 * One MeterReading per meter; its Readings share the visit's timestamp (coincident readings).
 * The meter is named by its serial number (Names/name), the usage point by its mRID.
 */
export function meterReadingsFromOutbox(payload: unknown): MeterReadings {
  const parsed = outboxMeterReadingsSchema.safeParse(payload);
  if (!parsed.success) throw new OutboxRenderError(`MeterReadings outbox payload is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const p = parsed.data;
  return {
    meterReadings: [
      {
        meter: { names: [{ name: p.meter }] },
        readings: p.readings.map((r) => ({
          reason: r.reason,
          timeStamp: r.timeStamp,
          value: r.value ?? undefined,
          readingQualities: r.qualities.length === 0 ? undefined : r.qualities.map((q) => ({ readingQualityType: q, comment: r.comment })),
          readingType: r.readingType,
        })),
        usagePoint: { mRID: p.usagePoint },
      },
    ],
  };
}

/** Header/Property entries naming the agreement and switch order of a switch reading; undefined for any other reading. */
function switchProperties(payload: unknown): { name: string; value: string }[] | undefined {
  const parsed = outboxMeterReadingsSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const { agreement, switchOrder } = parsed.data;
  const properties = [
    ...(agreement ? [{ name: 'CustomerAgreement', value: agreement }] : []),
    ...(switchOrder ? [{ name: 'MeterServiceRequest', value: switchOrder }] : []),
  ];
  return properties.length === 0 ? undefined : properties;
}

export function outboxRowToMessage(row: OutboxRow, context: EnvelopeContext): CimMessage {
  if (!isVerb(row.verb)) throw new OutboxRenderError(`outbox row ${row.messageId}: unknown verb "${row.verb}"`);
  if (row.noun !== 'MeterReadings') throw new OutboxRenderError(`outbox row ${row.messageId}: no renderer for noun ${row.noun} yet`);
  const header = {
    verb: row.verb,
    noun: row.noun,
    revision: context.revision,
    timestamp: row.createdAt,
    source: context.source,
    user: context.user,
    messageID: row.messageId,
    properties: switchProperties(row.payload),
  };
  const payload = { kind: 'xml', body: { noun: 'MeterReadings', value: meterReadingsFromOutbox(row.payload) } } as const;
  if ((EVENT_VERBS as readonly string[]).includes(row.verb)) return { kind: 'event', header, payload };
  if ((REQUEST_VERBS as readonly string[]).includes(row.verb)) return { kind: 'request', header, payload };
  throw new OutboxRenderError(`outbox row ${row.messageId}: verb "${row.verb}" is not sent from the outbox`);
}

/** The XML of a CreatedMeterReadings (typed, per CX MeterReadingsMessage.xsd) for an outbox row. */
export function renderOutboxRow(row: OutboxRow, context: EnvelopeContext, form: EnvelopeForm = 'typed'): string {
  return buildMessage(outboxRowToMessage(row, context), { form });
}
