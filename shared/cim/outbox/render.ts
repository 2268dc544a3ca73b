/**
 * One renderer per outbox kind, and the one function that turns a stored row into the XML the
 * enterprise receives. Sync, `fieldmeter messages samples` and the benchmark all call
 * `renderOutboxRow`, so what is measured and shown is what is sent.
 */
import { buildMessage, isDraftOnlyNoun } from '../message/build';
import { isPayloadNoun } from '../payloads';
import type { CimMessage, EnvelopeForm } from '../message/types';
import type { SchemaSet } from '../message/verbs';
import { isVerbOfKind, nounOfKind, parseOutboxPayload, type OutboxKind } from './kinds';
import { OutboxRenderError, outboxDocument, outboxEnvelope, type CheckedOutboxRow, type EnvelopeContext, type OutboxRow } from './header';
import {
  meterReadingsBody,
  meterStatusEventsBody,
  opticalControlBody,
  skipEventBody,
  switchControlBody,
  switchEventBody,
  switchReadingProperties,
} from './renderDevices';
import { messageInStatusWords } from './statusWords';
import { messageInCodeTable } from './tableCodes';
import { loadProfileBody } from './renderLoadProfile';
import { visitReceiptDocument } from './renderDocument';
import { linkageBody, meterConfigBody, panConfigBody, panPairingBody, serviceReportBody } from './renderWorkOrders';

type Renderers = { readonly [K in OutboxKind]: (row: CheckedOutboxRow<K>, context: EnvelopeContext) => CimMessage };

/** Keyed by kind: a kind without a renderer does not compile. */
const renderers: Renderers = {
  meterReadings: (row, context) => outboxEnvelope(row, context, meterReadingsBody(row.payload), switchReadingProperties(row.payload)),
  skipEvent: (row, context) => outboxEnvelope(row, context, skipEventBody(row.payload)),
  meterStatusEvents: (row, context) => outboxEnvelope(row, context, meterStatusEventsBody(row.payload)),
  switchEvent: (row, context) => outboxEnvelope(row, context, switchEventBody(row.payload)),
  opticalControl: (row, context) => outboxEnvelope(row, context, opticalControlBody(row.payload)),
  switchControl: (row, context) => outboxEnvelope(row, context, switchControlBody(row.payload)),
  panPairing: (row, context) => outboxEnvelope(row, context, panPairingBody(row.payload)),
  panConfig: (row, context) => outboxEnvelope(row, context, panConfigBody(row.payload)),
  linkage: (row, context) => outboxEnvelope(row, context, linkageBody(row.payload, row.createdAt)),
  meterConfig: (row, context) => outboxEnvelope(row, context, meterConfigBody(row.payload)),
  serviceReport: (row, context) => outboxEnvelope(row, context, serviceReportBody(row.payload)),
  loadProfile: (row, context) => outboxEnvelope(row, context, loadProfileBody(row.payload)),
  visitReceipt: (row, context) => outboxDocument(row, context, visitReceiptDocument(row.payload)),
};

function renderKind<K extends OutboxKind>(row: OutboxRow & { kind: K }, context: EnvelopeContext): CimMessage {
  const noun = nounOfKind(row.kind);
  if (!isVerbOfKind(row.kind, row.verb))
    throw new OutboxRenderError(`outbox row ${row.messageId}: ${row.kind} (${noun}) is not sent with verb "${row.verb}"`);
  const parsed = parseOutboxPayload(row.kind, row.payload);
  if (!parsed.success) {
    throw new OutboxRenderError(
      `outbox row ${row.messageId}: ${noun} payload (${row.kind}) is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const render: Renderers[K] = renderers[row.kind];
  return render(
    {
      messageId: row.messageId,
      kind: row.kind,
      verb: row.verb,
      createdAt: row.createdAt,
      payload: parsed.data,
      correlationId: row.correlationId,
    },
    context,
  );
}

/** The 61968-100 message of an outbox row; throws OutboxRenderError when the row does not fit its kind. */
export function outboxRowToMessage(row: OutboxRow, context: EnvelopeContext): CimMessage {
  const message = messageInStatusWords(messageInCodeTable(renderKind(row, context), context.codeTable), context.meterStatusWords);
  return context.answerAsReply ? asReply(message) : message;
}

/**
 * An answer as a `reply` (IEC 61968-100 ResponseMessage: Header verb reply, Reply OK, the Payload):
 * what a peer that answers a GetMeterReadings synchronously sends, and what ReplyMeterReadings in the
 * published WSDLs takes. Only an event that answers a request (it has a CorrelationID) changes.
 */
function asReply(message: CimMessage): CimMessage {
  if (message.kind !== 'event' || !message.header.correlationID || message.payload === undefined) return message;
  return { kind: 'response', header: { ...message.header, verb: 'reply' }, reply: { result: 'OK' }, payload: message.payload };
}

/**
 * Sync's envelope unless told otherwise: the generic one (RequestMessage / EventMessage, as a web
 * service carries it in the SOAP Body). A noun only the draft EPRI set has (MeterServiceRequests)
 * goes in its typed wrapper: the draft generic envelope checks its payload only with both schemas
 * at once, which a utility's schema folder check does not do. Under the 2017 wrapper namespaces every
 * noun goes typed: a document/literal 2017 service (its WSDL's parts are the typed elements, e.g.
 * `infoMessage:CreateEndDeviceControls` in r0ckflite/cim4 ExecuteEndDeviceControls.wsdl) dispatches on
 * the root element and has no operation for a generic EventMessage.
 */
export const defaultOutboxForm = (kind: OutboxKind, schemaSet?: SchemaSet): EnvelopeForm =>
  schemaSet === 'iec2017' || isDraftOnlyNoun(nounOfKind(kind)) ? 'typed' : 'generic';

/** The XML of an outbox row: the same bytes on every call (MessageID and Timestamp come from the row). */
export function renderOutboxRow(
  row: OutboxRow,
  context: EnvelopeContext,
  form: EnvelopeForm = defaultOutboxForm(row.kind, context.schemaSet),
): string {
  // A document (Payload/Compressed) has no typed <Noun>Message.xsd wrapper: it always goes in the generic envelope.
  const documentForm: EnvelopeForm = isPayloadNoun(nounOfKind(row.kind)) ? form : 'generic';
  return buildMessage(outboxRowToMessage(row, context), {
    form: documentForm,
    ...(context.schemaSet ? { schemaSet: context.schemaSet } : {}),
  });
}
