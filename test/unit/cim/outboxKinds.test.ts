/**
 * The typed outbox: one schema per kind in a discriminated union, one renderer per kind, one
 * header builder. The `@ts-expect-error` lines are checked by `tsc -p tsconfig.node.json`: a
 * payload of the wrong shape or a verb the kind is not sent with does not compile.
 */
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../shared/cim';
import {
  OUTBOX_KINDS,
  OutboxRenderError,
  outboxKinds,
  outboxMessageSchema,
  outboxRowToMessage,
  renderOutboxRow,
  type OutboxRow,
} from '../../../shared/cim/outbox';
import type { Journal } from '../../../electron/services/store/repositories/journal';
import { sampleAt, testPayloads } from '../../support/outboxSamples';

const at = sampleAt;
const payloads = testPayloads;
const context = { source: 'FIELDMETER-TEST' };
const rowOf = (kind: OutboxRow['kind'], extra: Partial<OutboxRow> = {}): OutboxRow => ({
  messageId: `M-${kind}`,
  kind,
  verb: outboxKinds[kind].verbs[0],
  createdAt: at,
  payload: payloads[kind],
  ...extra,
});

describe('outbox kinds', () => {
  it('every kind parses through the discriminated union and renders with its own noun and the row header', () => {
    for (const kind of OUTBOX_KINDS) {
      expect(outboxMessageSchema.safeParse({ kind, payload: payloads[kind] }).success, kind).toBe(true);
      const message = outboxRowToMessage(rowOf(kind, { correlationId: 'REQ-1' }), context);
      if (message.kind === 'fault') throw new Error('no fault from the outbox');
      expect(message.header).toMatchObject({
        noun: outboxKinds[kind].noun,
        verb: outboxKinds[kind].verbs[0],
        messageID: `M-${kind}`,
        timestamp: at,
        source: 'FIELDMETER-TEST',
        correlationID: 'REQ-1',
      });
      expect(message.kind).toBe(outboxKinds[kind].verbs[0].endsWith('ed') ? 'event' : 'request');
    }
  });

  it('a payload is read by its kind, not by its fields: a skip event stored as a switch event is refused', () => {
    expect(() => outboxRowToMessage(rowOf('switchEvent', { payload: payloads.skipEvent }), context)).toThrow(OutboxRenderError);
    expect(() => outboxRowToMessage(rowOf('switchEvent', { payload: payloads.skipEvent }), context)).toThrow(
      /M-switchEvent: EndDeviceEvents payload \(switchEvent\) is malformed: switchOrder/,
    );
  });

  it('a verb the kind is not sent with is refused', () => {
    expect(() => outboxRowToMessage(rowOf('opticalControl', { verb: 'create' }), context)).toThrow(
      /opticalControl \(EndDeviceControls\) is not sent with verb "create"/,
    );
  });

  it('the CorrelationID comes from the row, in either envelope; without one there is none', () => {
    for (const form of ['typed', 'generic'] as const) {
      const parsed = parseMessage(renderOutboxRow(rowOf('opticalControl', { correlationId: 'CTRL-REQ-7' }), context, form));
      expect(parsed.kind === 'fault' ? null : parsed.header.correlationID, form).toBe('CTRL-REQ-7');
    }
    const none = parseMessage(renderOutboxRow(rowOf('meterReadings'), context));
    expect(none.kind === 'fault' ? 'fault' : none.header.correlationID).toBeUndefined();
  });

  it('the same row renders the same bytes every time', () => {
    expect(renderOutboxRow(rowOf('linkage', { verb: 'close' }), context)).toBe(
      renderOutboxRow(rowOf('linkage', { verb: 'close' }), context),
    );
  });

  it('types: a wrong payload or a missing verb is a compile error', () => {
    // Never run: the checks are the compiler's.
    const queue = (journal: Journal) => [
      journal.enqueue('linkage', payloads.linkage, { verb: 'close', usagePointId: 'UP-1001' }),
      journal.enqueue('opticalControl', payloads.opticalControl, { usagePointId: 'UP-1001', correlationId: 'REQ-1' }),
      // @ts-expect-error a linkage is sent with create or close: the verb must be named
      journal.enqueue('linkage', payloads.linkage, { usagePointId: 'UP-1001' }),
      // @ts-expect-error an optical control outcome is only ever "created"
      journal.enqueue('opticalControl', payloads.opticalControl, { verb: 'create', usagePointId: 'UP-1001' }),
      // @ts-expect-error a skip event's payload is not a switch event's
      journal.enqueue('switchEvent', payloads.skipEvent, { usagePointId: 'UP-1001' }),
      // @ts-expect-error there is no such kind
      journal.enqueue('meterReading', payloads.meterReadings, { usagePointId: 'UP-1001' }),
    ];
    expect(queue).toBeTypeOf('function');
  });
});
