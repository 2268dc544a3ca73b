/**
 * The outcome of a control an installer ran on a meter through the optical probe (time sync,
 * demand reset) as an EndDeviceControls message: a past-tense event (`created`,
 * CreatedEndDeviceControls / EventMessage, ../shared/cim/NOTES.md §4, §7), whether it was done or
 * broke off after a write went out. An EventMessage has no Reply, so the outcome travels the way a
 * Reply would say it — `result` OK or FAILED, and the error's `errorCode` and `errorReason` — as
 * EndDeviceControlAttributes, followed by the meter's values before and after. (A ResponseMessage
 * answers a request; sent unasked, an enterprise refuses it, and sync would hold the usage point's
 * later messages behind it.)
 */
import { z } from 'zod';
import type { CimMessage } from '../../../shared/cim';
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

/** The message for an outbox row holding a control outcome, or null when the row is something else. */
export function renderControlOutcome(row: OutboxRow, context: EnvelopeContext): CimMessage | null {
  if (row.noun !== 'EndDeviceControls') return null;
  const parsed = controlOutcomePayload.safeParse(row.payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  if (row.verb !== 'created') throw new OutboxRenderError(`outbox row ${row.messageId}: a control outcome is only sent as "created"`);
  const outcome = [{ name: 'result', value: p.result }, ...(p.error ? [{ name: 'errorCode', value: p.error.code }, { name: 'errorReason', value: p.error.reason }] : [])];
  return {
    kind: 'event',
    header: { verb: 'created', noun: row.noun, revision: context.revision, timestamp: row.createdAt, source: context.source, user: context.user, messageID: row.messageId },
    payload: {
      kind: 'xml',
      body: {
        noun: 'EndDeviceControls',
        value: {
          endDeviceControls: [
            {
              controlType: p.controlType,
              reason: p.operation,
              attributes: [...outcome, ...p.attributes],
              endDevices: [{ serialNumber: p.meter, names: [{ name: p.meter }] }],
              primaryDeviceTiming: { interval: { start: p.startedAt, end: p.finishedAt } },
              usagePoints: [{ mRID: p.usagePoint }],
            },
          ],
        },
      },
    },
  };
}
