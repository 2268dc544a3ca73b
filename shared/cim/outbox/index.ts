export * from './kinds';
export * from './payloads';
export { OutboxRenderError, outboxHeader, type CheckedOutboxRow, type EnvelopeContext, type OutboxRow } from './header';
export { defaultOutboxForm, outboxRowToMessage, renderOutboxRow } from './render';
