/**
 * Outbox payloads of a disconnect or reconnect (issue 9) and their 61968-9 rendering:
 * - EndDeviceControls "created": the meter's own switch was operated in the field — control type
 *   x.31.0.23 disconnect / x.31.0.18 connect (../shared/cim/NOTES.md §7), the switch order as
 *   issuerTrackingID, the result (succeeded / failed) as an EndDeviceControl attribute;
 * - EndDeviceEvents "created": the outcome — x.31.26.68 disconnected / x.31.26.42 connected when
 *   done, x.31.26.85 (RCDSwitch.ControlPoint.Failed) when refused, unsafe or the meter was not
 *   found — with outcome, action, control result and seal as EndDeviceEventDetails.
 * Both carry `switchOrder`, which tells them apart from the installer's and the visit's payloads.
 */
import { z } from 'zod';
import type { CimMessage } from '../../../shared/cim';
import { OutboxRenderError, type EnvelopeContext, type OutboxRow } from '../../../shared/cim/outboxMessage';
import type { PayloadBody } from '../../../shared/cim/payloads';
import { controlResults, switchActions, switchOutcomes } from '../../../shared/domain/switching';
import { outboxMessageOf } from './renderWorkOrderNouns';

const code = z.string().regex(/^\d+\.\d+\.\d+\.\d+$/);
export const switchControlPayload = z.object({
  switchOrder: z.string().min(1),
  controlType: code,
  result: z.enum(controlResults),
  meter: z.string().min(1),
  usagePoint: z.string().min(1),
  at: z.string().min(1),
  reason: z.string().min(1),
});
export const switchEventPayload = z.object({
  switchOrder: z.string().min(1),
  eventType: code,
  outcome: z.enum(switchOutcomes),
  action: z.enum(switchActions),
  controlResult: z.enum(controlResults).nullable(),
  sealNumber: z.string().min(1).nullable(),
  meter: z.string().min(1),
  usagePoint: z.string().min(1),
  at: z.string().min(1),
  reason: z.string().min(1),
});
export type SwitchControlPayload = z.infer<typeof switchControlPayload>;
export type SwitchEventPayload = z.infer<typeof switchEventPayload>;

const isSwitchPayload = (payload: unknown): boolean => typeof payload === 'object' && payload !== null && 'switchOrder' in payload;

function parse<T>(schema: z.ZodType<T>, row: OutboxRow): T {
  const parsed = schema.safeParse(row.payload);
  if (!parsed.success) throw new OutboxRenderError(`outbox row ${row.messageId}: ${row.noun} payload of a switch is malformed`);
  return parsed.data;
}

function body(row: OutboxRow): PayloadBody | null {
  if (!isSwitchPayload(row.payload)) return null;
  if (row.noun === 'EndDeviceControls') {
    const p = parse(switchControlPayload, row);
    return {
      noun: 'EndDeviceControls',
      value: {
        endDeviceControls: [
          {
            issuerTrackingID: p.switchOrder,
            reason: p.reason,
            controlType: p.controlType,
            attributes: [{ name: 'result', value: p.result }],
            endDevices: [{ serialNumber: p.meter, names: [{ name: p.meter }] }],
            primaryDeviceTiming: { interval: { start: p.at } },
            usagePoints: [{ mRID: p.usagePoint }],
          },
        ],
      },
    };
  }
  if (row.noun === 'EndDeviceEvents') {
    const p = parse(switchEventPayload, row);
    const details = [
      { name: 'outcome', value: p.outcome },
      { name: 'action', value: p.action },
      ...(p.controlResult ? [{ name: 'controlResult', value: p.controlResult }] : []),
      ...(p.sealNumber ? [{ name: 'sealNumber', value: p.sealNumber }] : []),
    ];
    return {
      noun: 'EndDeviceEvents',
      value: {
        endDeviceEvents: [
          {
            createdDateTime: p.at,
            issuerTrackingID: p.switchOrder,
            reason: p.reason,
            assets: { names: [{ name: p.meter }] },
            details,
            eventType: p.eventType,
            status: { dateTime: p.at, value: p.outcome },
            usagePoint: { mRID: p.usagePoint },
          },
        ],
      },
    };
  }
  return null;
}

/** The message for an outbox row of a switch's control or event, or null when it is not one. */
export function renderSwitchingNoun(row: OutboxRow, context: EnvelopeContext): CimMessage | null {
  const payloadBody = body(row);
  return payloadBody === null ? null : outboxMessageOf(row, context, payloadBody);
}
