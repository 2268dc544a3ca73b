/**
 * The outcome of a control an installer ran on a meter through the optical probe (time sync,
 * demand reset) as an EndDeviceControls message (../shared/cim/NOTES.md §4, §7): done, it is a
 * past-tense event (`created`, CreatedEndDeviceControls / EventMessage); failed after a write
 * went out, it is shaped as a reply (`reply`, EndDeviceControlsResponseMessage) with Result
 * FAILED and the error, so the enterprise knows the meter may be half-changed. The readings of
 * the meter before and after travel as EndDeviceControlAttributes.
 */
import { z } from 'zod';
import type { CimMessage, PayloadContent } from '../../../shared/cim';
import { OutboxRenderError, type EnvelopeContext, type OutboxRow } from '../../../shared/cim/outboxMessage';

export const controlOutcomePayload = z.object({
  /** Tells this payload from the other EndDeviceControls payloads in the outbox (PAN pairing). */
  kind: z.literal('opticalControl'),
  operation: z.enum(['timeSync', 'demandReset']),
  controlType: z.string().regex(/^\d+\.\d+\.\d+\.\d+$/),
  meter: z.string().min(1),
  usagePoint: z.string().min(1),
  startedAt: z.string().min(1),
  finishedAt: z.string().min(1),
  result: z.enum(['OK', 'FAILED']),
  error: z.object({ code: z.string().min(1), reason: z.string() }).optional(),
  attributes: z.array(z.object({ name: z.string().min(1), value: z.string() })),
});
export type ControlOutcomePayload = z.infer<typeof controlOutcomePayload>;

/** The verb an outcome is queued with. */
export const controlOutcomeVerb = (result: ControlOutcomePayload['result']) => (result === 'OK' ? 'created' : 'reply');

/** The message for an outbox row holding a control outcome, or null when the row is something else. */
export function renderControlOutcome(row: OutboxRow, context: EnvelopeContext): CimMessage | null {
  if (row.noun !== 'EndDeviceControls') return null;
  const parsed = controlOutcomePayload.safeParse(row.payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  if (row.verb !== controlOutcomeVerb(p.result)) throw new OutboxRenderError(`outbox row ${row.messageId}: a ${p.result} control outcome is not sent as "${row.verb}"`);
  const header = { verb: row.verb, noun: row.noun, revision: context.revision, timestamp: row.createdAt, source: context.source, user: context.user, messageID: row.messageId };
  const payload: PayloadContent = {
    kind: 'xml',
    body: {
      noun: 'EndDeviceControls',
      value: {
        endDeviceControls: [
          {
            controlType: p.controlType,
            reason: p.operation,
            attributes: p.attributes,
            endDevices: [{ serialNumber: p.meter, names: [{ name: p.meter }] }],
            primaryDeviceTiming: { interval: { start: p.startedAt, end: p.finishedAt } },
            usagePoints: [{ mRID: p.usagePoint }],
          },
        ],
      },
    },
  };
  if (p.result === 'OK') return { kind: 'event', header: { ...header, verb: 'created' }, payload };
  return {
    kind: 'response',
    header: { ...header, verb: 'reply' },
    reply: { result: 'FAILED', errors: [{ code: p.error?.code ?? 'FAILED', level: 'FATAL', reason: p.error?.reason }] },
    payload,
  };
}
