/**
 * The one 61968-100 Header every outbox message gets, and the envelope around a payload body.
 * The row's message_id is Header.MessageID and its created_at the Timestamp, so every retry of a
 * row renders the same bytes and the enterprise can deduplicate (DESIGN.md §6); the MessageID of
 * the enterprise request the row answers goes as Header.CorrelationID (61968-100 §5.3.3).
 */
import type { SchemaSet } from '../message/verbs';
import type { CimMessage, Header, MessageProperty } from '../message/types';
import { EVENT_VERBS } from '../message/verbs';
import type { PayloadBody } from '../payloads';
import { nounOfKind, type OutboxKind, type OutboxPayload, type OutboxVerb } from './kinds';
import type { CodeTable } from '../codes/codeTables';
import type { AssetStatus } from '../../domain/workOrder';
import { withProfileHeader, type ProfileHeaderFields } from '../integrationProfile';

/** An outbox row as stored: its payload not yet read by its kind's schema. */
export interface OutboxRow {
  messageId: string;
  kind: OutboxKind;
  verb: string;
  createdAt: string;
  payload: unknown;
  /** The MessageID of the enterprise request this message answers, if any. */
  correlationId?: string | null;
}

/** A row whose verb and payload were checked against its kind. */
export interface CheckedOutboxRow<K extends OutboxKind> {
  messageId: string;
  kind: K;
  verb: OutboxVerb<K>;
  createdAt: string;
  payload: OutboxPayload<K>;
  correlationId?: string | null;
}

export interface EnvelopeContext {
  /** Header.Source: this device, e.g. "FIELDMETER-<install id>". */
  source: string;
  user?: { userID: string; organization?: string };
  revision?: string;
  /** Optional Header fields the utility's integration profile asks for (Context, AckRequired, User …; issue 19). */
  headerFields?: ProfileHeaderFields;
  /** The namespace set the utility's systems speak (integration profile `namespaces`); absent = each noun's default. */
  schemaSet?: SchemaSet;
  /** The codes the utility's systems use for events, controls and qualities (integration profile `codeTable`); absent = the published ones. */
  codeTable?: CodeTable;
  /** The utility's MeterConfig status words (integration profile `meterStatus`); absent = the app's own words. */
  meterStatusWords?: Readonly<Record<string, AssetStatus>>;
  /** Send the answer to an enterprise request (a message with a CorrelationID) as a `reply` ResponseMessage (integration profile `requestAnswers`). */
  answerAsReply?: boolean;
}

export class OutboxRenderError extends Error {
  override readonly name = 'OutboxRenderError';
}

export function outboxHeader(row: CheckedOutboxRow<OutboxKind>, context: EnvelopeContext, properties?: MessageProperty[]): Header {
  return withProfileHeader(
    {
      verb: row.verb,
      noun: nounOfKind(row.kind),
      revision: context.revision,
      timestamp: row.createdAt,
      source: context.source,
      user: context.user,
      messageID: row.messageId,
      ...(row.correlationId ? { correlationID: row.correlationId } : {}),
      ...(properties && properties.length > 0 ? { properties } : {}),
    },
    context.headerFields,
  );
}

/** A past-tense verb is an event the field reports (EventMessage); a present-tense one asks the enterprise to act (RequestMessage). */
export function outboxEnvelope(
  row: CheckedOutboxRow<OutboxKind>,
  context: EnvelopeContext,
  body: PayloadBody,
  properties?: MessageProperty[],
): CimMessage {
  const header = outboxHeader(row, context, properties);
  const payload = { kind: 'xml', body } as const;
  return (EVENT_VERBS as readonly string[]).includes(row.verb) ? { kind: 'event', header, payload } : { kind: 'request', header, payload };
}

/** A document (a visit receipt's PDF) as an EventMessage: Payload/Compressed holds it in base64, Payload/Format names it. */
export function outboxDocument(
  row: CheckedOutboxRow<OutboxKind>,
  context: EnvelopeContext,
  document: { readonly data: string; readonly format: string; readonly properties: MessageProperty[] },
): CimMessage {
  const header = outboxHeader(row, context, document.properties);
  return { kind: 'event', header, payload: { kind: 'compressed', data: document.data, format: document.format } };
}
